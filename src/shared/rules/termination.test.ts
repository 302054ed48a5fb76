import { describe, expect, it } from 'vitest'
import {
  customerContractTermination,
  miniTermination,
  nextDuePaymentDate,
  oneMonthAfter,
  ptServiceTermination,
  recurringServiceTermination,
  sixWeeksAfter,
  terminationAfterHandoverEffectiveOn,
  vehicleSoldServiceTermination
} from './index'

const has = (clauses: string[], ref: string): boolean => clauses.some((c) => c.startsWith(ref))

describe('RULES.md §7 — termination dates', () => {
  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-05-31', '2026-06-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-02-28', '2026-03-28']
  ])('D13 — one month after %s is %s', (from, to) => {
    expect(oneMonthAfter(from)).toBe(to)
    expect(terminationAfterHandoverEffectiveOn(from)).toBe(to)
  })

  it.each([
    ['DK', 'DK GTC 8.1'],
    ['SE', 'SE GTC 8.1']
  ] as const)('%s — customer ends the contract one month after notice (%s)', (market, ref) => {
    const r = customerContractTermination(market, '2026-01-31')
    expect(r.effectiveOn).toBe('2026-02-28')
    expect(has(r.clauses, ref)).toBe(true)
    expect(has(r.clauses, 'D13')).toBe(true)
  })

  it('PT II.5.3 — six weeks notice', () => {
    expect(customerContractTermination('PT', '2026-03-20').effectiveOn).toBe('2026-05-01')
    const r = ptServiceTermination('2026-12-01')
    expect(r.effectiveOn).toBe('2027-01-12')
    expect(r.refund).toBe('none')
    expect(has(r.clauses, 'PT II.5.3')).toBe(true)
    expect(has(r.clauses, 'PT II.5.2')).toBe(true)
  })

  it.each(['BE', 'LU'] as const)('%s — no seed text: no date invented', (market) => {
    expect(customerContractTermination(market, '2026-03-20').effectiveOn).toBeNull()
    expect(vehicleSoldServiceTermination(market, '2026-03-20').effectiveOn).toBeNull()
  })

  it.each([
    ['DK', 'DK GTC 8.6'],
    ['SE', 'SE GTC 8.7'],
    ['PT', 'PT II.7']
  ] as const)('%s — vehicle sold: six weeks, no refund (%s)', (market, ref) => {
    const r = vehicleSoldServiceTermination(market, '2028-02-01')
    expect(r.effectiveOn).toBe('2028-03-14')
    expect(r.refund).toBe('none')
    expect(has(r.clauses, ref)).toBe(true)
    expect(sixWeeksAfter('2028-02-01')).toBe('2028-03-14')
  })

  it('DK GTC 8.5 a) / SE GTC 8.6 a) — recurring payments: ends on the next due payment date', () => {
    expect(nextDuePaymentDate('2026-01-31', '2026-02-10')).toBe('2026-02-28')
    expect(nextDuePaymentDate('2026-01-31', '2026-03-01')).toBe('2026-03-31')
    expect(nextDuePaymentDate('2026-01-31', '2026-03-31')).toBe('2026-03-31')
    expect(nextDuePaymentDate('2026-01-15', '2027-06-16')).toBe('2027-07-15')
    expect(nextDuePaymentDate('2026-01-15', '2026-01-01')).toBe('2026-01-15')
    expect(nextDuePaymentDate('2026-01-31', '2026-05-01', 3)).toBe('2026-07-31')
    const r = recurringServiceTermination('SE', '2026-02-10', '2026-02-28')
    expect(r.effectiveOn).toBe('2026-02-28')
    expect(has(r.clauses, 'SE GTC 8.6 a)')).toBe(true)
    expect(has(recurringServiceTermination('DK', '2026-02-10', '2026-02-28').clauses, 'DK GTC 8.5 a)')).toBe(true)
  })

  it('DK GTC 8.1 — MINI may end the contract only from 5 years after it began', () => {
    const early = miniTermination('DK', '2026-02-28', '2031-02-27')
    expect(early.allowed).toBe(false)
    expect(early.earliestNoticeOn).toBe('2031-02-28')
    const ok = miniTermination('DK', '2026-02-28', '2031-02-28')
    expect(ok.allowed).toBe(true)
    expect(ok.effectiveOn).toBe('2031-03-28')
    expect(has(ok.clauses, 'DK GTC 8.1')).toBe(true)
  })

  it('SE GTC 8.2 — leap-day start: five years later is 28 February', () => {
    expect(miniTermination('SE', '2028-02-29', '2033-02-27').allowed).toBe(false)
    expect(miniTermination('SE', '2028-02-29', '2033-02-28').allowed).toBe(true)
  })

  it.each(['PT', 'BE', 'LU'] as const)('%s — MINI has no ordinary termination right in the seed', (market) => {
    expect(miniTermination(market, '2010-01-01', '2026-01-01').allowed).toBe(false)
  })
})
