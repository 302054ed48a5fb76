import { describe, expect, it } from 'vitest'
import { assessSimDeactivation } from '../rules'
import { vehicle } from '../rules/test-fixtures'
import { customerLanguage, READ_OUT_LANGUAGES, readOut, readOutsFor, type ReadOutKey } from './index'
import { SENTENCES } from './texts'

/** Intl separates amounts with no-break spaces; the test compares what a person reads. */
const plain = (text: string) => text.replace(/\s/g, ' ')
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('read-outs in the customer’s language', () => {
  it('every language has every sentence, with the same placeholders as English', () => {
    const keys = Object.keys(SENTENCES.en) as ReadOutKey[]
    for (const language of READ_OUT_LANGUAGES) {
      expect(Object.keys(SENTENCES[language]).sort()).toEqual([...keys].sort())
      for (const key of keys) expect(placeholders(SENTENCES[language][key]), `${language} ${key}`).toEqual(placeholders(SENTENCES.en[key]))
    }
  })

  it('quotes the seeds where they say it: PT II.5.1, BE L143, DK GTC 8.7, SE 8.8, DK/SE 1.6 a)', () => {
    expect(readOut('emergency-call-lost', {}, 'pt')).toContain('a chamada de emergência no veículo deixará de funcionar')
    expect(readOut('intelligent-ecall-lost', {}, 'fr')).toContain('en particulier de l’Appel d’Urgence Intelligent')
    expect(readOut('refund-none', {}, 'da')).toContain('suspenderes uden refusion')
    expect(readOut('refund-none', {}, 'sv')).toContain('utan någon återbetalning')
    expect(readOut('contract-withdrawal', {}, 'da')).toContain('tilbagetrækning fra den indgåede MINI Connected-kontrakt')
    expect(readOut('contract-withdrawal', {}, 'sv')).toContain('ångerrätt av det ingångna MINI Connected-avtalet')
  })

  it('writes dates, money and lists as the customer’s language does', () => {
    const refund = { amount: 123_450, currency: 'DKK' as const, date: '2026-12-07' }
    expect(plain(readOut('refund-amount', refund, 'da'))).toBe('Vi tilbagebetaler 1.234,50 kr. senest den 7. december 2026 med samme betalingsmiddel, som du benyttede.')
    expect(plain(readOut('refund-amount', { ...refund, currency: 'EUR' }, 'pt'))).toMatch(/^O montante de 1234,50 € ser-lhe-á reembolsado até 7 de dezembro de 2026/)
    expect(plain(readOut('refund-amount', { ...refund, currency: 'EUR' }, 'de'))).toContain('1.234,50 € spätestens am 7. Dezember 2026')
    expect(readOut('services-lost', { services: ['My Info', 'Send to Car', 'Remote Services'] }, 'fr')).toBe('Ces services s’arrêtent : My Info, Send to Car et Remote Services.')
    expect(readOut('services-lost', { services: ['My Info', 'Send to Car'] }, 'nl')).toBe('Deze diensten stoppen: My Info en Send to Car.')
  })

  it('refuses a sentence without the value it needs, rather than reading out a gap', () => {
    expect(() => readOut('contract-termination', {}, 'da')).toThrow(/needs a date/)
    expect(() => readOut('refund-amount', { amount: 100, date: '2026-01-01' }, 'sv')).toThrow(/currency/)
  })

  it('a DK termination after handover, from the rules’ own assessment: warnings, what stays, the date, no refund', () => {
    const a = assessSimDeactivation(vehicle({ market: 'DK', equipment: ['6AF'], handedOverAt: '2025-12-01' }), '2026-03-15')
    const said = readOutsFor({ ...a, servicesLost: ['Remote Services'] }, 'da')
    expect(said.map((s) => s.key)).toEqual(['intelligent-ecall-lost', 'activated-functions-offline', 'services-kept', 'services-lost', 'contract-termination', 'refund-none'])
    expect(said.find((s) => s.key === 'contract-termination')?.text).toBe('Din MINI Connected-kontrakt opsiges med en måneds varsel og ophører den 15. april 2026.')
    expect(said.find((s) => s.key === 'services-kept')?.text).toContain('Legal eCall')
  })

  it('a full deactivation keeps nothing and says so; a withdrawal reads out the refund and its date', () => {
    const a = assessSimDeactivation(vehicle({ market: 'PT', equipment: ['6AE', '6AC'] }), '2026-03-15')
    const said = readOutsFor(a, 'pt')
    expect(said[0]).toEqual({ key: 'emergency-call-lost', text: expect.stringContaining('deixará de funcionar') })
    expect(said.map((s) => s.key)).toContain('services-kept-none')
    const withdrawal = readOutsFor({ contractEffect: 'withdrawal', refund: { amount: 24_900, currency: 'EUR', dueBy: '2026-12-21' } }, 'pt')
    expect(withdrawal.map((s) => s.text)).toEqual([readOut('contract-withdrawal', {}, 'pt'), readOut('refund-amount', { amount: 24_900, currency: 'EUR', date: '2026-12-21' }, 'pt')])
    expect(readOutsFor({ contractEffect: 'withdrawal', withdrawnProduct: 'Service Inclusive Basis', refund: { amount: 0, currency: 'DKK', dueBy: '2026-12-21' } }, 'da').map((s) => s.key)).toEqual(['purchase-withdrawal', 'refund-nothing'])
  })

  it('the customer’s language comes from the record, else the market’s first language', () => {
    expect(customerLanguage({ market: 'BE', customer: { language: 'nl' } })).toBe('nl')
    expect(customerLanguage({ market: 'BE', customer: {} })).toBe('fr')
    expect(customerLanguage({ market: 'LU' })).toBe('fr')
    expect(customerLanguage({ market: 'DK', customer: { language: 'xx' } })).toBe('da')
    expect(customerLanguage({ market: 'SE', customer: { language: 'en' } })).toBe('sv')
    expect(customerLanguage({ market: 'PT', customer: null })).toBe('pt')
  })
})
