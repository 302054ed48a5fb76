import { Temporal } from 'temporal-polyfill'
import { intlLocale } from './i18n'

// Every function takes the agent's current language by default: called from a template, reading it
// makes the text follow a language switch.

/** Calendar dates are shown as days ("20 Mar 2026", "20. mar. 2026"), built from the ISO date with no time zone involved. */
export function formatDate(iso: string | null | undefined, locale = intlLocale()): string {
  if (!iso) return ''
  return Temporal.PlainDate.from(iso).toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
}

/** Money arrives in minor units; Intl knows each currency's decimals and symbol placement. */
export function formatMoney(minor: number, currency: string, locale = intlLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100)
}

/** A count as the agent's language writes it ("12,400", "12.400", "12 400"). */
export function formatNumber(n: number, locale = intlLocale()): string {
  return new Intl.NumberFormat(locale).format(n)
}

/** A list as the language joins it ("A, B and C", "A, B og C"). */
export function formatList(items: readonly string[], locale = intlLocale()): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items)
}

export function displayName(c: { firstName: string | null; lastName: string | null; companyName: string | null }): string {
  const person = [c.firstName, c.lastName].filter(Boolean).join(' ')
  return c.companyName ? (person ? `${c.companyName} (${person})` : c.companyName) : person
}

/** An instant from main (ISO with offset) as the agent's local date and time. */
export function formatInstant(iso: string | null | undefined, locale = intlLocale()): string {
  if (!iso) return ''
  return Temporal.Instant.from(iso)
    .toZonedDateTimeISO(Temporal.Now.timeZoneId())
    .toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}

export function formatTime(iso: string | null | undefined, locale = intlLocale()): string {
  if (!iso) return ''
  return Temporal.Instant.from(iso).toZonedDateTimeISO(Temporal.Now.timeZoneId()).toLocaleString(locale, { hour: '2-digit', minute: '2-digit' })
}

/** The calendar day, on this computer, of an instant from main ("21 Nov 2026"). */
export function formatInstantDate(iso: string | null | undefined, locale = intlLocale()): string {
  if (!iso) return ''
  return formatDate(Temporal.Instant.from(iso).toZonedDateTimeISO(Temporal.Now.timeZoneId()).toPlainDate().toString(), locale)
}
