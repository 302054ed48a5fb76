import { nameTokens, plateKey } from './fold'
import { emailKey, phoneDigitsOf, type SearchPlan } from './query'

/**
 * The order of search results, the same for the offline copy and for main: what the agent typed in full
 * first. A search lists everything that matches; ranking only decides what is on top, so that the
 * customer named in full, or the exact identifier, is never below a row that merely begins the same.
 */
export interface Rankable {
  vin: string
  shortVin: string
  plate: string | null
  customer: {
    firstName: string | null
    lastName: string | null
    companyName: string | null
    customerNumber: string
    email: string | null
    phone: string | null
  }
  cases?: readonly { id: string }[]
}

/**
 * 0: an identifier typed in full (VIN, last 7, plate, customer number, e-mail, phone, case number);
 * 1: the customer's full name (the person's or the company's, every word and no other);
 * 2: every typed word is a whole word of the name; 3: the rest (beginnings of words).
 */
export type MatchTier = 0 | 1 | 2 | 3

/**
 * A phone number typed in full: all its digits, or those after the country code. Stored numbers are
 * international ("+45 12345678"): the country code is what stands between the + and the first gap.
 */
function wholePhone(typed: string, stored: string): boolean {
  const digits = phoneDigitsOf(stored)
  if (typed === digits) return true
  const code = /^\+(\d{1,3})\D/.exec(stored.trim())?.[1]
  return !!code && typed === digits.slice(code.length)
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w))
}

export function matchTier(plan: SearchPlan, v: Rankable): MatchTier {
  const c = v.customer
  if (
    (plan.vin !== null && plan.vin === v.vin) ||
    (plan.shortVin !== null && plan.shortVin === v.shortVin) ||
    (plan.platePrefix !== null && v.plate !== null && plan.platePrefix === plateKey(v.plate)) ||
    (plan.customerNumber !== null && plan.customerNumber === c.customerNumber) ||
    (plan.emailPrefix !== null && c.email !== null && plan.emailPrefix === emailKey(c.email)) ||
    (plan.phoneDigits !== null && c.phone !== null && wholePhone(plan.phoneDigits, c.phone)) ||
    (plan.caseId !== null && !!v.cases?.some((x) => x.id === plan.caseId))
  ) {
    return 0
  }
  const words = plan.nameWords
  if (!words.length) return 3
  if (sameWords(words, nameTokens(c.firstName, c.lastName)) || (c.companyName && sameWords(words, nameTokens(c.companyName)))) return 1
  const all = nameTokens(c.firstName, c.lastName, c.companyName)
  return words.every((w) => all.includes(w)) ? 2 : 3
}

/** Results in tier order; within a tier, in the order they were found (a stable sort). */
export function rankResults<T extends Rankable>(plan: SearchPlan, results: readonly T[]): T[] {
  return results
    .map((v, i) => ({ v, i, tier: matchTier(plan, v) }))
    .sort((a, b) => a.tier - b.tier || a.i - b.i)
    .map((x) => x.v)
}
