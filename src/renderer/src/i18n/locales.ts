/**
 * The seven languages of the agents' desks (DK, SE, PT, BE, LU and the hotline's English). One table:
 * the message file, Element Plus's own pack, the dayjs calendar (Element Plus's date pickers use dayjs),
 * and the `Intl` locale that formats dates, numbers and money.
 */
export const UI_LOCALES = ['da', 'sv', 'pt-PT', 'fr', 'nl', 'de', 'en'] as const
export type UiLocale = (typeof UI_LOCALES)[number]

export interface LocaleInfo {
  /** The language's name in itself: the same in every UI language, so an agent finds their own. */
  nativeName: string
  /**
   * The `Intl` locale. English is used by agents in Europe, so it follows British conventions (day
   * before month, ISO currency codes) rather than American ones.
   */
  intl: string
  /** The customer-facing language of the same tongue (src/shared/readouts): pt-PT is "pt" there. */
  readOut: 'da' | 'sv' | 'pt' | 'fr' | 'nl' | 'de' | 'en'
}

export const LOCALE_INFO: Readonly<Record<UiLocale, LocaleInfo>> = {
  da: { nativeName: 'Dansk', intl: 'da-DK', readOut: 'da' },
  sv: { nativeName: 'Svenska', intl: 'sv-SE', readOut: 'sv' },
  'pt-PT': { nativeName: 'Português', intl: 'pt-PT', readOut: 'pt' },
  fr: { nativeName: 'Français', intl: 'fr-BE', readOut: 'fr' },
  nl: { nativeName: 'Nederlands', intl: 'nl-BE', readOut: 'nl' },
  de: { nativeName: 'Deutsch', intl: 'de-DE', readOut: 'de' },
  en: { nativeName: 'English', intl: 'en-GB', readOut: 'en' }
}

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value)
}

/**
 * Other tongues whose speakers read one of ours without effort: Faroese and Greenlandic desks use
 * Danish, Luxembourgish ones French (Luxembourg's first language for withdrawal forms, RULES.md §9).
 */
const NEIGHBOURS: Readonly<Record<string, UiLocale>> = { fo: 'da', kl: 'da', lb: 'fr' }

/**
 * The first of the system's preferred languages (`navigator.languages`, best first) that the app
 * speaks, by language subtag: every Portuguese is pt-PT here, every French fr, and so on. English when
 * none matches.
 */
export function pickLocale(preferred: readonly string[]): UiLocale {
  for (const tag of preferred) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
    const match = UI_LOCALES.find((l) => l.split('-')[0] === language) ?? NEIGHBOURS[language]
    if (match) return match
  }
  return 'en'
}
