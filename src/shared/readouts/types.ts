import type { SimWarningKey } from '../rules'

/** Customers' languages (RULES.md §9 and issue 12): DK da, SE sv, PT pt, BE fr/nl/de, LU fr/de; English for the agent side. */
export const READ_OUT_LANGUAGES = ['da', 'sv', 'pt', 'fr', 'nl', 'de', 'en'] as const
export type ReadOutLanguage = (typeof READ_OUT_LANGUAGES)[number]

/** Every sentence an agent may have to read out; the SIM warnings keep the rules module's keys. */
export type ReadOutKey =
  | SimWarningKey
  | 'contract-withdrawal'
  | 'purchase-withdrawal'
  | 'contract-termination'
  | 'contract-none'
  | 'refund-none'
  | 'refund-all-payments'
  | 'refund-amount'
  | 'refund-nothing'
  | 'services-kept'
  | 'services-kept-none'
  | 'services-lost'
  | 'acknowledge-emergency-call-loss'

export interface ReadOut {
  key: ReadOutKey
  text: string
}
