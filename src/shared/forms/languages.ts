// Which languages each market's forms and letters exist in (RULES.md §9): the consumer's language where a
// market has several (BE: French, Dutch, German; LU: French, German), the default first.
import { MARKET_LANGUAGES } from '../domain/languages'
import { customerLanguage } from '../ipc/schemas'
import type { FormLanguage, FormMarket } from './types'

/** The customers' languages of each market (one list for the app: src/shared/domain/languages.ts). */
export const FORM_LANGUAGES: Readonly<Record<FormMarket, readonly [FormLanguage, ...FormLanguage[]]>> = MARKET_LANGUAGES

export const ALL_FORM_LANGUAGES: readonly FormLanguage[] = customerLanguage.options

/** For messages to the agent: the language's name in English (the agent-facing language of errors here). */
export const LANGUAGE_NAMES: Readonly<Record<FormLanguage, string>> = {
  da: 'Danish',
  sv: 'Swedish',
  pt: 'Portuguese',
  fr: 'French',
  nl: 'Dutch',
  de: 'German'
}

export const MARKET_NAMES: Readonly<Record<FormMarket, string>> = {
  DK: 'Denmark',
  SE: 'Sweden',
  PT: 'Portugal',
  BE: 'Belgium',
  LU: 'Luxembourg'
}

export function defaultLanguage(market: FormMarket): FormLanguage {
  return FORM_LANGUAGES[market][0]
}

/** True where the market's forms exist in more than one language (file names then carry the language). */
export function hasSeveralLanguages(market: FormMarket): boolean {
  return FORM_LANGUAGES[market].length > 1
}

/** «Belgian forms exist in French, Dutch and German» — the refusal for a language the market lacks. */
export function languagesSentence(market: FormMarket): string {
  const names = FORM_LANGUAGES[market].map((l) => LANGUAGE_NAMES[l])
  const list = names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
  return `the forms for ${MARKET_NAMES[market]} exist in ${list} only`
}
