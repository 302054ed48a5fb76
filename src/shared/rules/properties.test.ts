import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  assessSimDeactivation,
  assessSimReactivation,
  assessWithdrawal,
  customerContractTermination,
  daysBetween,
  isCitation,
  isTargetStateAllowed,
  isWorkingDay,
  listServices,
  MARKETS,
  miniTermination,
  nextDuePaymentDate,
  periodEnd,
  recurringServiceTermination,
  vehicleSoldServiceTermination,
  verificationLockout,
  verifyCaller,
  type VehicleFacts,
  type WithdrawalAssessmentInput
} from './index'

const markets = MARKETS
// Dates 2020-01-01 … 2035-12-31 as ISO strings, built from a day offset (no Date, no zone).
const isoDate = fc.integer({ min: 0, max: 5843 }).map((n) => addDays('2020-01-01', n))
const maybeDate = fc.option(isoDate, { nil: null })

const vehicleArb: fc.Arbitrary<VehicleFacts> = fc.record({
  vin: fc.constant('WMW11DK0X02T12345'),
  market: fc.constantFrom(...markets),
  firstRegistration: maybeDate,
  handedOverAt: maybeDate,
  equipment: fc.subarray(['6AF', '6FP', '6UM', 'S6AF', '606/6UM', '6AC', '6AK', '7GH', 'SA6AE', 'SA6AC', 'XYZ']),
  euEcall: fc.option(fc.boolean(), { nil: undefined }),
  legalMapData: fc.option(fc.boolean(), { nil: undefined }),
  sim: fc.constantFrom('ACTIVE' as const, 'ECALL_ONLY' as const, 'DEACTIVATED' as const),
  contract: fc.record({
    concludedAt: isoDate,
    customer: fc.constantFrom('consumer' as const, 'business' as const),
    channel: fc.constantFrom('on-premises' as const, 'distance' as const, 'off-premises' as const),
    status: fc.constantFrom('active' as const, 'withdrawn' as const, 'terminated' as const),
    terminationEffectiveOn: fc.option(isoDate, { nil: undefined })
  })
})

const legalEcallEvidence = (v: VehicleFacts): boolean => v.euEcall === true || v.equipment.some((e) => /(^|\/|S|SA)(6AF|6FP|6UM)$/.test(e))
const legalEvidence = (v: VehicleFacts): boolean => legalEcallEvidence(v) || v.legalMapData === true

describe('RULES.md §2 invariant — legal eCall or legal map data never leads to DEACTIVATED', () => {
  it('deactivation target is never DEACTIVATED with legal functions, whatever the market, state or contract', () => {
    fc.assert(
      fc.property(vehicleArb, isoDate, (v, on) => {
        const a = assessSimDeactivation(v, on)
        if (legalEvidence(v)) {
          expect(a.targetState).toBe('ECALL_ONLY')
          expect(isTargetStateAllowed(v, 'DEACTIVATED')).toBe(false)
        } else {
          expect(a.targetState).toBe('DEACTIVATED')
        }
        // D18: every emergency call is lost exactly when there is no legal eCall (legal map data is none).
        expect(a.emergencyCallLost).toBe(!legalEcallEvidence(v))
        // The acknowledgement is required exactly when an allowed deactivation loses every emergency call.
        expect(a.requiresAcknowledgement).toBe(a.allowed && a.emergencyCallLost)
      }),
      { numRuns: 500 }
    )
  })

  it('a retried assessment gives the same answer (purity)', () => {
    fc.assert(
      fc.property(vehicleArb, isoDate, (v, on) => {
        expect(assessSimDeactivation(v, on)).toEqual(assessSimDeactivation(structuredClone(v), on))
        expect(assessSimReactivation(v, on)).toEqual(assessSimReactivation(structuredClone(v), on))
      }),
      { numRuns: 100 }
    )
  })
})

const withdrawalArb: fc.Arbitrary<WithdrawalAssessmentInput> = fc
  .record({
    market: fc.constantFrom(...markets),
    contract: fc.constantFrom('connected' as const, 'service-inclusive' as const),
    customer: fc.constantFrom('consumer' as const, 'business' as const),
    channel: fc.constantFrom('on-premises' as const, 'distance' as const, 'off-premises' as const),
    concludedAt: isoDate,
    instructions: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -30, max: 500 })),
    sentAfter: fc.integer({ min: 0, max: 400 }),
    receivedAfterSent: fc.integer({ min: 0, max: 20 }),
    price: fc.integer({ min: 0, max: 10_000_000 }),
    paid: fc.integer({ min: 0, max: 10_000_000 }),
    startRequested: fc.boolean(),
    startedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    termDays: fc.option(fc.integer({ min: 1, max: 1100 }), { nil: undefined }),
    agentShare: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
    fullyPerformed: fc.option(fc.boolean(), { nil: undefined })
  })
  .map((r) => {
    const noticeSentAt = addDays(r.concludedAt, r.sentAfter)
    const input: WithdrawalAssessmentInput = {
      market: r.market,
      contract: r.contract,
      customer: r.customer,
      channel: r.channel,
      concludedAt: r.concludedAt,
      instructionsReceivedAt: r.instructions === undefined || r.instructions === null ? r.instructions : addDays(r.concludedAt, r.instructions),
      noticeSentAt,
      noticeReceivedAt: addDays(noticeSentAt, r.receivedAfterSent),
      currency: r.market === 'DK' ? 'DKK' : r.market === 'SE' ? 'SEK' : 'EUR',
      price: r.price,
      paid: r.paid,
      startRequested: r.startRequested
    }
    if (r.startedAfter !== undefined) input.serviceStartedAt = addDays(r.concludedAt, r.startedAfter)
    if (r.termDays !== undefined) input.termDays = r.termDays
    if (r.agentShare !== undefined) input.agentShare = r.agentShare
    if (r.fullyPerformed !== undefined) input.fullyPerformed = r.fullyPerformed
    return input
  })

describe('RULES.md §5 — withdrawal properties', () => {
  it('refund + charge === paid whenever charge <= paid; refund is never negative', () => {
    fc.assert(
      fc.property(withdrawalArb, (i) => {
        const a = assessWithdrawal(i)
        expect(a.refund).toBeGreaterThanOrEqual(0)
        expect(Number.isSafeInteger(a.charge)).toBe(true)
        expect(Number.isSafeInteger(a.refund)).toBe(true)
        if (a.charge <= i.paid) expect(a.refund + a.charge).toBe(i.paid)
        else expect(a.refund).toBe(0)
        if (!i.startRequested) expect(a.charge).toBe(0)
      }),
      { numRuns: 1000 }
    )
  })

  it('the charge is never more than the price for a fixed term', () => {
    fc.assert(
      fc.property(withdrawalArb, (i) => {
        const a = assessWithdrawal(i)
        if (i.termDays !== undefined) expect(a.charge).toBeLessThanOrEqual(i.price)
      }),
      { numRuns: 500 }
    )
  })

  it('a deadline is never before day 14 of the period and always falls on a working day of the market', () => {
    fc.assert(
      fc.property(withdrawalArb, (i) => {
        const a = assessWithdrawal(i)
        expect(daysBetween(a.periodStart, a.deadline)).toBeGreaterThanOrEqual(14)
        expect(daysBetween(i.concludedAt, a.periodStart)).toBeGreaterThanOrEqual(0)
        expect(isWorkingDay(i.market, a.deadline)).toBe(true)
        expect(isWorkingDay(i.market, a.refundDueBy)).toBe(true)
        expect(daysBetween(i.noticeReceivedAt, a.refundDueBy)).toBeGreaterThanOrEqual(i.market === 'PT' ? 30 : 14)
        // Every day skipped really is a non-working day, and the first working day was taken.
        for (const s of a.deadlineShift) expect(isWorkingDay(i.market, s.date)).toBe(false)
        expect(daysBetween(a.nominalDeadline, a.deadline)).toBe(a.deadlineShift.length)
        // inTime is exactly "sent on or before the deadline"
        expect(a.inTime).toBe(daysBetween(i.noticeSentAt, a.deadline) >= 0)
      }),
      { numRuns: 1000 }
    )
  })

  it('refusal is the first of the refusals in RULES-API precedence, and eligible means none', () => {
    const order = ['not-consumer', 'channel-excluded', 'fully-performed', 'late']
    fc.assert(
      fc.property(withdrawalArb, (i) => {
        const a = assessWithdrawal(i)
        expect(a.eligible).toBe(a.refusal === undefined)
        expect(a.refusals.map((r) => order.indexOf(r))).toEqual([...a.refusals.map((r) => order.indexOf(r))].sort((x, y) => x - y))
        expect(a.refusal).toBe(a.refusals[0])
        if (i.customer === 'business') expect(a.refusal).toBe('not-consumer')
      }),
      { numRuns: 500 }
    )
  })

  it('D6 — period end is the first working day on or after day N, for every market and N', () => {
    fc.assert(
      fc.property(fc.constantFrom(...markets), isoDate, fc.integer({ min: 1, max: 60 }), (m, d, n) => {
        const end = periodEnd(m, d, n).date
        expect(isWorkingDay(m, end)).toBe(true)
        for (let day = addDays(d, n); day !== end; day = addDays(day, 1)) expect(isWorkingDay(m, day)).toBe(false)
      }),
      { numRuns: 500 }
    )
  })
})

// Issue 12, point 4: every outcome cites identifiers of the clause catalogue, never prose, each once.
function expectCitations(clauses: readonly string[]): void {
  for (const c of clauses) expect(isCitation(c), `${JSON.stringify(c)} is not a clause or decision id`).toBe(true)
  expect(new Set(clauses).size).toBe(clauses.length)
}

describe('clauses are identifiers of the catalogue (clauses.ts), whatever the input', () => {
  it('SIM deactivation and reactivation, and the services listed for reactivation', () => {
    fc.assert(
      fc.property(vehicleArb, isoDate, (v, on) => {
        const d = assessSimDeactivation(v, on)
        expect(d.clauses.length).toBeGreaterThan(0)
        expectCitations(d.clauses)
        const r = assessSimReactivation(v, on)
        expectCitations(r.clauses)
        for (const s of [...r.restoredServices, ...r.expiredServices]) expectCitations(s.clauses)
        const l = listServices({ vehicle: v }, on)
        expectCitations(l.clauses)
        for (const s of l.services) expectCitations(s.clauses)
      }),
      { numRuns: 300 }
    )
  })

  it('withdrawal', () => {
    fc.assert(
      fc.property(withdrawalArb, (i) => {
        const a = assessWithdrawal(i)
        expect(a.clauses.length).toBeGreaterThan(0)
        expectCitations(a.clauses)
      }),
      { numRuns: 500 }
    )
  })

  it('termination, verification and lockout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...markets), isoDate, isoDate, (m, a, b) => {
        expectCitations(customerContractTermination(m, a).clauses)
        expectCitations(vehicleSoldServiceTermination(m, a).clauses)
        expectCitations(recurringServiceTermination(m, a, b).clauses)
        expectCitations(miniTermination(m, a, b).clauses)
      }),
      { numRuns: 200 }
    )
    const record = { firstName: 'A', lastName: 'B', vin: 'WMW11DK0X02T12345', postcode: '2450' }
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.option(fc.string(), { nil: undefined }), (first, last, vin, postcode) => {
        expectCitations(verifyCaller(record, { firstName: first, lastName: last, vin, ...(postcode !== undefined ? { postcode } : {}) }).clauses)
      }),
      { numRuns: 200 }
    )
    expectCitations(verificationLockout([], '2026-03-20T10:00:00Z').clauses)
  })
})

describe('§7 — the next due payment date', () => {
  it('is a due date of the schedule, on or after the notice, and the one before it is before the notice', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 1, max: 12 }), (first, notice, interval) => {
        const due = nextDuePaymentDate(first, notice, interval)
        expect(daysBetween(notice, due)).toBeGreaterThanOrEqual(0)
        const k = [...Array(400).keys()].find((j) => addMonths(first, j * interval) === due)
        expect(k).toBeDefined()
        if (k !== undefined && k > 0) expect(daysBetween(addMonths(first, (k - 1) * interval), notice)).toBeGreaterThan(0)
      }),
      { numRuns: 300 }
    )
  })
})
