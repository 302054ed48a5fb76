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
  ] as const)('%s — the customer ends the contract one month after notice (%s, D13), without refund', (market, clause) => {
    expect(customerContractTermination(market, '2026-01-31')).toEqual({ allowed: true, effectiveOn: '2026-02-28', refund: 'none', clauses: [clause, 'D13'] })
  })

  it('PT II.5.3 — six weeks\' notice for the contract and for any service; no pro-rata refund (II.5.2)', () => {
    expect(customerContractTermination('PT', '2026-03-20')).toEqual({ allowed: true, effectiveOn: '2026-05-01', refund: 'none', clauses: ['PT II.5.3'] })
    expect(ptServiceTermination('2026-12-01')).toEqual({ allowed: true, effectiveOn: '2027-01-12', refund: 'none', clauses: ['PT II.5.3', 'PT II.5.2'] })
  })

  it.each(['BE', 'LU'] as const)('%s — no seed text: no date invented, nothing cited', (market) => {
    const none = { allowed: true, effectiveOn: null, refund: 'none', clauses: [] }
    expect(customerContractTermination(market, '2026-03-20')).toEqual(none)
    expect(vehicleSoldServiceTermination(market, '2026-03-20')).toEqual(none)
    expect(recurringServiceTermination(market, '2026-03-20', '2026-04-01')).toEqual(none)
  })

  it.each([
    ['DK', ['DK GTC 8.6']],
    ['SE', ['SE GTC 8.7']],
    ['PT', ['PT II.7', 'PT II.5.3']]
  ] as const)('%s — vehicle sold: six weeks, no refund (%j)', (market, clauses) => {
    expect(vehicleSoldServiceTermination(market, '2028-02-01')).toEqual({ allowed: true, effectiveOn: '2028-03-14', refund: 'none', clauses })
    expect(sixWeeksAfter('2028-02-01')).toBe('2028-03-14')
  })

  it('DK GTC 8.5 a) / SE GTC 8.6 a) — recurring payments: ends on the next due payment date', () => {
    expect(nextDuePaymentDate('2026-01-31', '2026-02-10')).toBe('2026-02-28')
    expect(nextDuePaymentDate('2026-01-31', '2026-03-01')).toBe('2026-03-31')
    expect(nextDuePaymentDate('2026-01-31', '2026-03-31')).toBe('2026-03-31')
    expect(nextDuePaymentDate('2026-01-15', '2027-06-16')).toBe('2027-07-15')
    expect(nextDuePaymentDate('2026-01-15', '2027-06-15')).toBe('2027-06-15')
    expect(nextDuePaymentDate('2026-01-15', '2027-06-14')).toBe('2027-06-15')
    expect(nextDuePaymentDate('2026-01-15', '2026-01-01')).toBe('2026-01-15')
    expect(nextDuePaymentDate('2026-03-15', '2026-01-10')).toBe('2026-03-15')
    expect(nextDuePaymentDate('2026-01-15', '2026-01-15')).toBe('2026-01-15')
    expect(nextDuePaymentDate('2026-01-15', '2026-01-16')).toBe('2026-02-15')
    expect(nextDuePaymentDate('2026-01-31', '2026-05-01', 3)).toBe('2026-07-31')
    expect(nextDuePaymentDate('2026-01-31', '2026-04-30', 3)).toBe('2026-04-30')
    expect(nextDuePaymentDate('2020-03-10', '2026-03-11', 12)).toBe('2027-03-10')
    expect(nextDuePaymentDate('2020-03-10', '2026-03-10', 12)).toBe('2026-03-10')
    expect(recurringServiceTermination('SE', '2026-02-10', '2026-02-28')).toEqual({ allowed: true, effectiveOn: '2026-02-28', refund: 'none', clauses: ['SE GTC 8.6 a)'] })
    expect(recurringServiceTermination('DK', '2026-02-10', '2026-02-28').clauses).toEqual(['DK GTC 8.5 a)'])
  })

  it('a "next" due date given before the notice is read as the notice day', () => {
    expect(recurringServiceTermination('DK', '2026-02-10', '2026-02-01').effectiveOn).toBe('2026-02-10')
  })

  it('nextDuePaymentDate refuses an interval that is not a positive whole number of months', () => {
    expect(() => nextDuePaymentDate('2026-01-15', '2026-03-01', 0)).toThrow('intervalMonths must be a positive integer')
    expect(() => nextDuePaymentDate('2026-01-15', '2026-03-01', 1.5)).toThrow('intervalMonths must be a positive integer')
    expect(() => nextDuePaymentDate('15.01.2026', '2026-03-01')).toThrow('firstDueOn must be an ISO calendar date YYYY-MM-DD, got "15.01.2026"')
    expect(() => nextDuePaymentDate('2026-01-15', '2026-02-30')).toThrow('noticeOn is not a real calendar date: 2026-02-30')
  })

  it('DK GTC 8.1, 8.4 — MINI may end the contract only from 5 years after it began, with one month\'s notice', () => {
    expect(miniTermination('DK', '2026-02-28', '2031-02-27')).toEqual({ allowed: false, effectiveOn: null, refund: 'none', earliestNoticeOn: '2031-02-28', clauses: ['DK GTC 8.1', 'DK GTC 8.4'] })
    expect(miniTermination('DK', '2026-02-28', '2031-02-28')).toEqual({ allowed: true, effectiveOn: '2031-03-28', refund: 'none', earliestNoticeOn: '2031-02-28', clauses: ['DK GTC 8.1', 'DK GTC 8.4', 'D13'] })
  })

  it('SE GTC 8.2, 8.5 — leap-day start: five years later is 28 February', () => {
    expect(miniTermination('SE', '2028-02-29', '2033-02-27').allowed).toBe(false)
    const ok = miniTermination('SE', '2028-02-29', '2033-02-28')
    expect(ok).toEqual({ allowed: true, effectiveOn: '2033-03-28', refund: 'none', earliestNoticeOn: '2033-02-28', clauses: ['SE GTC 8.2', 'SE GTC 8.5', 'D13'] })
  })

  it.each(['PT', 'BE', 'LU'] as const)('%s — MINI has no ordinary termination right in the seed', (market) => {
    expect(miniTermination(market, '2010-01-01', '2026-01-01')).toEqual({ allowed: false, effectiveOn: null, refund: 'none', clauses: [] })
  })

  it('names the date that is not an ISO calendar date', () => {
    expect(() => customerContractTermination('DK', '2026-02-30')).toThrow('noticeOn is not a real calendar date: 2026-02-30')
    expect(() => recurringServiceTermination('DK', '2026-02-10', 'soon')).toThrow('nextDueOn must be an ISO calendar date YYYY-MM-DD, got "soon"')
    expect(() => recurringServiceTermination('DK', 'today', '2026-02-10')).toThrow('noticeOn must be an ISO calendar date YYYY-MM-DD, got "today"')
    expect(() => vehicleSoldServiceTermination('SE', '')).toThrow('noticeOn must be an ISO calendar date YYYY-MM-DD, got ""')
    expect(() => ptServiceTermination('2026-13-01')).toThrow('noticeOn is not a real calendar date: 2026-13-01')
    expect(() => miniTermination('DK', '2026', '2031-01-01')).toThrow('startedOn must be an ISO calendar date YYYY-MM-DD, got "2026"')
    expect(() => miniTermination('DK', '2026-01-01', '2031-02-29')).toThrow('noticeOn is not a real calendar date: 2031-02-29')
  })
})
