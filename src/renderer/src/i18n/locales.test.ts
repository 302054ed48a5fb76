import { describe, expect, it } from 'vitest'
import { pickLocale } from './locales'

describe('the first language, from the system’s preferred languages', () => {
  it('maps each market’s system languages to the app’s seven', () => {
    expect(pickLocale(['da-DK'])).toBe('da')
    expect(pickLocale(['sv-FI', 'fi'])).toBe('sv')
    expect(pickLocale(['pt-BR'])).toBe('pt-PT')
    expect(pickLocale(['pt'])).toBe('pt-PT')
    expect(pickLocale(['fr-BE'])).toBe('fr')
    expect(pickLocale(['nl-BE', 'fr-BE'])).toBe('nl')
    expect(pickLocale(['de-LU'])).toBe('de')
    expect(pickLocale(['en-US'])).toBe('en')
  })

  it('takes the first language the app speaks, in the system’s order', () => {
    expect(pickLocale(['pl-PL', 'de-DE', 'en-GB'])).toBe('de')
    expect(pickLocale(['lb-LU', 'de-LU'])).toBe('fr')
    expect(pickLocale(['fo'])).toBe('da')
  })

  it('falls back to English', () => {
    expect(pickLocale([])).toBe('en')
    expect(pickLocale(['ja-JP', 'zh'])).toBe('en')
  })
})
