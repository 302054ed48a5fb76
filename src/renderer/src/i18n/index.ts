import dayjs from 'dayjs'
import updateLocale from 'dayjs/plugin/updateLocale'
import type { Language } from 'element-plus/es/locale'
import elementEn from 'element-plus/es/locale/lang/en'
import { computed, shallowRef } from 'vue'
import { createI18n } from 'vue-i18n'
import en from './locales/en.json'
import { LOCALE_INFO, type UiLocale } from './locales'

export type MessageSchema = typeof en
export { UI_LOCALES, LOCALE_INFO, isUiLocale, pickLocale, type UiLocale } from './locales'

/** English is bundled (the fallback for a key a translation lacks); the others load when chosen. */
export const i18n = createI18n<[MessageSchema], UiLocale, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en } as Record<UiLocale, MessageSchema>
})

type Loaded<T> = Promise<{ default: T }>
interface LocaleParts {
  messages: () => Loaded<MessageSchema>
  element: () => Loaded<Language>
  /** dayjs registers a locale by importing its file; Element Plus's calendars then find it by name. */
  dayjs: () => Promise<unknown>
}

// Literal import paths, so the bundler splits each language into its own chunk.
const PARTS: Readonly<Record<Exclude<UiLocale, 'en'>, LocaleParts>> = {
  da: { messages: () => import('./locales/da.json'), element: () => import('element-plus/es/locale/lang/da'), dayjs: () => import('dayjs/locale/da') },
  sv: { messages: () => import('./locales/sv.json'), element: () => import('element-plus/es/locale/lang/sv'), dayjs: () => import('dayjs/locale/sv') },
  'pt-PT': { messages: () => import('./locales/pt-PT.json'), element: () => import('element-plus/es/locale/lang/pt'), dayjs: () => import('dayjs/locale/pt') },
  fr: { messages: () => import('./locales/fr.json'), element: () => import('element-plus/es/locale/lang/fr'), dayjs: () => import('dayjs/locale/fr') },
  nl: { messages: () => import('./locales/nl.json'), element: () => import('element-plus/es/locale/lang/nl'), dayjs: () => import('dayjs/locale/nl') },
  de: { messages: () => import('./locales/de.json'), element: () => import('element-plus/es/locale/lang/de'), dayjs: () => import('dayjs/locale/de') }
}

dayjs.extend(updateLocale)
/**
 * Calendars start on Monday in every language, English included (ISO 8601 and every market of the
 * tool). Element Plus's date table reads `weekStart` from the dayjs locale named like its own pack.
 */
function mondayFirst(name: string): void {
  dayjs.updateLocale(name, { weekStart: 1 })
}
mondayFirst(elementEn.name)

const elementPacks = new Map<UiLocale, Language>([['en', elementEn]])
/** Element Plus's pack for the current language, for `<el-config-provider :locale>`. */
export const elementLocale = shallowRef<Language>(elementEn)

/** The current UI language (reactive: templates and computed values follow a switch). */
export const currentLocale = computed<UiLocale>(() => i18n.global.locale.value)
/** The `Intl` locale for dates, numbers and money in the current UI language. */
export const intlLocale = (): string => LOCALE_INFO[currentLocale.value].intl

/** Loads a language's messages, Element Plus pack and calendar once; later switches are immediate. */
async function load(locale: UiLocale): Promise<Language> {
  const cached = elementPacks.get(locale)
  if (cached) return cached
  const parts = PARTS[locale as Exclude<UiLocale, 'en'>]
  const [messages, element] = await Promise.all([parts.messages(), parts.element(), parts.dayjs()])
  i18n.global.setLocaleMessage(locale, messages.default)
  mondayFirst(element.default.name)
  elementPacks.set(locale, element.default)
  return element.default
}

let latest: UiLocale = 'en'
/**
 * Switches the whole UI (messages, Element Plus, dates and numbers) without a reload. If two switches
 * overlap, the last one asked for wins.
 */
export async function setLocale(locale: UiLocale): Promise<void> {
  latest = locale
  const element = await load(locale)
  if (latest !== locale) return
  elementLocale.value = element
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
