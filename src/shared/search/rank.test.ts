import { describe, expect, it } from 'vitest'
import { planSearch } from './query'
import { matchTier, rankResults, type Rankable } from './rank'

function vehicle(vin: string, customer: Partial<Rankable['customer']>, extra: Partial<Rankable> = {}): Rankable {
  return {
    vin,
    shortVin: vin.slice(-7),
    plate: null,
    customer: { firstName: null, lastName: null, companyName: null, customerNumber: '40000000', email: null, phone: null, ...customer },
    ...extra
  }
}

describe('ranking search results', () => {
  it('puts the exact full name first, then whole words, then beginnings, keeping the found order within each', () => {
    const list = [
      vehicle('A', { firstName: 'Søren Ærø', lastName: 'Østergård' }),
      vehicle('B', { firstName: 'Sørine', lastName: 'Østergårdsen' }),
      vehicle('C', { firstName: 'Søren', lastName: 'Østergård' }),
      vehicle('D', { firstName: 'Søren', lastName: 'Østergårdsen' }),
      vehicle('E', { firstName: 'Søren', lastName: 'Oestergaard' })
    ]
    const plan = planSearch('soren ostergard')
    expect(list.map((v) => matchTier(plan, v))).toEqual([2, 3, 1, 3, 1])
    expect(rankResults(plan, list).map((v) => v.vin)).toEqual(['C', 'E', 'A', 'B', 'D'])
  })

  it("a company's full name counts as the customer's full name", () => {
    const v = vehicle('A', { firstName: 'Göran', lastName: 'Sjöberg', companyName: 'Sjöberg Bygg AB' })
    expect(matchTier(planSearch('sjoberg bygg ab'), v)).toBe(1)
    expect(matchTier(planSearch('goran sjoberg'), v)).toBe(1)
    expect(matchTier(planSearch('bygg'), v)).toBe(2)
  })

  it('puts an identifier typed in full above everything else', () => {
    const phone = vehicle('P', { phone: '+45 12345678' })
    const other = vehicle('Q', { phone: '+45 99345678' })
    const byTail = planSearch('345678')
    expect([matchTier(byTail, phone), matchTier(byTail, other)]).toEqual([3, 3])
    expect(rankResults(planSearch('12 34 56 78'), [other, phone])[0]!.vin).toBe('P')
    expect(matchTier(planSearch('+45 12 34 56 78'), phone)).toBe(0)
    expect(matchTier(planSearch('40000000'), phone)).toBe(0)
    const plated = vehicle('WMW11DJ0X02345678', {}, { plate: 'AB 12 345' })
    expect(matchTier(planSearch('ab12345'), plated)).toBe(0)
    expect(matchTier(planSearch('ab123'), plated)).toBe(3)
    expect(matchTier(planSearch('2345678'), plated)).toBe(0)
    expect(matchTier(planSearch('wd 2026 7'), vehicle('X', {}, { cases: [{ id: 'WD-2026-000007' }] }))).toBe(0)
    expect(matchTier(planSearch('Anna@Mail.dk'), vehicle('X', { email: 'anna@mail.dk' }))).toBe(0)
  })
})
