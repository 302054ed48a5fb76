// Calendar arithmetic on ISO calendar dates (RULES.md §5 D6, §7 D13). Only Temporal.PlainDate is
// used: a calendar date has no time and no zone, so the result never depends on where it runs.
import Holidays from 'date-holidays'
import { Temporal } from 'temporal-polyfill'
import { MARKET_INFO } from './catalogue'
import type { IsoDate, Market } from './types'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Strict `YYYY-MM-DD` parser: rejects 2026-02-30, times, zones and other shapes. */
export function toPlainDate(iso: IsoDate, field = 'date'): Temporal.PlainDate {
  if (typeof iso !== 'string' || !ISO_DATE.test(iso)) {
    throw new RangeError(`${field} must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(iso)}`)
  }
  try {
    // A date string is never constrained: 2026-02-30 is rejected whatever the overflow option.
    return Temporal.PlainDate.from(iso)
  } catch {
    throw new RangeError(`${field} is not a real calendar date: ${iso}`)
  }
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  try {
    Temporal.PlainDate.from(value)
    return true
  } catch {
    return false
  }
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return toPlainDate(iso).add({ days }).toString()
}

/**
 * D13: same day number `months` later, or that month's last day when it has no such day
 * (31 January + 1 month → 28/29 February). Temporal's default overflow, 'constrain', is exactly
 * this clamp.
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  return toPlainDate(iso).add({ months }).toString()
}

/** Years with the same clamp as D13 (29 February + 1 year → 28 February). */
export function addYears(iso: IsoDate, years: number): IsoDate {
  return toPlainDate(iso).add({ years }).toString()
}

export function addWeeks(iso: IsoDate, weeks: number): IsoDate {
  return toPlainDate(iso).add({ weeks }).toString()
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // A PlainDate difference is in days unless a larger unit is asked for.
  return toPlainDate(from, 'from').until(toPlainDate(to, 'to')).days
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Temporal.PlainDate.compare(toPlainDate(a), toPlainDate(b))
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return isAfter(b, a) ? b : a
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return isAfter(a, b) ? b : a
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function dayOfWeek(iso: IsoDate): number {
  return toPlainDate(iso).dayOfWeek
}

// ---------------------------------------------------------------------------------------------
// Public holidays (D6)

export interface PublicHoliday {
  date: IsoDate
  /** Name in the country's language, as the library gives it. */
  name: string
  /** English name where the library has one, else the local name. */
  nameEn: string
}

const holidayCache = new Map<string, ReadonlyMap<IsoDate, PublicHoliday>>()

/**
 * D6: national PUBLIC holidays of the market's country (date-holidays type 'public' only). Not
 * 'observance' (DK Grundlovsdag, DK 1 May, SE Whit Monday, LU Good Friday), not 'bank' (SE
 * midsommarafton, julafton, nyårsafton), not 'optional'. RULES.md D6 names 24 December explicitly
 * as not a holiday.
 *
 * Dates are read from the library's `date` string ('YYYY-MM-DD hh:mm:ss', the country's local
 * calendar day), never from its `start` Date object, which is an instant and would shift by a day
 * in far-off time zones. Each year is memoised; the library data is static, so this stays pure.
 */
export function publicHolidays(market: Market, year: number): ReadonlyMap<IsoDate, PublicHoliday> {
  const country = MARKET_INFO[market].holidayCountry
  const key = `${country}:${year}`
  const cached = holidayCache.get(key)
  if (cached !== undefined) return cached
  const hd = new Holidays(country)
  // The language is always named: asking for English switches an instance's language, and a later
  // call without one gives English "local" names.
  const local = hd.getHolidays(year, hd.getLanguages()[0]!)
  // The same rules in English: the library returns both lists from one rule set, in the same order.
  const english = hd.getHolidays(year, 'en')
  const map = new Map<IsoDate, PublicHoliday>()
  local.forEach((h, i) => {
    if (h.type !== 'public') return
    const date = h.date.slice(0, 10)
    const nameEn = english[i]!.name
    const existing = map.get(date)
    // Two public holidays on one day (LU 2024-05-09: Europe Day and Ascension): keep both names.
    map.set(
      date,
      existing === undefined
        ? { date, name: h.name, nameEn }
        : { date, name: `${existing.name} / ${h.name}`, nameEn: `${existing.nameEn} / ${nameEn}` }
    )
  })
  holidayCache.set(key, map)
  return map
}

export function publicHoliday(market: Market, iso: IsoDate): PublicHoliday | undefined {
  const d = toPlainDate(iso)
  return publicHolidays(market, d.year).get(d.toString())
}

export type NonWorkingReason = 'saturday' | 'sunday' | 'holiday'

/** A day the deadline was moved over, with the reason read out to the customer (D6). */
export interface DeadlineShift {
  date: IsoDate
  /** 'saturday' / 'sunday' first; 'holiday' for a public holiday on a weekday. */
  reason: NonWorkingReason
  /** Set whenever the day is a public holiday, also on a weekend (Easter Sunday). */
  holidayName?: string
  holidayNameEn?: string
}

/** Why a day is not a working day of the market, or null for a working day. */
export function nonWorkingReason(market: Market, iso: IsoDate): DeadlineShift | null {
  const dow = dayOfWeek(iso)
  const holiday = publicHoliday(market, iso)
  const reason: NonWorkingReason | null = dow === 6 ? 'saturday' : dow === 7 ? 'sunday' : holiday ? 'holiday' : null
  if (reason === null) return null
  const shift: DeadlineShift = { date: iso, reason }
  if (holiday) {
    shift.holidayName = holiday.name
    shift.holidayNameEn = holiday.nameEn
  }
  return shift
}

export function isWorkingDay(market: Market, iso: IsoDate): boolean {
  return nonWorkingReason(market, iso) === null
}

export interface RolledDate {
  /** The working day the period ends on. */
  date: IsoDate
  /** The last day before roll-forward. */
  nominal: IsoDate
  /** Every non-working day passed over, in order (empty when the nominal day is a working day). */
  shifts: DeadlineShift[]
}

/**
 * D6: a period ending on a Saturday, Sunday or public holiday ends on the next working day. The
 * loop ends: no national calendar has more than a long weekend plus a few holidays in a row.
 */
export function rollForward(market: Market, iso: IsoDate): RolledDate {
  const shifts: DeadlineShift[] = []
  let day = iso
  for (let why = nonWorkingReason(market, day); why !== null; why = nonWorkingReason(market, day)) {
    shifts.push(why)
    day = addDays(day, 1)
  }
  return { date: day, nominal: iso, shifts }
}

/**
 * D6 (Regulation 1182/71 art. 3): the day of the event is not counted, the period ends at the end
 * of its last day, rolled forward to the next working day of the market.
 */
export function periodEnd(market: Market, eventDate: IsoDate, days: number): RolledDate {
  return rollForward(market, addDays(eventDate, days))
}

/** Sentence for the agent: why the deadline moved. */
export function describeShifts(shifts: readonly DeadlineShift[]): string {
  return shifts
    .map((s) => {
      // holidayName and holidayNameEn are set together (nonWorkingReason).
      const name = s.holidayNameEn
      const base = s.reason === 'holiday' ? 'public holiday' : s.reason === 'saturday' ? 'Saturday' : 'Sunday'
      return name !== undefined ? `${s.date} (${base}: ${name})` : `${s.date} (${base})`
    })
    .join(', ')
}
