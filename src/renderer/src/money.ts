/**
 * Amounts typed by an agent, read the way the agent's language writes them (issue 13, defect 2). Intl
 * tells the decimal and group separators (`formatToParts`) and the currency's decimals; this module only
 * decides what is unambiguous. Hand-written because no kept library parses localised numbers strictly:
 * `500.25` typed by a Danish agent (for whom `.` groups thousands) must be refused, not read as 50 025.
 */

export interface Separators {
  decimal: string
  group: string
}

export function separators(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(12_345.6)
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' }
}

/** Decimals of a currency (2 for DKK, SEK and EUR), from Intl rather than a table. */
export function currencyDecimals(locale: string, currency: string): number {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: 'empty' | 'not-an-amount' | 'too-many-decimals' }

const SPACES = /[\s\u00a0\u202f]/

/**
 * An amount in minor units. Accepted: digits, the language's decimal separator (or the other of `.`
 * and `,` when that one is not the language's group separator), thousands grouped by the group
 * separator or spaces in groups of three, an optional leading minus, and the currency's own symbol or
 * code. Anything else is refused rather than guessed.
 */
export function parseAmount(text: string, locale: string, currency: string): ParsedAmount {
  const { decimal, group } = separators(locale)
  const decimals = currencyDecimals(locale, currency)
  const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1).find((p) => p.type === 'currency')?.value ?? ''
  let s = text.trim()
  for (const mark of [symbol, currency]) if (mark) s = s.split(mark).join('')
  s = s.trim()
  if (!s) return { ok: false, problem: 'empty' }
  const negative = /^[-−]/.test(s)
  if (negative) s = s.slice(1).trim()
  // Where the language groups with spaces, both `.` and `,` can only mean the decimal point.
  const decimalMarks = new Set([decimal, ...['.', ','].filter((c) => c !== group)])
  // Split off the fraction at the last decimal mark, if any.
  let integer = s
  let fraction = ''
  const markAt = Math.max(...[...decimalMarks].map((m) => s.lastIndexOf(m)))
  if (markAt >= 0) {
    integer = s.slice(0, markAt)
    fraction = s.slice(markAt + 1)
  }
  if (!/^\d*$/.test(fraction) || (markAt >= 0 && !fraction)) return { ok: false, problem: 'not-an-amount' }
  const groups = integer.split(new RegExp(`(?:${SPACES.source}|${escape(group)})`))
  if (!groups.every((g) => /^\d+$/.test(g)) || (groups.length > 1 && !(groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3)))) {
    return { ok: false, problem: 'not-an-amount' }
  }
  if (fraction.length > decimals) return { ok: false, problem: 'too-many-decimals' }
  const minor = Number(groups.join('')) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || 0)
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: 'not-an-amount' }
  return { ok: true, minor: negative ? -minor : minor }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An amount as the agent would type it (grouped, the currency's decimals, no symbol): "6.995,00". */
export function formatAmountInput(minor: number, locale: string, currency: string): string {
  const decimals = currencyDecimals(locale, currency)
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(minor / 10 ** decimals)
}
