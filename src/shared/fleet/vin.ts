/**
 * VIN construction for the demo fleet (ISO 3779). The check digit at position 9 is computed the North
 * American way for realism only: RULES.md §1 says never to reject an EU VIN on it.
 */
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9
}
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

export function checkDigit(vin17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const c = vin17[i]!
    const value = /\d/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0)
    sum += value * WEIGHTS[i]!
  }
  const r = sum % 11
  return r === 10 ? 'X' : String(r)
}

/** Model-year letters (position 10); I, O, Q, U, Z and 0 are never used there. */
export const MODEL_YEAR: Record<number, string> = {
  2015: 'F', 2016: 'G', 2017: 'H', 2018: 'J', 2019: 'K', 2020: 'L', 2021: 'M', 2022: 'N',
  2023: 'P', 2024: 'R', 2025: 'S', 2026: 'T', 2027: 'V'
}

/** WMW (MINI) + 5-character descriptor + check digit + model year + plant + 6-digit serial. */
export function buildVin(vds: string, year: number, plant: string, serial: string): string {
  const draft = `WMW${vds.padEnd(5, '0').slice(0, 5)}0${MODEL_YEAR[year] ?? 'T'}${plant}${serial}`
  return draft.slice(0, 8) + checkDigit(draft) + draft.slice(9)
}
