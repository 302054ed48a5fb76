import { Temporal } from 'temporal-polyfill'

/** Where "now" and "today" come from: the system, or a test that moves it. */
export interface Clock {
  now(): Temporal.Instant
  /** The agent's calendar date: deadlines are days where the agent sits, not UTC instants. */
  today(): string
}

/** A clock tests can move: sessions, verification windows and command timeouts follow it. */
export function manualClock(start: string, today?: string): Clock & { advance(duration: Temporal.DurationLike): void; set(instant: string): void } {
  let now = Temporal.Instant.from(start)
  return {
    now: () => now,
    today: () => today ?? now.toZonedDateTimeISO('UTC').toPlainDate().toString(),
    advance(duration) {
      now = now.add(duration)
    },
    set(instant) {
      now = Temporal.Instant.from(instant)
    }
  }
}

export function systemClock(options: { fixedToday?: string; timeZone?: string } = {}): Clock {
  const zone = options.timeZone ?? Temporal.Now.timeZoneId()
  return {
    now: () => Temporal.Now.instant(),
    today: () => options.fixedToday ?? Temporal.Now.plainDateISO(zone).toString()
  }
}

