import { Temporal } from 'temporal-polyfill'

/** ISO calendar dates only (no time, no zone): a legal deadline is a day, not an instant. */
export type IsoDate = string

export function addDays(date: IsoDate, days: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ days }).toString()
}

/** Month arithmetic clamps to the month's last day (31 January + 1 month = 28/29 February), as D13 wants. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ months }, { overflow: 'constrain' }).toString()
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b))
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days
}

/** Today's calendar date where the agent sits; the clock is read by the caller, never by pure code. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): IsoDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString()
}
