// Withdrawal (RULES.md §5): eligibility, period, deadline, charge, refund and recipient.
import {
  addMonths,
  compareDates,
  daysBetween,
  describeShifts,
  isAfter,
  maxDate,
  periodEnd,
  rollForward,
  toPlainDate,
  type DeadlineShift,
  type RolledDate
} from './calendar'
import {
  MARKET_INFO,
  MISSING_INSTRUCTIONS_EXTENSION_MONTHS,
  SIM_RULES,
  WITHDRAWAL_RULES,
  type WithdrawalRule
} from './catalogue'
import { uniqueCitations, type Citation } from './clauses'
import type {
  Market,
  WithdrawalAssessment,
  WithdrawalInput,
  WithdrawalRecipient,
  WithdrawalRefusal
} from './types'

/** Extra, optional input fields (RULES-API.md allows additions). */
export interface WithdrawalInputExtras {
  /**
   * D5 (BE/LU): the trader's name, address and e-mail are a supervisor setting that this pure
   * function cannot read. Pass the configured recipient here; without it the assessment carries a
   * clearly marked placeholder (`recipientStatus: 'placeholder'`) and forms must be refused.
   * Ignored for DK, SE and PT, whose recipient is fixed by the terms (listed in `warnings`).
   */
  recipient?: WithdrawalRecipient
  /**
   * The withdrawal is a SIM deactivation requested before handover (RULES.md §3, D12): DK any
   * customer, any time; SE a consumer with a distance or off-premises contract, any time. All
   * payments are refunded.
   */
  simDeactivationBeforeHandover?: boolean
}

export type WithdrawalAssessmentInput = WithdrawalInput & WithdrawalInputExtras

export interface ChargeFormula {
  /**
   * 'none': start not requested (nothing owed); 'pro-rata': price × days ÷ term;
   * 'agent-set': no fixed term, share entered by the agent; 'agent-required': no fixed term and no
   * share entered yet; 'no-start-date': start requested but no start date recorded;
   * 'all-refunded': D12 withdrawal by SIM deactivation before handover.
   */
  kind: 'none' | 'pro-rata' | 'agent-set' | 'agent-required' | 'no-start-date' | 'all-refunded'
  price: number
  daysProvided?: number
  termDays?: number
  /** Exact quotient before rounding, e.g. 1234.5 */
  exact?: number
  rounding: 'half-up'
  /** The result, minor units. */
  charge: number
  /** Readable formula, e.g. "12000 × 10 ÷ 365 = 328.77 → 329". */
  text: string
  /** True when the amount was set by an agent (shown as agent-set in the case). */
  agentSet: boolean
}

export interface WithdrawalAssessmentDetail extends WithdrawalAssessment {
  /** Clause and decision ids (clauses.ts), each once, in the order an agent reads them. */
  clauses: Citation[]
  market: Market
  contract: WithdrawalInput['contract']
  /** Every reason that applies, in precedence order; `refusal` is the first. */
  refusals: WithdrawalRefusal[]
  /** Day 14 (or the D7 end) before D6 roll-forward. */
  nominalDeadline: IsoDateString
  /** The non-working days the deadline moved over (D6). */
  deadlineShift: DeadlineShift[]
  /** Sentence for the agent, e.g. "2026-04-03 (public holiday: Good Friday), …". */
  deadlineShiftText: string
  /** How the deadline was obtained. */
  deadlineBasis: 'standard' | 'instructions-never-given' | 'instructions-given-late' | 'instructions-receipt' | 'sim-deactivation-before-handover'
  /** The date the last 14 days are counted from (conclusion, or receipt of instructions). */
  countedFrom: IsoDateString
  nominalRefundDueBy: IsoDateString
  refundDueShift: DeadlineShift[]
  refundDays: number
  chargeFormula: ChargeFormula
  /** A refund is owed: only when the withdrawal is accepted. `refund` is what it amounts to. */
  refundOwed: boolean
  currency: WithdrawalInput['currency']
  recipientStatus: 'catalogue' | 'override' | 'placeholder'
  recipientDepartment?: string
  recipientAlternativeEmails?: string[]
  form: WithdrawalRule['form']
  /** Inconsistent or ignored input, explained for the agent. */
  warnings: string[]
}

type IsoDateString = string

/** Shown instead of a trader that has not been configured (D5). Never a real address. */
export const RECIPIENT_PLACEHOLDER: Readonly<WithdrawalRecipient> = Object.freeze({
  name: '[NOT SET — the trader for this market is a supervisor setting (D5)]',
  email: ''
})

export function withdrawalRule(market: Market, contract: WithdrawalInput['contract']): { rule: WithdrawalRule; substituted: boolean } {
  const rules = WITHDRAWAL_RULES[market]
  const exact = rules[contract]
  // 'service-inclusive' exists in DK only: elsewhere the MINI Connected rule applies (with a warning).
  return exact ? { rule: exact, substituted: false } : { rule: rules.connected, substituted: true }
}

function checkMoney(name: string, value: number | undefined): void {
  if (value === undefined) return
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer amount in minor units, got ${value}`)
  }
}

/** Round-half-up of a × b ÷ c for non-negative integers, exact (BigInt, no float error). */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError('divisor must be positive')
  const n = BigInt(a) * BigInt(b)
  const d = BigInt(c)
  return Number((2n * n + d) / (2n * d))
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2)
}

function chargeFor(input: WithdrawalAssessmentInput, d12: boolean, warnings: string[]): ChargeFormula {
  const price = input.price
  const base = { price, rounding: 'half-up' as const }
  if (d12) {
    return { ...base, kind: 'all-refunded', charge: 0, agentSet: false, text: 'D12 — withdrawal by SIM deactivation before handover: all payments are refunded' }
  }
  if (!input.startRequested) {
    return { ...base, kind: 'none', charge: 0, agentSet: false, text: 'The consumer did not ask for the service to start during the withdrawal period: nothing is owed' }
  }
  if (input.termDays === undefined) {
    // A service with no fixed term has no automatic share (RULES.md §5): the agent sets it.
    if (input.agentShare === undefined) {
      return { ...base, kind: 'agent-required', charge: 0, agentSet: false, text: 'No fixed term: the agent must enter the share owed, with a reason' }
    }
    let share = input.agentShare
    if (share > price) {
      warnings.push(`The agent-set share ${share} is above the price ${price}; it is capped at the price`)
      share = price
    }
    return { ...base, kind: 'agent-set', charge: share, agentSet: true, text: `Share set by the agent: ${share}` }
  }
  if (input.serviceStartedAt === undefined) {
    // Safety for the customer: no start date, no evidence of service provided, no automatic charge.
    warnings.push('The service start date is missing: no share is charged automatically')
    return { ...base, kind: 'no-start-date', charge: 0, agentSet: false, termDays: input.termDays, text: 'Start requested, but no service start date recorded: nothing charged automatically' }
  }
  const raw = daysBetween(input.serviceStartedAt, input.noticeReceivedAt)
  const daysProvided = Math.min(Math.max(raw, 0), input.termDays)
  if (raw < 0) warnings.push('The notice was received before the service started: no days were provided')
  if (raw > input.termDays) warnings.push('More days passed than the term has: the share is capped at the full price')
  const charge = mulDivRoundHalfUp(price, daysProvided, input.termDays)
  const exact = (price * daysProvided) / input.termDays
  return {
    ...base,
    kind: 'pro-rata',
    daysProvided,
    termDays: input.termDays,
    exact,
    charge,
    agentSet: false,
    text: `${price} × ${daysProvided} ÷ ${input.termDays} = ${formatAmount(exact)} → ${charge} (rounded half up)`
  }
}

type PeriodBasis = 'standard' | 'instructions-never-given' | 'instructions-given-late' | 'instructions-receipt'

interface WithdrawalPeriod {
  periodStart: IsoDateString
  /** The date the last 14 days are counted from. */
  countedFrom: IsoDateString
  rolled: RolledDate
  basis: PeriodBasis
  /** D7: instructions received after the 12-month extension had ended. */
  instructionsTooLate: boolean
}

/** The withdrawal period and its last day (D6, D7; PT II.6). */
function withdrawalPeriod(m: Market, rule: WithdrawalRule, concludedAt: IsoDateString, instructions: IsoDateString | null | undefined): WithdrawalPeriod {
  const standard = { periodStart: concludedAt, countedFrom: concludedAt, instructionsTooLate: false }
  const normal = periodEnd(m, concludedAt, rule.periodDays)
  if (rule.periodFrom === 'instructions-receipt' && instructions) {
    // PT II.6: counted from receipt of the written instructions, never before conclusion. No
    // 12-month cap: the PT clause is more favourable to the consumer than D7.
    const start = maxDate(instructions, concludedAt)
    return { ...standard, periodStart: start, countedFrom: start, rolled: periodEnd(m, start, rule.periodDays), basis: 'instructions-receipt' }
  }
  // Given at conclusion (undefined, or received on or before that day): the normal period.
  if (instructions === undefined || (instructions !== null && !isAfter(instructions, concludedAt))) {
    return { ...standard, rolled: normal, basis: 'standard' }
  }
  // D7: never given → 12 months after the normal end (itself rolled per D6), rolled again.
  const extendedEnd = rollForward(m, addMonths(normal.date, MISSING_INSTRUCTIONS_EXTENSION_MONTHS))
  if (instructions === null) return { ...standard, rolled: extendedEnd, basis: 'instructions-never-given' }
  if (isAfter(instructions, extendedEnd.date)) {
    return { ...standard, rolled: extendedEnd, basis: 'instructions-never-given', instructionsTooLate: true }
  }
  // D7: given late, within the 12 months → 14 days from that receipt. Received after the
  // conclusion, so this end is never earlier than the normal one (roll-forward keeps order).
  return { ...standard, countedFrom: instructions, rolled: periodEnd(m, instructions, rule.periodDays), basis: 'instructions-given-late' }
}

/** RULES.md §5. Complete even when refused, so the case can show why. */
export function assessWithdrawal(input: WithdrawalAssessmentInput): WithdrawalAssessmentDetail {
  const warnings: string[] = []
  for (const [name, value] of [
    ['concludedAt', input.concludedAt],
    ['noticeSentAt', input.noticeSentAt],
    ['noticeReceivedAt', input.noticeReceivedAt]
  ] as const) {
    toPlainDate(value, name)
  }
  if (input.instructionsReceivedAt) toPlainDate(input.instructionsReceivedAt, 'instructionsReceivedAt')
  if (input.serviceStartedAt !== undefined) toPlainDate(input.serviceStartedAt, 'serviceStartedAt')
  checkMoney('price', input.price)
  checkMoney('paid', input.paid)
  checkMoney('agentShare', input.agentShare)
  if (input.termDays !== undefined && (!Number.isSafeInteger(input.termDays) || input.termDays <= 0)) {
    throw new RangeError(`termDays must be a positive whole number of days, got ${input.termDays}`)
  }

  const { rule, substituted } = withdrawalRule(input.market, input.contract)
  if (substituted) {
    warnings.push(`'${input.contract}' exists in DK only; the ${input.market} rules for the MINI Connected contract were applied`)
  }
  if (isAfter(input.noticeSentAt, input.noticeReceivedAt)) {
    warnings.push('The notice is recorded as received before it was sent; please check the dates')
  }

  const m = input.market
  const d12Rule = SIM_RULES[m].contract?.d12
  // D12 concerns the MINI Connected contract only (GTC 1.6 a): a Service Inclusive purchase is not withdrawn by a SIM request.
  const d12 = input.simDeactivationBeforeHandover === true && d12Rule !== undefined && input.contract === 'connected'
  const d12AnyCustomer = d12 && d12Rule.anyCustomer
  if (input.currency !== MARKET_INFO[m].currency) {
    warnings.push(`${m} amounts are in ${MARKET_INFO[m].currency}, not ${input.currency}; please check the currency`)
  }
  if (input.simDeactivationBeforeHandover === true && !d12) {
    warnings.push(`A SIM deactivation before handover withdraws only a DK or SE MINI Connected contract (RULES.md §3, D12); the ordinary ${m} rules were applied`)
  }

  // ---- who and which contracts
  const refusals: WithdrawalRefusal[] = []
  if (!d12AnyCustomer && input.customer !== 'consumer') refusals.push('not-consumer')
  // D12 in SE keeps the channel condition: 1.6 a) names the same channels as §15 (distance, off-premises).
  const channelOk = d12AnyCustomer || rule.channels.includes(input.channel)
  if (!channelOk) refusals.push('channel-excluded')
  // D8 (Directive art. 16(a); PT II.6 «não seja cumprido» read as "fully performed").
  if (input.fullyPerformed === true && !d12) refusals.push('fully-performed')

  // ---- period (D6, D7)
  const { periodStart, countedFrom, rolled, basis: deadlineBasis, instructionsTooLate } = withdrawalPeriod(m, rule, input.concludedAt, input.instructionsReceivedAt)
  // D12 has no period, so D7 (which extends one) says nothing about it.
  if (instructionsTooLate && !d12) warnings.push('The instructions were given after the 12-month extension had ended (D7)')

  const deadline = rolled.date
  // Dispatch within the period is enough (DK GTC 14, SI 8; SE §15; PT II.6; Directive art. 11(2)).
  const inTime = d12 ? true : compareDates(input.noticeSentAt, deadline) <= 0
  if (!inTime) refusals.push('late')

  // ---- money
  const chargeFormula = chargeFor(input, d12, warnings)
  const charge = chargeFormula.charge
  const refund = Math.max(0, input.paid - charge)
  if (charge > input.paid) {
    warnings.push(`The share owed (${charge}) is more than was paid (${input.paid}): nothing is refunded; the difference is not collected by this tool`)
  }

  // Refund due: from the day the notice was received, D6 applies (RULES.md §5).
  const refundRolled = periodEnd(m, input.noticeReceivedAt, rule.refundDays)

  // ---- recipient (D5)
  let recipient: WithdrawalRecipient
  let recipientStatus: WithdrawalAssessmentDetail['recipientStatus']
  let recipientDepartment: string | undefined
  let recipientAlternativeEmails: string[] | undefined
  if (rule.recipient) {
    const r = rule.recipient
    recipient = r.address !== undefined ? { name: r.name, email: r.email, address: r.address } : { name: r.name, email: r.email }
    recipientDepartment = r.department
    recipientAlternativeEmails = r.alternativeEmails
    recipientStatus = 'catalogue'
    if (input.recipient) warnings.push(`The recipient for ${m} is fixed by ${r.source.ref}; the override was ignored`)
  } else if (input.recipient && input.recipient.name.trim() !== '' && input.recipient.email.trim() !== '') {
    recipient = { ...input.recipient }
    recipientStatus = 'override'
  } else {
    recipient = { ...RECIPIENT_PLACEHOLDER }
    recipientStatus = 'placeholder'
  }

  // ---- clauses, in the order an agent reads them; dates and amounts are this outcome's own fields
  const refusal = refusals[0]
  const clauses: Citation[] = []
  if (d12) clauses.push(...SIM_RULES[m].refs.withdrawal)
  if (!d12AnyCustomer) clauses.push(...rule.consumerClauses)
  if (refusals.includes('channel-excluded')) clauses.push(...rule.channelClauses)
  if (refusals.includes('fully-performed')) clauses.push(...rule.lapseClauses)
  // The period and D7's extension of it: not under D12, which withdraws at any time before handover.
  if (!d12) {
    clauses.push(...rule.periodClauses)
    if (deadlineBasis === 'instructions-never-given') clauses.push('D7', 'EU 2011/83 art. 10(1)')
    else if (deadlineBasis === 'instructions-given-late') clauses.push('D7', 'EU 2011/83 art. 10(2)')
  }
  if (chargeFormula.kind !== 'none' && chargeFormula.kind !== 'all-refunded') clauses.push(...rule.proRataClauses)
  clauses.push(...rule.refundClauses)
  // D6 counts the deadline (not under D12, which has none) and the refund's due date.
  clauses.push('D6', 'EU 1182/71 art. 3')
  clauses.push(...rule.recipientClauses)

  return {
    eligible: refusals.length === 0,
    ...(refusal !== undefined ? { refusal } : {}),
    periodStart,
    deadline,
    inTime,
    refundDueBy: refundRolled.date,
    charge,
    refund,
    recipient,
    clauses: uniqueCitations(clauses),
    market: m,
    contract: input.contract,
    refusals,
    nominalDeadline: rolled.nominal,
    deadlineShift: rolled.shifts,
    deadlineShiftText: describeShifts(rolled.shifts),
    deadlineBasis: d12 ? 'sim-deactivation-before-handover' : deadlineBasis,
    countedFrom,
    nominalRefundDueBy: refundRolled.nominal,
    refundDueShift: refundRolled.shifts,
    refundDays: rule.refundDays,
    chargeFormula,
    refundOwed: refusals.length === 0 && refund > 0,
    currency: input.currency,
    recipientStatus,
    ...(recipientDepartment !== undefined ? { recipientDepartment } : {}),
    ...(recipientAlternativeEmails !== undefined ? { recipientAlternativeEmails } : {}),
    form: rule.form,
    warnings
  }
}

/** The periodStart / deadline pair alone (used by the UI while typing dates): the MINI Connected rule. */
export function withdrawalDeadline(market: Market, concludedAt: string, instructionsReceivedAt?: string | null): { periodStart: string; deadline: string; shifts: DeadlineShift[] } {
  toPlainDate(concludedAt, 'concludedAt')
  if (instructionsReceivedAt) toPlainDate(instructionsReceivedAt, 'instructionsReceivedAt')
  const p = withdrawalPeriod(market, WITHDRAWAL_RULES[market].connected, concludedAt, instructionsReceivedAt)
  return { periodStart: p.periodStart, deadline: p.rolled.date, shifts: p.rolled.shifts }
}
