import { describe, expect, it } from 'vitest'
import { assessWithdrawal, mulDivRoundHalfUp, type WithdrawalAssessmentInput } from './index'

const has = (clauses: string[], ref: string): boolean => clauses.some((c) => c.startsWith(ref))

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

describe('who and which contracts (RULES.md §5 table)', () => {
  it.each([
    ['DK GTC 14', 'DK', 'connected', 'on-premises', true],
    ['DK GTC 14', 'DK', 'connected', 'off-premises', true],
    ['DK SI 8', 'DK', 'service-inclusive', 'distance', true],
    ['DK SI 8', 'DK', 'service-inclusive', 'off-premises', false],
    ['DK SI 8', 'DK', 'service-inclusive', 'on-premises', false],
    ['SE §15', 'SE', 'connected', 'distance', true],
    ['SE §15', 'SE', 'connected', 'off-premises', true],
    ['SE §15', 'SE', 'connected', 'on-premises', false],
    ['PT II.6', 'PT', 'connected', 'on-premises', true],
    ['Directive 2011/83/EU art. 9', 'BE', 'connected', 'on-premises', false],
    ['Directive 2011/83/EU art. 9', 'LU', 'connected', 'distance', true]
  ] as const)('%s — %s %s concluded %s: eligible %s', (ref, market, contract, channel, eligible) => {
    const a = assessWithdrawal(input({ market, contract, channel, currency: market === 'DK' ? 'DKK' : market === 'SE' ? 'SEK' : 'EUR' }))
    expect(a.eligible).toBe(eligible)
    if (!eligible) {
      expect(a.refusal).toBe('channel-excluded')
      expect(has(a.clauses, ref)).toBe(true)
    }
  })

  it.each(['DK', 'SE', 'PT', 'BE', 'LU'] as const)('%s — a business customer may not withdraw (not-consumer)', (market) => {
    const a = assessWithdrawal(input({ market, customer: 'business' }))
    expect(a.eligible).toBe(false)
    expect(a.refusal).toBe('not-consumer')
  })

  it('RULES-API — refusal precedence: not-consumer, channel-excluded, fully-performed, late', () => {
    const all = input({ market: 'SE', customer: 'business', channel: 'on-premises', fullyPerformed: true, noticeSentAt: '2026-05-01', noticeReceivedAt: '2026-05-02' })
    expect(assessWithdrawal(all).refusal).toBe('not-consumer')
    expect(assessWithdrawal(all).refusals).toEqual(['not-consumer', 'channel-excluded', 'fully-performed', 'late'])
    expect(assessWithdrawal({ ...all, customer: 'consumer' }).refusal).toBe('channel-excluded')
    expect(assessWithdrawal({ ...all, customer: 'consumer', channel: 'distance' }).refusal).toBe('fully-performed')
    expect(assessWithdrawal({ ...all, customer: 'consumer', channel: 'distance', fullyPerformed: false }).refusal).toBe('late')
  })

  it('PT II.6 + D8 — a service fully performed at the consumer\'s request can no longer be withdrawn', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', fullyPerformed: true }))
    expect(a.refusal).toBe('fully-performed')
    expect(has(a.clauses, 'PT II.6')).toBe(true)
    expect(has(a.clauses, 'D8')).toBe(true)
  })

  it('RULES-API — a refused assessment is still complete', () => {
    const a = assessWithdrawal(input({ customer: 'business' }))
    expect(a.deadline).toBe('2026-04-07')
    expect(a.refundDueBy).toBe('2026-04-13')
    expect(a.recipient.email).toBe('miniconnected.dk@mini.dk')
    expect(a.refundOwed).toBe(false)
    expect(a.clauses.length).toBeGreaterThan(0)
  })
})

describe('deadline: D6 and dispatch (DK GTC 14, SE §15, PT II.6, Directive art. 11(2))', () => {
  it('D6 — DK concluded 2026-03-20: day 14 is Good Friday, last day Tuesday 2026-04-07, shift explained', () => {
    const a = assessWithdrawal(input())
    expect(a.periodStart).toBe('2026-03-20')
    expect(a.nominalDeadline).toBe('2026-04-03')
    expect(a.deadline).toBe('2026-04-07')
    expect(a.deadlineShift).toEqual([
      { date: '2026-04-03', reason: 'holiday', holidayName: 'Langfredag', holidayNameEn: 'Good Friday' },
      { date: '2026-04-04', reason: 'saturday' },
      { date: '2026-04-05', reason: 'sunday', holidayName: 'Påskedag', holidayNameEn: 'Easter Sunday' },
      { date: '2026-04-06', reason: 'holiday', holidayName: 'Anden påskedag', holidayNameEn: 'Easter Monday' }
    ])
    expect(a.deadlineShiftText).toContain('Good Friday')
    expect(has(a.clauses, 'D6')).toBe(true)
  })

  it('DK GTC 14 — sent on the last day is in time, even when received later', () => {
    const a = assessWithdrawal(input({ noticeSentAt: '2026-04-07', noticeReceivedAt: '2026-04-10' }))
    expect(a.inTime).toBe(true)
    expect(a.eligible).toBe(true)
  })

  it('DK GTC 14 — sent the day after the last day is late', () => {
    const a = assessWithdrawal(input({ noticeSentAt: '2026-04-08', noticeReceivedAt: '2026-04-08' }))
    expect(a.inTime).toBe(false)
    expect(a.refusal).toBe('late')
  })

  it('PT II.6 — counted from receipt of the written instructions', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02', instructionsReceivedAt: '2026-03-10', noticeSentAt: '2026-03-24', noticeReceivedAt: '2026-03-25' }))
    expect(a.periodStart).toBe('2026-03-10')
    expect(a.deadline).toBe('2026-03-24')
    expect(a.inTime).toBe(true)
  })

  it('PT II.6 — never before conclusion', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02', instructionsReceivedAt: '2026-02-20' }))
    expect(a.periodStart).toBe('2026-03-02')
    expect(a.deadline).toBe('2026-03-16')
  })

  it('PT II.6 — instructions given at conclusion (undefined): from conclusion', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR', concludedAt: '2026-03-02' }))
    expect(a.periodStart).toBe('2026-03-02')
    expect(a.deadline).toBe('2026-03-16')
  })

  it('D7 — instructions never given (null): 12 months after the normal end', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: null, noticeSentAt: '2027-04-07', noticeReceivedAt: '2027-04-08' }))
    expect(a.deadline).toBe('2027-04-07')
    expect(a.inTime).toBe(true)
    expect(a.periodStart).toBe('2026-03-20')
    expect(has(a.clauses, 'D7')).toBe(true)
    expect(assessWithdrawal(input({ instructionsReceivedAt: null, noticeSentAt: '2027-04-08', noticeReceivedAt: '2027-04-08' })).refusal).toBe('late')
  })

  it('D7 — instructions given later within the 12 months: 14 days from their receipt', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: '2026-09-01', noticeSentAt: '2026-09-15', noticeReceivedAt: '2026-09-16' }))
    expect(a.deadline).toBe('2026-09-15')
    expect(a.inTime).toBe(true)
    expect(a.deadlineBasis).toBe('instructions-given-late')
    expect(has(a.clauses, 'D7')).toBe(true)
  })

  it('D7 — instructions given after the 12 months do not reopen the period', () => {
    const a = assessWithdrawal(input({ instructionsReceivedAt: '2027-06-01', noticeSentAt: '2027-06-02', noticeReceivedAt: '2027-06-02' }))
    expect(a.deadline).toBe('2027-04-07')
    expect(a.refusal).toBe('late')
  })

  it('D7 — SE never given: also 12 months after the normal end', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK', instructionsReceivedAt: null }))
    expect(a.deadline).toBe('2027-04-07')
  })

  it('D12 — DK SIM deactivation before handover: any customer, after the 14 days, all refunded', () => {
    const a = assessWithdrawal(input({ customer: 'business', channel: 'on-premises', noticeSentAt: '2026-08-01', noticeReceivedAt: '2026-08-01', startRequested: true, serviceStartedAt: '2026-03-20', termDays: 365, simDeactivationBeforeHandover: true }))
    expect(a.eligible).toBe(true)
    expect(a.charge).toBe(0)
    expect(a.refund).toBe(36500)
    expect(has(a.clauses, 'DK GTC 1.6 a)')).toBe(true)
    expect(has(a.clauses, 'D12')).toBe(true)
  })

  it('D12 — SE SIM deactivation before handover still needs a consumer and a distance contract', () => {
    expect(assessWithdrawal(input({ market: 'SE', currency: 'SEK', noticeSentAt: '2026-08-01', simDeactivationBeforeHandover: true })).eligible).toBe(true)
    expect(assessWithdrawal(input({ market: 'SE', currency: 'SEK', customer: 'business', simDeactivationBeforeHandover: true })).refusal).toBe('not-consumer')
    expect(assessWithdrawal(input({ market: 'SE', currency: 'SEK', channel: 'on-premises', simDeactivationBeforeHandover: true })).refusal).toBe('channel-excluded')
  })
})

describe('charge and refund (DK GTC 14, SE §15, PT II.6; Directive art. 14(3))', () => {
  it('DK GTC 14 — pro rata: 36500 × 10 ÷ 365 = 1000; refund 35500', () => {
    const a = assessWithdrawal(input({ startRequested: true, serviceStartedAt: '2026-03-20', termDays: 365 }))
    expect(a.charge).toBe(1000)
    expect(a.refund).toBe(35500)
    expect(a.chargeFormula).toMatchObject({ kind: 'pro-rata', price: 36500, daysProvided: 10, termDays: 365, agentSet: false })
    expect(has(a.clauses, 'DK GTC 14')).toBe(true)
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

  it('nothing is owed when the start was not requested', () => {
    const a = assessWithdrawal(input({ startRequested: false, serviceStartedAt: '2026-03-20', termDays: 365 }))
    expect(a.charge).toBe(0)
    expect(a.refund).toBe(36500)
    expect(a.chargeFormula.kind).toBe('none')
  })

  it('no fixed term: the share is agent-set and flagged', () => {
    const a = assessWithdrawal(input({ startRequested: true, serviceStartedAt: '2026-03-20', agentShare: 5000 }))
    expect(a.charge).toBe(5000)
    expect(a.refund).toBe(31500)
    expect(a.chargeFormula.kind).toBe('agent-set')
    expect(a.chargeFormula.agentSet).toBe(true)
  })

  it('no fixed term and no share yet: nothing charged, agent must set it', () => {
    const a = assessWithdrawal(input({ startRequested: true, serviceStartedAt: '2026-03-20' }))
    expect(a.charge).toBe(0)
    expect(a.chargeFormula.kind).toBe('agent-required')
  })

  it('refund never goes below 0', () => {
    const a = assessWithdrawal(input({ price: 36500, paid: 500, startRequested: true, serviceStartedAt: '2026-03-20', termDays: 365 }))
    expect(a.charge).toBe(1000)
    expect(a.refund).toBe(0)
  })

  it('days provided never exceed the term', () => {
    const a = assessWithdrawal(input({ price: 1000, paid: 1000, startRequested: true, serviceStartedAt: '2026-03-20', noticeSentAt: '2026-03-30', noticeReceivedAt: '2026-03-30', termDays: 5 }))
    expect(a.charge).toBe(1000)
    expect(a.refund).toBe(0)
  })

  it.each([
    ['DK', '2026-03-30', '2026-04-13'],
    ['DK', '2026-03-20', '2026-04-07'],
    ['SE', '2026-09-30', '2026-10-14'],
    ['PT', '2026-03-30', '2026-04-29'],
    ['PT', '2026-05-11', '2026-06-11'],
    ['BE', '2026-07-07', '2026-07-22']
  ] as const)('refund due (D6): %s notice received %s → %s (PT II.6: 30 days)', (market, received, due) => {
    const a = assessWithdrawal(input({ market, currency: market === 'DK' ? 'DKK' : market === 'SE' ? 'SEK' : 'EUR', concludedAt: received, noticeSentAt: received, noticeReceivedAt: received }))
    expect(a.refundDueBy).toBe(due)
  })

  it('rejects money that is not integer minor units', () => {
    expect(() => assessWithdrawal(input({ price: 10.5 }))).toThrow(RangeError)
    expect(() => assessWithdrawal(input({ paid: -1 }))).toThrow(RangeError)
  })
})

describe('recipient (RULES.md §5 "send to"; D5)', () => {
  it('DK GTC 14 — BMW Northern Europe AB, ConnectedDrive Kundeservice', () => {
    const a = assessWithdrawal(input())
    expect(a.recipient).toEqual({ name: 'BMW Northern Europe AB', email: 'miniconnected.dk@mini.dk' })
    expect(a.recipientDepartment).toBe('ConnectedDrive Kundeservice')
  })

  it('DK SI Bilag — BMW Danmark A/S with address', () => {
    const a = assessWithdrawal(input({ contract: 'service-inclusive' }))
    expect(a.recipient).toEqual({ name: 'BMW Danmark A/S', email: 'miniconnected.dk@mini.dk', address: 'Borgmester Christiansens Gade 50, 2450 København SV' })
  })

  it('SE §15 — Vetenskapsvägen 10, 191 38 Sollentuna', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK' }))
    expect(a.recipient).toEqual({ name: 'BMW Northern Europe AB', email: 'miniconnected.se@mini.se', address: 'Vetenskapsvägen 10, 191 38 Sollentuna' })
  })

  it('PT II.6 — BMW Portugal, Lda., info@MINI.pt', () => {
    const a = assessWithdrawal(input({ market: 'PT', currency: 'EUR' }))
    expect(a.recipient).toEqual({ name: 'BMW Portugal, Lda.', email: 'info@MINI.pt', address: 'Lagoas Park, Edifício 11, 2.º Piso, 2740-422 Porto Salvo' })
  })

  it.each(['BE', 'LU'] as const)('D5 — %s without settings: a marked placeholder', (market) => {
    const a = assessWithdrawal(input({ market, currency: 'EUR' }))
    expect(a.recipientStatus).toBe('placeholder')
    expect(a.recipient.name).toContain('NOT SET')
    expect(a.recipient.email).toBe('')
    expect(has(a.clauses, 'D5')).toBe(true)
  })

  it('D5 — BE with the supervisor\'s setting passed in', () => {
    const recipient = { name: 'BMW Belux', email: 'retractation@example.be', address: 'Lodderstraat 16, 2880 Bornem' }
    const a = assessWithdrawal(input({ market: 'BE', currency: 'EUR', recipient }))
    expect(a.recipientStatus).toBe('override')
    expect(a.recipient).toEqual(recipient)
  })

  it('D5 — the override cannot replace a recipient fixed by the terms', () => {
    const a = assessWithdrawal(input({ recipient: { name: 'X', email: 'x@example.com' } }))
    expect(a.recipient.name).toBe('BMW Northern Europe AB')
    expect(a.warnings.length).toBeGreaterThan(0)
  })
})

describe('input checks', () => {
  it('D12 does not apply to a DK Service Inclusive purchase', () => {
    const a = assessWithdrawal(input({ contract: 'service-inclusive', channel: 'distance', noticeSentAt: '2026-08-01', simDeactivationBeforeHandover: true }))
    expect(a.refusal).toBe('late')
    expect(a.warnings.length).toBeGreaterThan(0)
  })

  it('warns when the currency is not the market\'s', () => {
    expect(assessWithdrawal(input({ currency: 'EUR' })).warnings.some((w) => w.includes('DKK'))).toBe(true)
    expect(assessWithdrawal(input()).warnings).toEqual([])
  })

  it('service-inclusive outside DK falls back to the market rule with a warning', () => {
    const a = assessWithdrawal(input({ market: 'SE', currency: 'SEK', contract: 'service-inclusive' }))
    expect(a.recipient.email).toBe('miniconnected.se@mini.se')
    expect(a.warnings.some((w) => w.includes('DK only'))).toBe(true)
  })
})
