import { validateVin, VIN_LENGTH, SHORT_VIN_LENGTH, type VinFailureReason } from '@shared/rules'
import { nameTokens, plateKey } from './fold'

/**
 * What one search box input can be, decided once and used by the renderer's offline copy and by main
 * alike, so that both look for the same things: a full VIN, the last 7 of a VIN, a plate, words of the
 * customer's name, a customer number, a phone number, an e-mail address or a withdrawal case number.
 * Every lookup that fits the input is made; none is chosen silently over another.
 */
export interface SearchPlan {
  /** A valid full VIN (spaces and dashes removed, upper case). */
  vin: string | null
  /** Why a 17-character input is not a VIN (nothing else is looked up then). */
  vinProblem: { reason: VinFailureReason; message: string } | null
  /** The last 7 characters of a VIN. */
  shortVin: string | null
  /** A plate, or its beginning, as a plate key. */
  platePrefix: string | null
  /** Folded name words, longest first; a word that begins another typed word is left out. */
  nameWords: string[]
  customerNumber: string | null
  /** The digits a phone number must end with (country code and trunk prefix handled, see `typedPhone`). */
  phoneDigits: string | null
  /** An e-mail address, or its beginning, in lower case. */
  emailPrefix: string | null
  /** A withdrawal case number, written as main writes it (WD-2026-000042). */
  caseId: string | null
  /**
   * Shown when nothing matches: the input looks like a VIN, or the last 7 of one, typed with a letter no
   * VIN has (I, O, Q) or of the wrong length; never for a phone number or an e-mail address.
   */
  vinAttempt: boolean
}

/** Fewer digits than this are too common to look up as the end of a phone number. */
export const MIN_PHONE_DIGITS = 6

const EMPTY: SearchPlan = {
  vin: null,
  vinProblem: null,
  shortVin: null,
  platePrefix: null,
  nameWords: [],
  customerNumber: null,
  phoneDigits: null,
  emailPrefix: null,
  caseId: null,
  vinAttempt: false
}

/** Every digit of a stored phone number, country code included: "+45 12 34 56 78" → "4512345678". */
export function phoneDigitsOf(phone: string): string {
  return phone.replace(/\D/g, '')
}

/**
 * The digits of a stored phone number reversed: "numbers ending in what was typed" becomes a prefix
 * lookup on this key, an index read in IndexedDB and in PostgreSQL alike.
 */
export function phoneTailKey(phone: string): string {
  return [...phoneDigitsOf(phone)].reverse().join('')
}

/**
 * What a typed phone number must be the end of. An agent hears a number with or without its country
 * code, and with the national trunk prefix (a leading 0 in Sweden and Belgium) or the international one
 * (00): matching on the trailing digits of the stored international number works for every market
 * without knowing its numbering plan, once those prefixes are dropped.
 */
export function typedPhone(input: string): string | null {
  const text = input.trim()
  if (!/^\+?[\d\s\-()./]+$/.test(text)) return null
  let digits = phoneDigitsOf(text)
  if (!text.startsWith('+')) digits = digits.startsWith('00') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : digits
  return digits.length >= MIN_PHONE_DIGITS ? digits : null
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase()
}

const CASE_ID = /^WD[\s-]*(\d{4})[\s-]*(\d{1,6})$/i

/** "wd 2026 42", "WD-2026-000042" → "WD-2026-000042". */
export function typedCaseId(input: string): string | null {
  const m = CASE_ID.exec(input.trim())
  return m ? `WD-${m[1]}-${m[2]!.padStart(6, '0')}` : null
}

/** The words a name lookup looks for: a typed word that begins another adds nothing ("an anders"). */
export function lookupWords(text: string): string[] {
  return [...new Set(nameTokens(text).filter((t) => !/^\d+$/.test(t)))]
    .sort((a, b) => b.length - a.length)
    .filter((word, i, all) => !all.some((other, j) => j < i && other.startsWith(word)))
}

export function planSearch(raw: string): SearchPlan {
  const text = raw.trim()
  if (!text) return EMPTY
  // An e-mail address or a case number is nothing else.
  if (text.includes('@')) return { ...EMPTY, emailPrefix: emailKey(text) }
  const caseId = typedCaseId(text)
  if (caseId) return { ...EMPTY, caseId }

  const compact = text.replace(/[\s-]/g, '').toUpperCase()
  const alnum = /^[A-Z0-9]+$/.test(compact)
  const hasDigit = /\d/.test(compact)
  const hasLetter = /[A-Z]/.test(compact)
  const plus = text.includes('+')

  if (alnum && compact.length === VIN_LENGTH) {
    const check = validateVin(compact)
    return check.ok ? { ...EMPTY, vin: check.vin } : { ...EMPTY, vinProblem: { reason: check.reason, message: check.message } }
  }
  const isShortVin = alnum && compact.length === SHORT_VIN_LENGTH
  return {
    ...EMPTY,
    shortVin: isShortVin && /^[A-HJ-NPR-Z0-9]+$/.test(compact) ? compact : null,
    platePrefix: !plus && alnum && hasDigit && compact.length >= 2 ? plateKey(compact) : null,
    nameWords: plus ? [] : lookupWords(text),
    customerNumber: !plus && /^\d{4,20}$/.test(compact) ? compact : null,
    phoneDigits: typedPhone(text),
    // A VIN has letters and digits; a phone number (digits, perhaps a +) is never taken for one.
    vinAttempt: !plus && hasDigit && hasLetter && (isShortVin || compact.replace(/[^A-Z0-9]/g, '').length >= 10)
  }
}

/** Whether the plan looks anything up at all. */
export function plansLookup(plan: SearchPlan): boolean {
  return !!(plan.vin || plan.shortVin || plan.platePrefix || plan.nameWords.length || plan.customerNumber || plan.phoneDigits || plan.emailPrefix || plan.caseId)
}

/** Why an input that found nothing is not a VIN, when it looks like one (RULES.md §1: hint, never correct). */
export function vinProblemOf(raw: string, plan: SearchPlan): { reason: VinFailureReason; message: string } | null {
  if (plan.vinProblem) return plan.vinProblem
  if (!plan.vinAttempt) return null
  const check = validateVin(raw)
  if (check.ok) return null
  // The last 7 of a VIN are 7 characters by definition: only a wrong character is worth a hint there.
  if (check.reason === 'length' && raw.replace(/[\s-]/g, '').length === SHORT_VIN_LENGTH) return null
  return { reason: check.reason, message: check.message }
}
