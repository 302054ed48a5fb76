import { describe, expect, it } from 'vitest'
import { formatAmountInput, parseAmount } from './money'

const minor = (text: string, locale: string, currency = 'DKK') => {
  const r = parseAmount(text, locale, currency)
  return r.ok ? r.minor : r.problem
}

describe('amounts typed in the agent’s language', () => {
  it('reads each language’s decimal separator and thousands grouping', () => {
    expect(minor('500,25', 'da-DK')).toBe(50_025)
    expect(minor('1.234,50', 'da-DK')).toBe(123_450)
    expect(minor('1.234,5', 'de-DE', 'EUR')).toBe(123_450)
    expect(minor('1 234,50', 'sv-SE', 'SEK')).toBe(123_450)
    expect(minor('1\u202f234,50', 'fr-BE', 'EUR')).toBe(123_450)
    expect(minor('1234,50', 'pt-PT', 'EUR')).toBe(123_450)
    expect(minor('1,234.50', 'en-GB')).toBe(123_450)
    expect(minor('7000', 'en-GB')).toBe(700_000)
    expect(minor('500', 'nl-BE', 'EUR')).toBe(50_000)
  })

  it('takes the other decimal mark where the language groups with spaces', () => {
    expect(minor('500.25', 'sv-SE', 'SEK')).toBe(50_025)
    expect(minor('500.25', 'fr-BE', 'EUR')).toBe(50_025)
  })

  it('refuses what it would have to guess: a group of two digits, two decimal marks, letters', () => {
    expect(minor('500.25', 'da-DK')).toBe('not-an-amount')
    expect(minor('500,25', 'en-GB')).toBe('not-an-amount')
    expect(minor('1.23.4', 'de-DE', 'EUR')).toBe('not-an-amount')
    expect(minor('12a', 'da-DK')).toBe('not-an-amount')
    expect(minor('5,', 'da-DK')).toBe('not-an-amount')
    expect(minor('', 'da-DK')).toBe('empty')
    expect(minor('1,005', 'da-DK')).toBe('too-many-decimals')
  })

  it('accepts the currency’s symbol or code around the amount, and a minus sign', () => {
    expect(minor('500,25 kr.', 'da-DK')).toBe(50_025)
    expect(minor('DKK 500,25', 'da-DK')).toBe(50_025)
    expect(minor('12,50 €', 'pt-PT', 'EUR')).toBe(1_250)
    expect(minor('-5', 'en-GB')).toBe(-500)
  })

  it('writes an amount back the way it reads it', () => {
    for (const [locale, currency] of [['da-DK', 'DKK'], ['sv-SE', 'SEK'], ['pt-PT', 'EUR'], ['fr-BE', 'EUR'], ['nl-BE', 'EUR'], ['de-DE', 'EUR'], ['en-GB', 'DKK']] as const) {
      for (const amount of [1, 99, 50_025, 699_500, 123_456_789]) expect(minor(formatAmountInput(amount, locale, currency), locale, currency), `${locale} ${amount}`).toBe(amount)
    }
    expect(formatAmountInput(699_500, 'da-DK', 'DKK')).toBe('6.995,00')
  })
})
