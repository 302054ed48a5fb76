import { describe, expect, it } from 'vitest'
import { MARKETS } from '@shared/rules'
import { dealerNumber, marketOfDealerNumber } from '../ipc/schemas'
import { PEOPLE } from '../fleet/people'
import { agentMarket, mayActOnMarket } from './agent-scope'

describe('the markets an agent acts in (D2)', () => {
  it('dealer staff act in the market of their dealer number only', () => {
    const dealer = { role: 'dealer' as const, dealerNumber: 'DK-10001' }
    expect(agentMarket(dealer)).toBe('DK')
    expect(mayActOnMarket(dealer, 'DK')).toBe(true)
    expect(mayActOnMarket(dealer, 'SE')).toBe(false)
  })

  it('a dealer without a readable dealer number acts nowhere', () => {
    for (const dealerNumber of [null, 'XX-1', 'dk-10001', 'DK-1', 'DK-100012', 'DKX-10001', ' DK-10001']) {
      const dealer = { role: 'dealer' as const, dealerNumber }
      expect(agentMarket(dealer)).toBe('none')
      expect(mayActOnMarket(dealer, 'DK')).toBe(false)
    }
  })

  it('the hotline and supervisors act in every market', () => {
    for (const role of ['hotline', 'supervisor'] as const) {
      expect(agentMarket({ role, dealerNumber: null })).toBeNull()
      expect(MARKETS.every((m) => mayActOnMarket({ role, dealerNumber: 'DK-10001' }, m))).toBe(true)
    }
  })
})

describe('dealer numbers: a market of MARKETS, a hyphen, five digits', () => {
  it.each(MARKETS)('%s-24031 names %s and is accepted when an agent is created', (m) => {
    expect(marketOfDealerNumber(`${m}-24031`)).toBe(m)
    expect(dealerNumber.parse(` ${m}-24031 `)).toBe(`${m}-24031`)
  })

  it('anything else names no market and is refused with the dealer-number message', () => {
    for (const value of ['XX-24031', 'DK24031', 'DK-2403', 'DK-240312', 'dk-24031', 'DK-2403a']) {
      expect(marketOfDealerNumber(value)).toBeNull()
      expect(dealerNumber.safeParse(value).error?.issues[0]?.message).toBe('field.dealerNumber')
    }
  })

  it('every dealer of the demo fleet has a dealer number of its own market', () => {
    for (const m of MARKETS) for (const d of PEOPLE[m].dealers) expect(marketOfDealerNumber(d.number)).toBe(m)
  })
})
