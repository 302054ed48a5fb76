import type { CustomerLanguage, Market } from '../ipc/schemas'

/**
 * The languages each market serves its customers in (RULES.md §9: BE French, Dutch or German; LU French or
 * German); the first is the market's default, used when a record has no language.
 */
export const MARKET_LANGUAGES: Readonly<Record<Market, readonly [CustomerLanguage, ...CustomerLanguage[]]>> = {
  DK: ['da'],
  SE: ['sv'],
  PT: ['pt'],
  BE: ['fr', 'nl', 'de'],
  LU: ['fr', 'de']
}

export function defaultLanguage(market: Market): CustomerLanguage {
  return MARKET_LANGUAGES[market][0]
}

export function servesLanguage(market: Market, language: CustomerLanguage): boolean {
  return MARKET_LANGUAGES[market].includes(language)
}
