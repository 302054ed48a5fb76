/** Small numeric helpers for the benchmark: percentiles by nearest rank, rounding for the table. */

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Rounds for display and for the JSON file: 2 decimals below 10, 1 below 1000, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value
  const abs = Math.abs(value)
  const digits = abs < 10 ? 2 : abs < 1000 ? 1 : 0
  const f = 10 ** digits
  return Math.round(value * f) / f
}

export function elapsed(start: number): number {
  return performance.now() - start
}
