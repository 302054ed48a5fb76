import { describe, expect, it } from 'vitest'
import { assessWithdrawal, mulDivRoundHalfUp, withdrawalDeadline, type WithdrawalAssessmentInput } from './index'

// Dates below are worked out by hand from the national calendars (weekdays checked independently);
// amounts by hand from price × days ÷ term, rounded half up.

function input(over: Partial<WithdrawalAssessmentInput> = {}): WithdrawalAssessmentInput {
  return {
    market: 'DK',
    contract: 'connected',
    customer: 'consumer',
    channel: 'distance',
    concludedAt: '2026-03-20',
    noticeSentAt: '2026-03-30',
    noticeReceivedAt: '2026-03-30',
    currency: 'DKK',
    price: 36500,
    paid: 36500,
    startRequested: false,
    ...over
  }
}

const currency = (market: WithdrawalAssessmentInput['market']): WithdrawalAssessmentInput['currency'] =>
  market === 'DK' ? 'DKK' : market === 'SE' ? 'SEK' : 'EUR'

const D6 = ['D6', 'EU 1182/71 art. 3']
const BE_LU_ELIGIBLE = ['EU 2011/83 art. 2(1)', 'EU 2011/83 art. 9(2)(a)', 'EU 2011/83 art. 11(2)', 'EU 2011/83 art. 13', ...D6, 'D5']

describe('who and which contracts (RULES.md §5 table), with the clauses cited', () => {
  it.each([
    ['DK', 'connected', 'on-premises', ['DK GTC 14', ...D6]],
    ['DK', 'connected', 'off-premises', ['DK GTC 14', ...D6]],
    ['DK', 'service-inclusive', 'distance', ['DK SI 2.7', 'DK SI 8', ...D6, 'DK SI Bilag', 'D15']],
    ['SE', 'connected', 'distance', ['SE GTC 15', 'SE Lag 2005:59 1 kap. 2 §', ...D6]],
    ['SE', 'connected', 'off-premises', ['SE GTC 15', 'SE Lag 2005:59 1 kap. 2 §', ...D6]],
    ['PT', 'connected', 'on-premises', ['PT II.6', ...D6]],
    ['BE', 'connected', 'distance', BE_LU_ELIGIBLE],
    ['LU', 'connected', 'off-premises', BE_LU_ELIGIBLE]
  ] as const)('%s %s concluded %s: eligible, citing %j', (market, contract, channel, clauses) => {
    const a = assessWithdrawal(input({ market, contract, channel, currency: currency(market) }))
    expect(a.eligible).toBe(true)
    expect(a.refusal).toBeUndefined()
    expect(a.refusals).toEqual([])
    expect(a.clauses).toEqual(clauses)
  })

  it.each([
    ['DK', 'service-inclusive', 'off-premises', ['DK SI 2.7', 'DK SI 8', ...D6, 'DK SI Bilag', 'D15']],
    ['DK', 'service-inclusive', 'on-premises', ['DK SI 2.7', 'DK SI 8', ...D6, 'DK SI Bilag', 'D15']],
    ['SE', 'connected', 'on-premises', ['SE GTC 15', 'SE Lag 2005:59 1 kap. 2 §', ...D6]],
    ['BE', 'connected', 'on-premises', ['EU 2011/83 art. 2(1)', 'EU 2011/83 art. 9', 'EU 2011/83 art. 9(2)(a)', 'EU 2011/83 art. 11(2)', 'EU 2011/83 art. 13', ...D6, 'D5']],
    ['LU', 'connected', 'on-premises', ['EU 2011/83 art. 2(1)', 'EU 2011/83 art. 9', 'EU 2011/83 art. 9(2)(a)', 'EU 2011/83 art. 11(2)', 'EU 2011/83 art. 13', ...D6, 'D5']]
  ] as const)('%s %s concluded %s: refused channel-excluded, citing %j', (market, contract, channel, clauses) => {
    const a = assessWithdrawal(input({ market, contract, channel, currency: currency(market) }))
    expect(a.eligible).toBe(false)
    expect(a.refusal).toBe('channel-excluded')
    expect(a.clauses).toEqual(clauses)
  })

  it.each(['DK', 'SE', 'PT', 'BE', 'LU'] as const)('%s — a business customer may not withdraw (not-consumer)', (market) => {
    const a = assessWithdrawal(input({ market, customer: 'business', currency: currency(market) }))
    expect(a.eligible).toBe(false)
    expect(a.refusal).toBe('not-consumer')
    expect(a.refundOwed).toBe(false)
  })

  it('RULES-API — refusal precedence: not-consumer, channel-excluded, fully-performed, late', () => {
    const all = input({ market: 'SE', currency: 'SEK', customer: 'business', channel: 'on-premises', fullyPerformed: true, noticeSentAt: '2026-05-01', noticeReceivedAt: '2026-05-02' })
    expect(assessWithdrawal(all).refusal).toBe('not-consumer')
    expect(assessWithdrawal(all).refusals).toEqual(['not-consumer', 'channel-excluded', 'fully-performed', 'late'])
    expect(assessWithdrawal({ ...all, customer: 'consumer' }).refusal).toBe('channel-excluded')
    expect(assessWithdrawal({ ...all, customer: 'consumer', channel: 'distance' }).refusal).toBe('fully-performed')
    expect(assessWithdrawal({ ...all, customer: 'consumer', channel: 'distance', fullyPerformed: false }).refusal).toBe('late')
  })

  it('PT II.6 + D8 — a service fully performed at the consumer\'s request can no longer be withdrawn', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', fullyPerformed: true }))
    expect(a.refusals).toEqual(['fully-performed'])
    expect(a.clauses).toEqual(['PT II.6', 'D8', ...D6])
  })

  it('Directive art. 16(a) — elsewhere the lapse cites the Directive (D8 is the PT reading only)', () => {
    expect(assessWithdrawal(input({ fullyPerformed: true })).clauses).toEqual(['DK GTC 14', 'EU 2011/83 art. 16(a)', ...D6])
    expect(assessWithdrawal(input({ market: 'BE', currency: 'EUR', fullyPerformed: true })).clauses).toEqual([
      'EU 2011/83 art. 2(1)', 'EU 2011/83 art. 16(a)', 'EU 2011/83 art. 9(2)(a)', 'EU 2011/83 art. 11(2)', 'EU 2011/83 art. 13', ...D6, 'D5'
    ])
    expect(assessWithdrawal(input({ fullyPerformed: false })).eligible).toBe(true)
  })

  it('RULES-API — a refused assessment is still complete', () => {
    const a = assessWithdrawal(input({ customer: 'business' }))
    expect(a.deadline).toBe('2026-04-07')
    expect(a.refundDueBy).toBe('2026-04-13')
    expect(a.refund).toBe(36500)
    expect(a.recipient.email).toBe('miniconnected.dk@mini.dk')
    expect(a.refundOwed).toBe(false)
    expect(a.clauses).toEqual(['DK GTC 14', ...D6])
  })
})

describe('deadline: D6 and dispatch (DK GTC 14, SE GTC 15, PT II.6, Directive art. 11(2))', () => {
  it('D6 — DK concluded 2026-03-20: day 14 is Good Friday, last day Tuesday 2026-04-07, shift explained', () => {
    const a = assessWithdrawal(input())
    expect(a).toMatchObject({
      periodStart: '2026-03-20',
      countedFrom: '2026-03-20',
      nominalDeadline: '2026-04-03',
      deadline: '2026-04-07',
      deadlineBasis: 'standard'
    })
    expect(a.deadlineShift).toEqual([
      { date: '2026-04-03', reason: 'holiday', holidayName: 'Langfredag', holidayNameEn: 'Good Friday' },
      { date: '2026-04-04', reason: 'saturday' },
      { date: '2026-04-05', reason: 'sunday', holidayName: 'Påskedag', holidayNameEn: 'Easter Sunday' },
      { date: '2026-04-06', reason: 'holiday', holidayName: 'Anden påskedag', holidayNameEn: 'Easter Monday' }
    ])
    expect(a.deadlineShiftText).toBe(
      '2026-04-03 (public holiday: Good Friday), 2026-04-04 (Saturday), 2026-04-05 (Sunday: Easter Sunday), 2026-04-06 (public holiday: Easter Monday)'
    )
  })

  it.each([
    ['SE', '2026-04-07', 'Good Friday and Easter Monday are holidays'],
    ['BE', '2026-04-03', 'Good Friday is a working day'],
    ['LU', '2026-04-03', 'Good Friday is an observance only']
  ] as const)('D6 — %s concluded 2026-03-20: last day %s (%s)', (market, deadline, _why) => {
    expect(assessWithdrawal(input({ market, currency: currency(market) })).deadline).toBe(deadline)
  })

  it('D6 — PT: Good Friday is a holiday but Easter Monday is not: last day Monday 2026-04-06', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR' }))
    expect(a.deadline).toBe('2026-04-06')
    expect(a.deadlineShift.map((s) => [s.date, s.reason])).toEqual([
      ['2026-04-03', 'holiday'],
      ['2026-04-04', 'saturday'],
      ['2026-04-05', 'sunday']
    ])
  })

  it('D6 — no shift on a working day: nominal and last day agree, nothing to explain', () => {
    const a = assessWithdrawal(input({ concludedAt: '2026-03-02', noticeSentAt: '2026-03-02', noticeReceivedAt: '2026-03-02' }))
    expect(a.nominalDeadline).toBe('2026-03-16')
    expect(a.deadline).toBe('2026-03-16')
    expect(a.deadlineShift).toEqual([])
    expect(a.deadlineShiftText).toBe('')
  })

  it('DK GTC 14 — sent on the last day is in time, even when received later', () => {
    const a = assessWithdrawal(input({ noticeSentAt: '2026-04-07', noticeReceivedAt: '2026-04-10' }))
    expect(a.inTime).toBe(true)
    expect(a.eligible).toBe(true)
  })

  it('DK GTC 14 — sent the day after the last day is late', () => {
    const a = assessWithdrawal(input({ noticeSentAt: '2026-04-08', noticeReceivedAt: '2026-04-08' }))
    expect(a.inTime).toBe(false)
    expect(a.refusals).toEqual(['late'])
    expect(a.clauses).toEqual(['DK GTC 14', ...D6])
  })

  it('PT II.6 — counted from receipt of the written instructions', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02', instructionsReceivedAt: '2026-03-10', noticeSentAt: '2026-03-24', noticeReceivedAt: '2026-03-25' }))
    expect(a).toMatchObject({ periodStart: '2026-03-10', countedFrom: '2026-03-10', deadline: '2026-03-24', inTime: true, deadlineBasis: 'instructions-receipt' })
    expect(a.clauses).toEqual(['PT II.6', ...D6])
  })

  it.each([
    ['2026-02-20', 'before conclusion'],
    ['2026-03-02', 'on the day of conclusion']
  ])('PT II.6 — instructions received %s (%s): never before conclusion', (instructionsReceivedAt) => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02', instructionsReceivedAt }))
    expect(a.periodStart).toBe('2026-03-02')
    expect(a.deadline).toBe('2026-03-16')
    expect(a.deadlineBasis).toBe('instructions-receipt')
  })

  it('PT II.6 — instructions given at conclusion (undefined): from conclusion', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02' }))
    expect(a.periodStart).toBe('2026-03-02')
    expect(a.deadline).toBe('2026-03-16')
    expect(a.deadlineBasis).toBe('standard')
  })

  it('D7 — PT instructions never given (null): 12 months after the normal end', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02', instructionsReceivedAt: null }))
    expect(a.deadline).toBe('2027-03-16')
    expect(a.deadlineBasis).toBe('instructions-never-given')
  })

  it('D7 — instructions never given (null): 12 months after the normal (rolled) end, to the day', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: null, noticeSentAt: '2027-04-07', noticeReceivedAt: '2027-04-08' }))
    expect(a).toMatchObject({ deadline: '2027-04-07', nominalDeadline: '2027-04-07', inTime: true, periodStart: '2026-03-20', countedFrom: '2026-03-20', deadlineBasis: 'instructions-never-given' })
    expect(a.clauses).toEqual(['DK GTC 14', 'D7', 'EU 2011/83 art. 10(1)', ...D6])
    expect(assessWithdrawal(input({ instructionsReceivedAt: null, noticeSentAt: '2027-04-08', noticeReceivedAt: '2027-04-08' })).refusal).toBe('late')
  })

  it('D7 — instructions given on the day of conclusion are given at conclusion', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: '2026-03-20' }))
    expect(a.deadlineBasis).toBe('standard')
    expect(a.deadline).toBe('2026-04-07')
  })

  it('D7 — instructions given the days after conclusion: 14 days from their receipt', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: '2026-03-25', noticeSentAt: '2026-04-08', noticeReceivedAt: '2026-04-08' }))
    expect(a).toMatchObject({ deadline: '2026-04-08', countedFrom: '2026-03-25', periodStart: '2026-03-20', deadlineBasis: 'instructions-given-late', inTime: true, eligible: true })
    expect(a.clauses).toEqual(['DK GTC 14', 'D7', 'EU 2011/83 art. 10(2)', ...D6])
  })

  it('D7 — instructions given later within the 12 months: 14 days from their receipt', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: '2026-09-01', noticeSentAt: '2026-09-15', noticeReceivedAt: '2026-09-16' }))
    expect(a.deadline).toBe('2026-09-15')
    expect(a.inTime).toBe(true)
    expect(a.deadlineBasis).toBe('instructions-given-late')
    expect(a.warnings).toEqual([])
  })

  it('D7 — instructions given on the last day of the 12 months still open 14 days; the day after they do not', () => {
    const within = assessWithdrawal(input({ instructionsReceivedAt: '2027-04-07' }))
    expect(within.deadline).toBe('2027-04-21')
    expect(within.deadlineBasis).toBe('instructions-given-late')
    const after = assessWithdrawal(input({ instructionsReceivedAt: '2027-04-08', noticeSentAt: '2027-04-09', noticeReceivedAt: '2027-04-09' }))
    expect(after.deadline).toBe('2027-04-07')
    expect(after.deadlineBasis).toBe('instructions-never-given')
    expect(after.refusal).toBe('late')
    expect(after.warnings).toEqual(['The instructions were given after the 12-month extension had ended (D7)'])
    expect(after.clauses).toEqual(['DK GTC 14', 'D7', 'EU 2011/83 art. 10(1)', ...D6])
  })

  it('D7 — SE never given: also 12 months after the normal end', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK', instructionsReceivedAt: null }))
    expect(a.deadline).toBe('2027-04-07')
  })

  it('withdrawalDeadline names a date that is not an ISO calendar date', () => {
    expect(() => withdrawalDeadline('DK', '2026-02-30')).toThrow('concludedAt is not a real calendar date: 2026-02-30')
    expect(() => withdrawalDeadline('DK', '2026-03-20', '1 April')).toThrow('instructionsReceivedAt must be an ISO calendar date YYYY-MM-DD, got "1 April"')
  })

  it('withdrawalDeadline gives the period alone, as the UI shows it while dates are typed', () => {
    expect(withdrawalDeadline('DK', '2026-03-20')).toEqual({
      periodStart: '2026-03-20',
      deadline: '2026-04-07',
      shifts: assessWithdrawal(input()).deadlineShift
    })
    expect(withdrawalDeadline('DK', '2026-03-20', null).deadline).toBe('2027-04-07')
    expect(withdrawalDeadline('PT', '2026-03-02', '2026-03-10')).toMatchObject({ periodStart: '2026-03-10', deadline: '2026-03-24' })
  })
})

describe('D12 — a SIM deactivation before handover as a withdrawal (RULES.md §3)', () => {
  it('DK — any customer, after the 14 days, on-premises: all refunded, no period, lapse ignored', () => {
    const a = assessWithdrawal(input({ customer: 'business', channel: 'on-premises', noticeSentAt: '2026-08-01', noticeReceivedAt: '2026-08-01', startRequested: true, serviceStartedAt: '2026-03-20', termDays: 365, fullyPerformed: true, simDeactivationBeforeHandover: true }))
    expect(a).toMatchObject({ eligible: true, inTime: true, charge: 0, refund: 36500, refundOwed: true, deadlineBasis: 'sim-deactivation-before-handover', refundDueBy: '2026-08-17' })
    expect(a.chargeFormula).toEqual({
      kind: 'all-refunded',
      price: 36500,
      charge: 0,
      rounding: 'half-up',
      agentSet: false,
      text: 'D12 — withdrawal by SIM deactivation before handover: all payments are refunded'
    })
    expect(a.clauses).toEqual(['DK GTC 1.6 a)', 'D12', 'D17', 'DK GTC 14', ...D6])
    expect(a.warnings).toEqual([])
  })

  it('SE — a consumer with a distance contract, after the 14 days', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK', noticeSentAt: '2026-08-03', noticeReceivedAt: '2026-08-03', simDeactivationBeforeHandover: true }))
    expect(a.eligible).toBe(true)
    expect(a.clauses).toEqual(['SE GTC 1.6 a)', 'D12', 'SE GTC 15', 'SE Lag 2005:59 1 kap. 2 §', ...D6])
  })

  it('SE — still needs a consumer and a distance or off-premises contract (SE GTC 1.6 a)', () => {
    expect(assessWithdrawal(input({ market: 'SE', currency: 'SEK', customer: 'business', simDeactivationBeforeHandover: true })).refusals).toEqual(['not-consumer'])
    expect(assessWithdrawal(input({ market: 'SE', currency: 'SEK', channel: 'on-premises', simDeactivationBeforeHandover: true })).refusals).toEqual(['channel-excluded'])
    expect(assessWithdrawal(input({ market: 'SE', currency: 'SEK', channel: 'off-premises', simDeactivationBeforeHandover: true })).eligible).toBe(true)
  })

  it('has no period, so D7 plays no part: instructions never given or given too late cite neither the period clause nor D7', () => {
    // DK, instructions never given: without D12 the outcome would cite D7 and art. 10(1) (see the D7 tests).
    const never = assessWithdrawal(input({ instructionsReceivedAt: null, noticeSentAt: '2028-01-10', noticeReceivedAt: '2028-01-10', simDeactivationBeforeHandover: true }))
    expect(never).toMatchObject({ eligible: true, inTime: true, deadlineBasis: 'sim-deactivation-before-handover', refund: 36500 })
    expect(never.clauses).toEqual(['DK GTC 1.6 a)', 'D12', 'D17', 'DK GTC 14', ...D6])
    expect(never.warnings).toEqual([])
    // SE, instructions received the day after the 12-month extension ended (2027-04-07): no D7 warning either.
    const late = assessWithdrawal(input({ market: 'SE', currency: 'SEK', instructionsReceivedAt: '2027-04-08', noticeSentAt: '2027-05-03', noticeReceivedAt: '2027-05-03', simDeactivationBeforeHandover: true }))
    expect(late).toMatchObject({ eligible: true, inTime: true, deadlineBasis: 'sim-deactivation-before-handover' })
    expect(late.clauses).toEqual(['SE GTC 1.6 a)', 'D12', 'SE GTC 15', 'SE Lag 2005:59 1 kap. 2 §', ...D6])
    expect(late.warnings).toEqual([])
  })

  it('does not apply to a DK Service Inclusive purchase, nor outside DK and SE', () => {
    const si = assessWithdrawal(input({ contract: 'service-inclusive', channel: 'distance', noticeSentAt: '2026-08-03', noticeReceivedAt: '2026-08-03', simDeactivationBeforeHandover: true }))
    expect(si.refusal).toBe('late')
    expect(si.deadlineBasis).toBe('standard')
    expect(si.warnings).toEqual(['A SIM deactivation before handover withdraws only a DK or SE MINI Connected contract (RULES.md §3, D12); the ordinary DK rules were applied'])
    const pt = assessWithdrawal(input({ market: 'PT', currency: 'EUR', simDeactivationBeforeHandover: true }))
    expect(pt.deadlineBasis).toBe('standard')
    expect(pt.warnings).toEqual(['A SIM deactivation before handover withdraws only a DK or SE MINI Connected contract (RULES.md §3, D12); the ordinary PT rules were applied'])
    expect(assessWithdrawal(input({ simDeactivationBeforeHandover: false })).deadlineBasis).toBe('standard')
  })
})

describe('charge and refund (DK GTC 14, SE GTC 15, PT II.6; Directive art. 14(3))', () => {
  const started = { startRequested: true, serviceStartedAt: '2026-03-20' }

  it('DK GTC 14 — pro rata: 36500 × 10 ÷ 365 = 1000; refund 35500', () => {
    const a = assessWithdrawal(input({ ...started, termDays: 365 }))
    expect(a.charge).toBe(1000)
    expect(a.refund).toBe(35500)
    expect(a.refundOwed).toBe(true)
    expect(a.chargeFormula).toEqual({
      kind: 'pro-rata',
      price: 36500,
      daysProvided: 10,
      termDays: 365,
      exact: 1000,
      charge: 1000,
      rounding: 'half-up',
      agentSet: false,
      text: '36500 × 10 ÷ 365 = 1000 → 1000 (rounded half up)'
    })
    expect(a.clauses).toEqual(['DK GTC 14', ...D6])
    expect(a.warnings).toEqual([])
  })

  it('pro rata with a remainder: 12000 × 10 ÷ 365 = 328.77 → 329', () => {
    const a = assessWithdrawal(input({ ...started, price: 12000, paid: 12000, termDays: 365 }))
    expect(a.charge).toBe(329)
    expect(a.refund).toBe(11671)
    expect(a.chargeFormula.exact).toBeCloseTo(328.767, 3)
    expect(a.chargeFormula.text).toBe('12000 × 10 ÷ 365 = 328.77 → 329 (rounded half up)')
  })

  it('Directive art. 14(3) — BE cites the pro-rata article when a share is owed', () => {
    const a = assessWithdrawal(input({ ...started, market: 'BE', currency: 'EUR', termDays: 365 }))
    expect(a.charge).toBe(1000)
    expect(a.clauses).toEqual(['EU 2011/83 art. 2(1)', 'EU 2011/83 art. 9(2)(a)', 'EU 2011/83 art. 11(2)', 'EU 2011/83 art. 14(3)', 'EU 2011/83 art. 13', ...D6, 'D5'])
  })

  it.each([
    [100, 1, 8, 13], // 12.5 → 13
    [100, 3, 8, 38], // 37.5 → 38
    [1, 1, 2, 1], // 0.5 → 1
    [99, 1, 3, 33],
    [100, 1, 3, 33], // 33.33 → 33
    [200, 1, 3, 67], // 66.67 → 67
    [0, 5, 10, 0]
  ])('rounds half up: %i × %i ÷ %i = %i', (price, days, term, expected) => {
    expect(mulDivRoundHalfUp(price, days, term)).toBe(expected)
    const a = assessWithdrawal(input({ price, paid: price, startRequested: true, serviceStartedAt: '2026-03-20', noticeReceivedAt: ['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25'][days]!, noticeSentAt: '2026-03-20', termDays: term }))
    expect(a.charge).toBe(expected)
  })

  it('mulDivRoundHalfUp is exact beyond float precision, and needs a positive divisor', () => {
    expect(mulDivRoundHalfUp(9_007_199_254_740_991, 3, 7)).toBe(Number((9_007_199_254_740_991n * 3n * 2n + 7n) / 14n))
    expect(mulDivRoundHalfUp(5, 1, 1)).toBe(5)
    expect(() => mulDivRoundHalfUp(5, 1, 0)).toThrow('divisor must be positive')
    expect(() => mulDivRoundHalfUp(5, 1, -1)).toThrow('divisor must be positive')
  })

  it('days provided run from the start to the receipt of the notice: the same day is 0 days', () => {
    const a = assessWithdrawal(input({ ...started, noticeSentAt: '2026-03-20', noticeReceivedAt: '2026-03-20', termDays: 365 }))
    expect(a.chargeFormula.daysProvided).toBe(0)
    expect(a.charge).toBe(0)
    expect(a.warnings).toEqual([])
  })

  it('a notice received before the service started: no days provided, and the agent is told', () => {
    const a = assessWithdrawal(input({ startRequested: true, serviceStartedAt: '2026-03-31', termDays: 365 }))
    expect(a.chargeFormula.daysProvided).toBe(0)
    expect(a.charge).toBe(0)
    expect(a.warnings).toEqual(['The notice was received before the service started: no days were provided'])
  })

  it('days provided equal to the term: the full price, without a warning; one more day: capped, with a warning', () => {
    const full = assessWithdrawal(input({ ...started, price: 1000, paid: 1000, noticeSentAt: '2026-03-25', noticeReceivedAt: '2026-03-25', termDays: 5 }))
    expect(full.charge).toBe(1000)
    expect(full.chargeFormula.daysProvided).toBe(5)
    expect(full.warnings).toEqual([])
    const over = assessWithdrawal(input({ ...started, price: 1000, paid: 1000, noticeSentAt: '2026-03-25', noticeReceivedAt: '2026-03-25', termDays: 4 }))
    expect(over.charge).toBe(1000)
    expect(over.chargeFormula.daysProvided).toBe(4)
    expect(over.refund).toBe(0)
    expect(over.refundOwed).toBe(false)
    expect(over.warnings).toEqual(['More days passed than the term has: the share is capped at the full price'])
  })

  it('nothing is owed when the start was not requested', () => {
    const a = assessWithdrawal(input({ startRequested: false, serviceStartedAt: '2026-03-20', termDays: 365 }))
    expect(a.charge).toBe(0)
    expect(a.refund).toBe(36500)
    expect(a.chargeFormula).toEqual({
      kind: 'none',
      price: 36500,
      charge: 0,
      rounding: 'half-up',
      agentSet: false,
      text: 'The consumer did not ask for the service to start during the withdrawal period: nothing is owed'
    })
    expect(assessWithdrawal(input({ market: 'BE', currency: 'EUR' })).clauses).not.toContain('EU 2011/83 art. 14(3)')
  })

  it('no fixed term: the share is agent-set and flagged', () => {
    const a = assessWithdrawal(input({ ...started, agentShare: 5000 }))
    expect(a.charge).toBe(5000)
    expect(a.refund).toBe(31500)
    expect(a.chargeFormula).toMatchObject({ kind: 'agent-set', agentSet: true, charge: 5000, text: 'Share set by the agent: 5000' })
    expect(a.warnings).toEqual([])
  })

  it('no fixed term: an agent share equal to the price stands; above it, it is capped at the price', () => {
    expect(assessWithdrawal(input({ ...started, agentShare: 36500 })).warnings).toEqual([])
    const a = assessWithdrawal(input({ ...started, agentShare: 36501 }))
    expect(a.charge).toBe(36500)
    expect(a.refund).toBe(0)
    expect(a.chargeFormula.text).toBe('Share set by the agent: 36500')
    expect(a.warnings).toEqual(['The agent-set share 36501 is above the price 36500; it is capped at the price'])
  })

  it('no fixed term and no share yet: nothing charged, the agent must set it', () => {
    const a = assessWithdrawal(input({ ...started }))
    expect(a.charge).toBe(0)
    expect(a.chargeFormula).toMatchObject({ kind: 'agent-required', agentSet: false, text: 'No fixed term: the agent must enter the share owed, with a reason' })
    expect(assessWithdrawal(input({ ...started, market: 'BE', currency: 'EUR' })).clauses).toContain('EU 2011/83 art. 14(3)')
  })

  it('a fixed term but no start date: nothing charged automatically, and the agent is told', () => {
    const a = assessWithdrawal(input({ startRequested: true, termDays: 365 }))
    expect(a.charge).toBe(0)
    expect(a.chargeFormula).toMatchObject({ kind: 'no-start-date', termDays: 365, agentSet: false, text: 'Start requested, but no service start date recorded: nothing charged automatically' })
    expect(a.warnings).toEqual(['The service start date is missing: no share is charged automatically'])
  })

  it('the refund is capped at what was paid: paid exactly the share → 0, no warning; less → 0 with a warning', () => {
    const exact = assessWithdrawal(input({ ...started, paid: 1000, termDays: 365 }))
    expect(exact.refund).toBe(0)
    expect(exact.refundOwed).toBe(false)
    expect(exact.warnings).toEqual([])
    const less = assessWithdrawal(input({ ...started, paid: 999, termDays: 365 }))
    expect(less.charge).toBe(1000)
    expect(less.refund).toBe(0)
    expect(less.warnings).toEqual(['The share owed (1000) is more than was paid (999): nothing is refunded; the difference is not collected by this tool'])
    expect(assessWithdrawal(input({ ...started, paid: 1001, termDays: 365 })).refund).toBe(1)
  })

  it.each([
    ['DK', '2026-03-30', '2026-04-13'],
    ['DK', '2026-03-20', '2026-04-07'],
    ['SE', '2026-09-30', '2026-10-14'],
    ['PT', '2026-03-30', '2026-04-29'],
    ['PT', '2026-05-11', '2026-06-11'],
    ['BE', '2026-07-07', '2026-07-22']
  ] as const)('refund due (D6): %s notice received %s → %s (PT II.6: 30 days)', (market, received, due) => {
    const a = assessWithdrawal(input({ market, currency: currency(market), concludedAt: received, noticeSentAt: received, noticeReceivedAt: received }))
    expect(a.refundDueBy).toBe(due)
    expect(a.refundDays).toBe(market === 'PT' ? 30 : 14)
  })

  it('D6 — the refund due date is rolled and the days passed over are listed', () => {
    const a = assessWithdrawal(input({ concludedAt: '2026-03-20', noticeSentAt: '2026-03-20', noticeReceivedAt: '2026-03-20' }))
    expect(a.nominalRefundDueBy).toBe('2026-04-03')
    expect(a.refundDueBy).toBe('2026-04-07')
    expect(a.refundDueShift.map((s) => s.date)).toEqual(['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06'])
  })
})

describe('recipient (RULES.md §5 "send to"; D5, D15)', () => {
  it('DK GTC 14 — BMW Northern Europe AB, ConnectedDrive Kundeservice', () => {
    const a = assessWithdrawal(input())
    // No address in DK GTC 14: the key is absent, not undefined.
    expect(a.recipient).toStrictEqual({ name: 'BMW Northern Europe AB', email: 'miniconnected.dk@mini.dk' })
    expect(a.recipientDepartment).toBe('ConnectedDrive Kundeservice')
    expect(a.recipientAlternativeEmails).toBeUndefined()
    expect(a.recipientStatus).toBe('catalogue')
    expect(a.form).toEqual({ title: 'Standardfortrydelsesformular', language: 'da' })
  })

  it('DK SI Bilag + D15 — BMW Danmark A/S with address; the instructions\' other address is shown', () => {
    const a = assessWithdrawal(input({ contract: 'service-inclusive' }))
    expect(a.recipient).toEqual({ name: 'BMW Danmark A/S', email: 'miniconnected.dk@mini.dk', address: 'Borgmester Christiansens Gade 50, 2450 København SV' })
    expect(a.recipientAlternativeEmails).toEqual(['connecteddrive.dk@bmw.dk'])
    expect(Object.keys(a)).not.toContain('recipientDepartment')
    expect(Object.keys(assessWithdrawal(input()))).not.toContain('recipientAlternativeEmails')
    expect(Object.keys(assessWithdrawal(input()))).not.toContain('refusal')
    expect(a.form).toEqual({ title: 'Fortrydelsesformular', language: 'da' })
  })

  it('SE GTC 15 — Vetenskapsvägen 10, 191 38 Sollentuna', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK' }))
    expect(a.recipient).toEqual({ name: 'BMW Northern Europe AB', email: 'miniconnected.se@mini.se', address: 'Vetenskapsvägen 10, 191 38 Sollentuna' })
    expect(a.recipientDepartment).toBe('Mini Connected Kundservice')
    expect(a.form).toEqual({ title: 'Formulär för utövande av ångerrätt', language: 'sv' })
  })

  it('PT II.6 — BMW Portugal, Lda., info@MINI.pt', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR' }))
    expect(a.recipient).toEqual({ name: 'BMW Portugal, Lda.', email: 'info@MINI.pt', address: 'Lagoas Park, Edifício 11, 2.º Piso, 2740-422 Porto Salvo' })
    expect(a.form).toEqual({ title: 'Modelo de formulário de livre resolução', language: 'pt' })
  })

  it.each(['BE', 'LU'] as const)('D5 — %s without settings: a marked placeholder', (market) => {
    const a = assessWithdrawal(input({ market, currency: 'EUR' }))
    expect(a.recipientStatus).toBe('placeholder')
    expect(a.recipient).toEqual({ name: '[NOT SET — the trader for this market is a supervisor setting (D5)]', email: '' })
    expect(a.form).toEqual({ title: 'Modèle de formulaire de rétractation', language: 'fr' })
    expect(a.clauses.at(-1)).toBe('D5')
  })

  it('D5 — BE with the supervisor\'s setting passed in', () => {
    const recipient = { name: 'BMW Belux', email: 'retractation@example.be', address: 'Lodderstraat 16, 2880 Bornem' }
    const a = assessWithdrawal(input({ market: 'BE', currency: 'EUR', recipient }))
    expect(a.recipientStatus).toBe('override')
    expect(a.recipient).toEqual(recipient)
    expect(a.warnings).toEqual([])
  })

  it.each([
    [{ name: ' ', email: 'x@example.be' }],
    [{ name: 'BMW Belux', email: '  ' }]
  ])('D5 — a setting with a blank name or e-mail is no recipient: %j', (recipient) => {
    expect(assessWithdrawal(input({ market: 'LU', currency: 'EUR', recipient })).recipientStatus).toBe('placeholder')
  })

  it('D5 — the override cannot replace a recipient fixed by the terms', () => {
    const a = assessWithdrawal(input({ recipient: { name: 'X', email: 'x@example.com' } }))
    expect(a.recipient.name).toBe('BMW Northern Europe AB')
    expect(a.recipientStatus).toBe('catalogue')
    expect(a.warnings).toEqual(['The recipient for DK is fixed by DK GTC 14; the override was ignored'])
  })
})

describe('input checks: bad input is refused in words and changes nothing', () => {
  it('warns when the currency is not the market\'s', () => {
    expect(assessWithdrawal(input({ currency: 'EUR' })).warnings).toEqual(['DK amounts are in DKK, not EUR; please check the currency'])
    expect(assessWithdrawal(input()).warnings).toEqual([])
  })

  it('warns when the notice is recorded as received before it was sent', () => {
    expect(assessWithdrawal(input({ noticeSentAt: '2026-03-31', noticeReceivedAt: '2026-03-30' })).warnings).toEqual([
      'The notice is recorded as received before it was sent; please check the dates'
    ])
  })

  it('service-inclusive outside DK falls back to the market rule with a warning', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK', contract: 'service-inclusive' }))
    expect(a.recipient.email).toBe('miniconnected.se@mini.se')
    expect(a.contract).toBe('service-inclusive')
    expect(a.warnings).toEqual(["'service-inclusive' exists in DK only; the SE rules for the MINI Connected contract were applied"])
  })

  it.each([
    [{ price: 10.5 }, 'price must be a non-negative integer amount in minor units, got 10.5'],
    [{ paid: -1 }, 'paid must be a non-negative integer amount in minor units, got -1'],
    [{ agentShare: 2 ** 53 }, `agentShare must be a non-negative integer amount in minor units, got ${2 ** 53}`],
    [{ termDays: 0 }, 'termDays must be a positive whole number of days, got 0'],
    [{ termDays: 1.5 }, 'termDays must be a positive whole number of days, got 1.5'],
    [{ concludedAt: '20.03.2026' }, 'concludedAt must be an ISO calendar date YYYY-MM-DD, got "20.03.2026"'],
    [{ noticeSentAt: '2026-02-30' }, 'noticeSentAt is not a real calendar date: 2026-02-30'],
    [{ noticeReceivedAt: '' }, 'noticeReceivedAt must be an ISO calendar date YYYY-MM-DD, got ""'],
    [{ instructionsReceivedAt: '2026-13-01' }, 'instructionsReceivedAt is not a real calendar date: 2026-13-01'],
    [{ serviceStartedAt: 'yesterday' }, 'serviceStartedAt must be an ISO calendar date YYYY-MM-DD, got "yesterday"']
  ] as Array<[Partial<WithdrawalAssessmentInput>, string]>)('%j is refused: %s', (over, message) => {
    expect(() => assessWithdrawal(input(over))).toThrow(message)
  })

  it('accepts the smallest valid values: 0 minor units, a one-day term', () => {
    const a = assessWithdrawal(input({ price: 0, paid: 0, agentShare: 0, startRequested: true, serviceStartedAt: '2026-03-20', termDays: 1 }))
    expect(a.charge).toBe(0)
    expect(a.refund).toBe(0)
  })
})
