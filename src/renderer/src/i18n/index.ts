import { createI18n } from 'vue-i18n'
import en from './en.json'

export type MessageSchema = typeof en

/** English first; other locales are added as files with the same keys. */
export const i18n = createI18n<[MessageSchema], 'en'>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en }
})
