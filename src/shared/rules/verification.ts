// Caller verification on the hotline (RULES.md §8, D11) and its lockout, as pure functions.
import { Temporal } from 'temporal-polyfill'
import { VERIFICATION } from './catalogue'
import type { Citation } from './clauses'
import { normaliseVin, validateVin } from './vin'

/** What the record says about the owner. */
export interface CallerRecord {
  firstName: string
  lastName: string
  vin: string
  customerNumber?: string | null
  postcode?: string | null
}

/** What the caller says. */
export interface CallerClaim {
  firstName: string
  lastName: string
  vin: string
  customerNumber?: string
  postcode?: string
}

export type VerificationFailure =
  | 'name-mismatch'
  | 'vin-invalid'
  | 'vin-mismatch'
  | 'no-second-factor'
  | 'customer-number-mismatch'
  | 'postcode-mismatch'

export interface VerificationResult {
  passed: boolean
  nameMatches: boolean
  vinMatches: boolean
  /** Which second fact was checked and matched. */
  secondFactor: 'customer-number' | 'postcode' | null
  failures: VerificationFailure[]
  /**
   * English reasons, one per failure (never revealing the record's values). Kept for logs; the
   * renderer translates `failures` (the codes are the API).
   */
  messages: string[]
  /** Clause and decision ids (clauses.ts). */
  clauses: Citation[]
}

/**
 * D11: case and surrounding spaces are ignored; accents are not. NFC makes a composed "é" and an
 * "e" + combining accent the same text (that is encoding, not ignoring the accent).
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

/** Customer numbers as printed on the owner card: spaces and case ignored. */
export function normaliseCustomerNumber(value: string): string {
  return value.normalize('NFC').replace(/\s/g, '').toUpperCase()
}

/**
 * Postcodes of DK, SE, PT, BE and LU are all numeric ('2450', '191 38', '2740-422', 'L-1234'):
 * only the digits are compared, so spacing, dashes and country prefixes do not matter.
 */
export function normalisePostcode(value: string): string {
  return value.replace(/\D/g, '')
}

export function verifyCaller(record: CallerRecord, claim: CallerClaim): VerificationResult {
  const failures: VerificationFailure[] = []
  const messages: string[] = []

  const nameMatches =
    normaliseName(claim.firstName) === normaliseName(record.firstName) &&
    normaliseName(claim.lastName) === normaliseName(record.lastName) &&
    normaliseName(claim.lastName) !== ''
  if (!nameMatches) {
    failures.push('name-mismatch')
    messages.push('The first name and surname must match the record exactly (letters and accents; case and surrounding spaces do not matter).')
  }

  const v = validateVin(claim.vin)
  let vinMatches = false
  if (!v.ok) {
    failures.push('vin-invalid')
    messages.push(`The full 17-character VIN is needed: ${v.message}`)
  } else {
    vinMatches = v.vin === normaliseVin(record.vin)
    if (!vinMatches) {
      failures.push('vin-mismatch')
      messages.push('The VIN does not match the vehicle on record.')
    }
  }

  // Either the customer number or the postcode. A fact the caller gives must be right: a wrong
  // customer number is not excused by a right postcode (a guessing caller must not pass).
  const givenNumber = claim.customerNumber !== undefined && claim.customerNumber.trim() !== ''
  const givenPostcode = claim.postcode !== undefined && normalisePostcode(claim.postcode) !== ''
  let numberOk: boolean | null = null
  let postcodeOk: boolean | null = null
  if (givenNumber) {
    const rec = record.customerNumber
    // A given number is never blank, so a blank number on record cannot equal it.
    numberOk = rec != null && normaliseCustomerNumber(rec) === normaliseCustomerNumber(claim.customerNumber!)
    if (!numberOk) {
      failures.push('customer-number-mismatch')
      messages.push('The customer number does not match the record.')
    }
  }
  if (givenPostcode) {
    const rec = record.postcode
    // A given postcode has digits, so a postcode on record without any cannot equal it.
    postcodeOk = rec != null && normalisePostcode(rec) === normalisePostcode(claim.postcode!)
    if (!postcodeOk) {
      failures.push('postcode-mismatch')
      messages.push('The postcode does not match the address on record.')
    }
  }
  if (!givenNumber && !givenPostcode) {
    failures.push('no-second-factor')
    messages.push('Ask for the customer number or the postcode of the address on record.')
  }
  const secondFactor: VerificationResult['secondFactor'] =
    numberOk === true && postcodeOk !== false ? 'customer-number' : postcodeOk === true && numberOk !== false ? 'postcode' : null

  const passed = failures.length === 0
  return {
    passed,
    nameMatches,
    vinMatches,
    secondFactor,
    failures,
    messages,
    clauses: [...VERIFICATION.clauses]
  }
}

// ---------------------------------------------------------------------------------------------
// Lockout

export interface VerificationAttempt {
  /** ISO date-time with an offset or Z, e.g. '2026-03-20T10:15:00Z'. */
  at: string
  passed: boolean
}

export interface LockoutState {
  locked: boolean
  /** ISO instant (UTC, 'Z') when the lock ends; set while locked. */
  lockedUntil?: string
  /** Failures counted towards the next lock. */
  consecutiveFailures: number
  /** Attempts left before a lock (0 while locked). */
  remainingAttempts: number
  /** ['D11'] */
  clauses: Citation[]
}

function instant(value: string, field: string): Temporal.Instant {
  try {
    // An offset is required: a local time without zone would depend on where the code runs.
    return Temporal.Instant.from(value)
  } catch {
    throw new RangeError(`${field} must be an ISO date-time with offset or Z, got ${JSON.stringify(value)}`)
  }
}

/**
 * D11: three failed attempts lock verification for the vehicle for 15 minutes. Failures count
 * since the last pass or the end of the last lock; attempts recorded during a lock are refused
 * attempts and neither count nor extend it. Pass the attempts for one vehicle, in any order.
 */
export function verificationLockout(attempts: readonly VerificationAttempt[], now: string): LockoutState {
  const nowI = instant(now, 'now')
  const lockFor = Temporal.Duration.from({ minutes: VERIFICATION.lockMinutes })
  const sorted = attempts
    .map((a, i) => ({ a, t: instant(a.at, `attempts[${i}].at`) }))
    .filter((x) => Temporal.Instant.compare(x.t, nowI) <= 0) // the future has not happened
    // Array sort is stable: attempts at the same instant keep the order they were recorded in.
    .sort((x, y) => Temporal.Instant.compare(x.t, y.t))

  let failures = 0
  let lockedUntil: Temporal.Instant | null = null
  for (const { a, t } of sorted) {
    if (lockedUntil !== null) {
      if (Temporal.Instant.compare(t, lockedUntil) < 0) continue
      lockedUntil = null
      failures = 0
    }
    if (a.passed) {
      failures = 0
      continue
    }
    failures++
    if (failures >= VERIFICATION.maxFailures) lockedUntil = t.add(lockFor)
  }
  const clauses: Citation[] = ['D11']
  if (lockedUntil !== null && Temporal.Instant.compare(nowI, lockedUntil) < 0) {
    return { locked: true, lockedUntil: lockedUntil.toString(), consecutiveFailures: failures, remainingAttempts: 0, clauses }
  }
  if (lockedUntil !== null) failures = 0
  return { locked: false, consecutiveFailures: failures, remainingAttempts: VERIFICATION.maxFailures - failures, clauses }
}
