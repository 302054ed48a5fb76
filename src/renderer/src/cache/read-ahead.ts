import type { SearchPlan } from '@shared/search/query'
import { rankResults } from '@shared/search/rank'
import { normaliseVin, SHORT_VIN_LENGTH, VIN_LENGTH } from '@shared/rules'
import type { CacheDatabase, CachedVehicle } from './db'

/**
 * Vehicles read ahead while a VIN or its last 7 are typed key by key, so that the key completing the
 * identifier is answered in the same task as the key itself, before the browser paints it.
 *
 * Why: after a keystroke Chromium paints the key's echo before it delivers any IndexedDB answer, and it
 * paints at most once per display frame, so an answer read after the key shows a frame later (17–33 ms
 * at 60 Hz; `npm run bench`, typing). While the agent types the earlier characters, the few vehicles the
 * prefix can still become are read here; the final key then finds its vehicle in memory.
 *
 * A full VIN is answered completely (it is the whole plan). The last 7 is answered provisionally: the
 * same seven characters may also be the end of a phone number or a plate, which only the copy's full
 * search finds, a moment later. What is held is only ever used for a text that extends what was read
 * for, and is dropped when the agent changes (a desk is shared).
 */

/** At most this many vehicles are held for one prefix; a prefix with more answers nothing early. */
const HELD = 24
/** A VIN's first characters that narrow a fleet to a few vehicles: from here on, its candidates are read. */
const VIN_PREFIX_FROM = 11
/** The last 7's first characters from which its candidates are read. */
const SHORT_VIN_PREFIX_FROM = 5

export interface EarlyAnswer {
  results: CachedVehicle[]
  /** The whole answer to the plan (a full VIN); otherwise the copy's full search may add rows. */
  complete: boolean
}

interface Held {
  kind: 'vin' | 'shortVin'
  prefix: string
  vehicles: CachedVehicle[]
}

export interface ReadAhead {
  /** What the vehicles read ahead already answer for `plan`, or null (then only the full search answers). */
  answer(plan: SearchPlan): EarlyAnswer | null
  /** Reads the candidates of what `text` is becoming, for the next keys. */
  follow(db: CacheDatabase, text: string): Promise<void>
  clear(): void
}

/** Which identifier `compact` (a normalised input) may be the beginning of, if any is worth reading ahead. */
function readsAheadFor(compact: string): Held['kind'] | null {
  if (!/^[A-Z0-9]+$/.test(compact)) return null
  if (compact.length >= VIN_PREFIX_FROM && compact.length < VIN_LENGTH) return 'vin'
  if (compact.length >= SHORT_VIN_PREFIX_FROM && compact.length < SHORT_VIN_LENGTH) return 'shortVin'
  return null
}

export function createReadAhead(): ReadAhead {
  let held: Held | null = null
  let reading = 0

  function answer(plan: SearchPlan): EarlyAnswer | null {
    if (!held) return null
    if (plan.vin && held.kind === 'vin' && plan.vin.startsWith(held.prefix)) {
      const hit = held.vehicles.find((v) => v.vin === plan.vin)
      return hit ? { results: [hit], complete: true } : null
    }
    if (plan.shortVin && held.kind === 'shortVin' && plan.shortVin.startsWith(held.prefix)) {
      const hits = held.vehicles.filter((v) => v.shortVin === plan.shortVin)
      return hits.length ? { results: rankResults(plan, hits), complete: false } : null
    }
    return null
  }

  async function follow(db: CacheDatabase, text: string): Promise<void> {
    const mine = ++reading
    const compact = normaliseVin(text)
    const kind = readsAheadFor(compact)
    // What is held stays while the text still extends its prefix (the key completing it needs it).
    if (held && !compact.startsWith(held.prefix)) held = null
    if (!kind) return
    const index = kind === 'vin' ? db.vehicles.where(':id') : db.vehicles.where('shortVin')
    const vehicles = await index.startsWith(compact).limit(HELD + 1).toArray()
    if (mine !== reading) return
    held = vehicles.length <= HELD ? { kind, prefix: compact, vehicles } : null
  }

  return {
    answer,
    follow,
    clear: () => {
      reading++
      held = null
    }
  }
}
