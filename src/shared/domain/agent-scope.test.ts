import { describe, expect, it } from 'vitest'
import { agentMarket, mayActOnMarket } from './agent-scope'

describe('the markets an agent acts in (D2)', () => {
  it('dealer staff act in the market of their dealer number only', () => {
    const dealer = { role: 'dealer' as const, dealerNumber: 'DK-10001' }
    expect(agentMarket(dealer)).toBe('DK')
    expect(mayActOnMarket(dealer, 'DK')).toBe(true)
    expect(mayActOnMarket(dealer, 'SE')).toBe(false)
  })

  it('a dealer without a readable dealer number acts nowhere', () => {
    for (const dealerNumber of [null, 'XX-1', 'dk-10001']) {
      const dealer = { role: 'dealer' as const, dealerNumber }
      expect(agentMarket(dealer)).toBe('none')
      expect(mayActOnMarket(dealer, 'DK')).toBe(false)
    }
  })

  it('the hotline and supervisors act in every market', () => {
    for (const role of ['hotline', 'supervisor'] as const) {
      expect(agentMarket({ role, dealerNumber: null })).toBeNull()
      expect(['DK', 'SE', 'PT', 'BE', 'LU'].every((m) => mayActOnMarket({ role, dealerNumber: 'DK-10001' }, m as 'DK'))).toBe(true)
    }
  })
})
