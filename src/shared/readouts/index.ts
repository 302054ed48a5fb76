import { Temporal } from 'temporal-polyfill'
import type { Currency, IsoDate, KeptFunction, Market, SimWarningKey } from '../rules'
import { KEPT_FUNCTIONS, SENTENCES } from './texts'
import { READ_OUT_LANGUAGES, type ReadOut, type ReadOutKey, type ReadOutLanguage } from './types'

export { READ_OUT_LANGUAGES, type ReadOut, type ReadOutKey, type ReadOutLanguage } from './types'
export { KEPT_FUNCTIONS } from './texts'

/**
 * What an agent reads out to a customer, in the customer's language (issue 12, point 3): pure, so the
 * renderer shows it and main can record exactly what was read and in which language.
 */

/** The conventions each language writes dates and money in (the customer's, not the agent's). */
const INTL: Readonly<Record<ReadOutLanguage, string>> = { da: 'da-DK', sv: 'sv-SE', pt: 'pt-PT', fr: 'fr-BE', nl: 'nl-BE', de: 'de-DE', en: 'en-GB' }

/** A market's first language, when the customer's record has none (RULES.md §9: BE and LU default to French). */
const MARKET_LANGUAGE: Readonly<Record<Market, ReadOutLanguage>> = { DK: 'da', SE: 'sv', PT: 'pt', BE: 'fr', LU: 'fr' }

export function isReadOutLanguage(value: unknown): value is ReadOutLanguage {
  return typeof value === 'string' && (READ_OUT_LANGUAGES as readonly string[]).includes(value)
}

export function marketLanguage(market: Market): ReadOutLanguage {
  return MARKET_LANGUAGE[market]
}

/** The customer's language: from their record when it has one, else the market's first language. */
export function customerLanguage(vehicle: { market: Market; customer?: object | null }): ReadOutLanguage {
  // Read by name: the record carries a language once main stores one per customer.
  const recorded = (vehicle.customer as { language?: unknown } | null | undefined)?.language
  return isReadOutLanguage(recorded) && recorded !== 'en' ? recorded : marketLanguage(vehicle.market)
}

export interface ReadOutParams {
  /** ISO date: the termination's effective day, or the refund's due day. */
  date?: IsoDate
  /** Minor units, with `currency`. */
  amount?: number
  currency?: Currency
  services?: readonly string[]
  product?: string
}

function required<T>(value: T | undefined, key: ReadOutKey, name: string): T {
  if (value === undefined) throw new Error(`The read-out "${key}" needs ${name}`)
  return value
}

/** One sentence in `language`, with its dates, amounts and lists written as that language writes them. */
export function readOut(key: ReadOutKey, params: ReadOutParams, language: ReadOutLanguage): string {
  const intl = INTL[language]
  return SENTENCES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case 'date':
        // Read aloud: the month in words ("30. november 2026", "30 de novembro de 2026").
        return Temporal.PlainDate.from(required(params.date, key, 'a date')).toLocaleString(intl, { day: 'numeric', month: 'long', year: 'numeric' })
      case 'amount':
        return new Intl.NumberFormat(intl, { style: 'currency', currency: required(params.currency, key, 'a currency') }).format(required(params.amount, key, 'an amount') / 100)
      case 'services':
        return new Intl.ListFormat(intl, { style: 'long', type: 'conjunction' }).format(required(params.services, key, 'a list of services'))
      case 'product':
        return required(params.product, key, 'a product')
      default:
        throw new Error(`Unknown placeholder {${name}} in the read-out "${key}"`)
    }
  })
}

/**
 * What a SIM deactivation or a withdrawal means for the customer. Structurally a subset of the rules'
 * `SimDeactivationDetail`, so an assessment can be passed as it is; a withdrawal adds the amount.
 */
export interface ReadOutInput {
  warnings?: readonly SimWarningKey[]
  /** What stays on (legally required functions); an empty list is read out as "nothing". */
  keeps?: readonly KeptFunction[]
  /** Names of the services that stop. */
  servicesLost?: readonly string[]
  contractEffect?: 'withdrawal' | 'termination' | 'none'
  terminationEffectiveOn?: IsoDate
  /** A withdrawn purchase's name; absent: the MINI Connected contract. */
  withdrawnProduct?: string
  refund?: 'all-payments' | 'none' | { amount: number; currency: Currency; dueBy: IsoDate }
  /** The customer must confirm the loss of every emergency call (RULES.md §3): the question closes the read-out. */
  requiresAcknowledgement?: boolean
}

/** Every sentence to read out for `input`, in the order an agent says them: warnings, services, contract, money, and the question to confirm. */
export function readOutsFor(input: ReadOutInput, language: ReadOutLanguage): ReadOut[] {
  const out: ReadOut[] = []
  const say = (key: ReadOutKey, params: ReadOutParams = {}) => out.push({ key, text: readOut(key, params, language) })
  for (const w of input.warnings ?? []) say(w)
  if (input.keeps) {
    if (input.keeps.length) say('services-kept', { services: input.keeps.map((k) => KEPT_FUNCTIONS[language][k]) })
    else say('services-kept-none')
  }
  if (input.servicesLost?.length) say('services-lost', { services: input.servicesLost })
  if (input.contractEffect === 'withdrawal') {
    if (input.withdrawnProduct) say('purchase-withdrawal', { product: input.withdrawnProduct })
    else say('contract-withdrawal')
  } else if (input.contractEffect === 'termination') {
    say('contract-termination', { date: required(input.terminationEffectiveOn, 'contract-termination', 'the effective date') })
  } else if (input.contractEffect === 'none') say('contract-none')
  const refund = input.refund
  if (refund === 'all-payments') say('refund-all-payments')
  else if (refund === 'none') say('refund-none')
  else if (refund) {
    if (refund.amount > 0) say('refund-amount', { amount: refund.amount, currency: refund.currency, date: refund.dueBy })
    else say('refund-nothing')
  }
  if (input.requiresAcknowledgement) say('acknowledge-emergency-call-loss')
  return out
}
