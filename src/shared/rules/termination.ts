// Termination dates (RULES.md §7) as pure functions.
import { addMonths, addWeeks, addYears, compareDates, isAfter, maxDate, toPlainDate } from './calendar'
import { TERMINATION_RULES } from './catalogue'
import type { Citation } from './clauses'
import type { IsoDate, Market } from './types'

export interface TerminationResult {
  /** False when the seed gives this party no such right (or not yet). */
  allowed: boolean
  /** null when not allowed or the seed is silent. */
  effectiveOn: IsoDate | null
  /** 'none': no refund (DK 8.4/8.6/8.7, SE 8.5/8.7/8.8, PT II.5.2). */
  refund: 'none'
  /** Earliest day MINI may give notice (5-year rule). */
  earliestNoticeOn?: IsoDate
  /** Clause and decision ids (clauses.ts); empty when the seed has no such rule (`effectiveOn` null). */
  clauses: Citation[]
}

/** D13: "one month after" a date: same day number next month, or that month's last day. */
export function oneMonthAfter(date: IsoDate): IsoDate {
  return addMonths(date, 1)
}

export function sixWeeksAfter(date: IsoDate): IsoDate {
  return addWeeks(date, 6)
}

/**
 * The customer ends the MINI Connected contract: DK/SE one month after the notice (8.1, D13),
 * unlimited services end with it; PT six weeks (II.5.3). BE/LU: not in the seed.
 */
export function customerContractTermination(market: Market, noticeOn: IsoDate): TerminationResult {
  toPlainDate(noticeOn, 'noticeOn')
  const notice = TERMINATION_RULES[market].contractNotice
  // BE/LU: the seed sets no notice period; the agent asks a supervisor.
  if (notice === null) return { allowed: true, effectiveOn: null, refund: 'none', clauses: [] }
  const p = notice.period
  if ('months' in p) {
    // D13; unlimited services end with the contract (DK/SE 8.1).
    return { allowed: true, effectiveOn: addMonths(noticeOn, p.months), refund: 'none', clauses: [...notice.clauses, 'D13'] }
  }
  return { allowed: true, effectiveOn: addWeeks(noticeOn, p.weeks), refund: 'none', clauses: [...notice.clauses] }
}

/**
 * The due dates of a recurring payment are anchored on its first due date, `intervalMonths`
 * apart, each clamped on its own (D13: 31 Jan → 28 Feb → 31 Mar, not 28 Mar). Returns the first due
 * date on or after `noticeOn`: a payment falling due on the day the notice is given is the next one,
 * so the customer is not charged for another period (the reading that protects the customer).
 */
export function nextDuePaymentDate(firstDueOn: IsoDate, noticeOn: IsoDate, intervalMonths = 1): IsoDate {
  toPlainDate(firstDueOn, 'firstDueOn')
  toPlainDate(noticeOn, 'noticeOn')
  if (!Number.isSafeInteger(intervalMonths) || intervalMonths <= 0) throw new RangeError('intervalMonths must be a positive integer')
  // Due dates are counted from the first one, each clamped on its own; a few hundred steps at most.
  let due = firstDueOn
  for (let k = 1; isAfter(noticeOn, due); k++) due = addMonths(firstDueOn, k * intervalMonths)
  return due
}

/** Unlimited service with recurring payments: ends on the next due payment date (DK 8.5 a, SE 8.6 a). */
export function recurringServiceTermination(market: Market, noticeOn: IsoDate, nextDueOn: IsoDate): TerminationResult {
  toPlainDate(noticeOn, 'noticeOn')
  toPlainDate(nextDueOn, 'nextDueOn')
  const r = TERMINATION_RULES[market]
  if (r.recurringEndsOnNextDue === null) return { allowed: true, effectiveOn: null, refund: 'none', clauses: [] }
  // A "next" due date cannot lie before the notice.
  return { allowed: true, effectiveOn: maxDate(nextDueOn, noticeOn), refund: 'none', clauses: [...r.recurringEndsOnNextDue] }
}

/** Vehicle sold: a limited-duration service may be ended with six weeks' notice, no refund (DK 8.6, SE 8.7, PT II.7). */
export function vehicleSoldServiceTermination(market: Market, noticeOn: IsoDate): TerminationResult {
  toPlainDate(noticeOn, 'noticeOn')
  const sold = TERMINATION_RULES[market].vehicleSold
  if (sold === null) return { allowed: true, effectiveOn: null, refund: 'none', clauses: [] }
  return { allowed: true, effectiveOn: addWeeks(noticeOn, sold.period.weeks), refund: 'none', clauses: [...sold.clauses] }
}

/** PT: any service, in writing, six weeks' notice; no pro-rata refund (II.5.3, II.5.2). */
export function ptServiceTermination(noticeOn: IsoDate): TerminationResult {
  toPlainDate(noticeOn, 'noticeOn')
  // The PT catalogue entry sets it (II.5.3); only DK, SE, BE and LU leave it null.
  const notice = TERMINATION_RULES.PT.serviceNotice!
  return { allowed: true, effectiveOn: addWeeks(noticeOn, notice.period.weeks), refund: 'none', clauses: [...notice.clauses] }
}

/**
 * MINI ends the contract (or an unlimited service) by ordinary notice: only from 5 years after it
 * began (DK 8.1/8.4, SE 8.2/8.5), one month's notice. The seed leaves open whether the 5 years
 * bound the notice or its effect; we read them as bounding the notice (the later end, which
 * protects the customer). PT/BE/LU seeds give MINI no ordinary termination right: refused.
 */
export function miniTermination(market: Market, startedOn: IsoDate, noticeOn: IsoDate): TerminationResult {
  toPlainDate(startedOn, 'startedOn')
  toPlainDate(noticeOn, 'noticeOn')
  const mini = TERMINATION_RULES[market].mini
  if (mini === null) return { allowed: false, effectiveOn: null, refund: 'none', clauses: [] }
  const earliestNoticeOn = addYears(startedOn, mini.period.earliestYears)
  if (compareDates(noticeOn, earliestNoticeOn) < 0) {
    return { allowed: false, effectiveOn: null, refund: 'none', earliestNoticeOn, clauses: [...mini.clauses] }
  }
  const effectiveOn = addMonths(noticeOn, mini.period.noticeMonths)
  return { allowed: true, effectiveOn, refund: 'none', earliestNoticeOn, clauses: [...mini.clauses, 'D13'] }
}

/** A termination after handover takes effect one month after the request (RULES.md §7, D13). */
export function terminationAfterHandoverEffectiveOn(requestedOn: IsoDate): IsoDate {
  return oneMonthAfter(requestedOn)
}
