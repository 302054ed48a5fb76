/**
 * Random but reproducible lookups drawn from the generated fleet, written the way agents type them:
 * VINs in any case, plates with or without their spaces and dashes, names without accents.
 */
import type { Fleet, FleetRecord } from '../../src/shared/fleet/generate'
import { Random } from '../../src/shared/fleet/random'
import type { CustomerDoc } from '../../src/shared/ipc/schemas'
import { foldText } from '../../src/shared/search/fold'
import type { LookupKind, LookupQuery } from '../page/protocol'

export interface QuerySets {
  vin: LookupQuery[]
  shortVin: LookupQuery[]
  plate: LookupQuery[]
  name: LookupQuery[]
}

export function customersById(fleet: Fleet): Map<string, CustomerDoc> {
  return new Map(fleet.customers.map((c) => [c.id, c]))
}

function typedCase(rng: Random, text: string): string {
  return rng.chance(0.5) ? text.toLowerCase() : text
}

/** A plate prefix an agent would type: up to and a little past its first digit, spacing as heard. */
function platePrefix(rng: Random, plate: string): string {
  const firstDigit = plate.search(/\d/)
  const end = Math.min(plate.length, firstDigit + 1 + rng.int(0, 3))
  const prefix = plate.slice(0, end)
  return typedCase(rng, rng.chance(0.5) ? prefix.replace(/[\s-]/g, '') : prefix)
}

/** A name as heard on the phone: a surname prefix, or first name and (part of) the surname, unaccented. */
function nameQuery(rng: Random, c: CustomerDoc): { text: string; full: boolean } {
  const first = c.firstName ?? ''
  const last = c.lastName ?? c.companyName ?? ''
  const plain = (s: string) => (rng.chance(0.5) ? foldText(s) : s.toLowerCase())
  const lastWord = last.split(/\s+/)[0] ?? last
  switch (rng.int(0, 2)) {
    case 0:
      return { text: plain(lastWord.slice(0, Math.max(3, rng.int(3, lastWord.length)))), full: false }
    case 1:
      return { text: `${plain(first)} ${plain(lastWord.slice(0, Math.max(2, rng.int(2, lastWord.length))))}`, full: false }
    default:
      return { text: `${plain(first)} ${plain(last)}`, full: true }
  }
}

export function lookupQueries(fleet: Fleet, perKind: number, seed = 4242): QuerySets {
  const rng = new Random(seed)
  const customers = customersById(fleet)
  const records = fleet.records
  const pick = (): FleetRecord => records[rng.int(0, records.length - 1)]!
  const sets: QuerySets = { vin: [], shortVin: [], plate: [], name: [] }
  for (let i = 0; i < perKind; i++) {
    const a = pick().vehicle
    sets.vin.push({ text: typedCase(rng, a.vin), expect: a.vin })
    const b = pick().vehicle
    sets.shortVin.push({ text: typedCase(rng, b.vin.slice(-7)), expect: b.vin })
    let c = pick().vehicle
    while (!c.plate) c = pick().vehicle
    sets.plate.push(rng.chance(0.3) ? { text: typedCase(rng, c.plate), expect: c.vin } : { text: platePrefix(rng, c.plate) })
    const d = pick().vehicle
    const customer = customers.get(d.customerId)!
    const name = nameQuery(rng, customer)
    sets.name.push(name.full ? { text: name.text, expect: d.vin } : { text: name.text })
  }
  return sets
}

export interface TypingTarget {
  kind: LookupKind
  text: string
  vin: string
}

/** Whole queries to type key by key in the app; each must list its vehicle when complete. */
export function typingTargets(fleet: Fleet, perKind: number, seed = 77): TypingTarget[] {
  const rng = new Random(seed)
  const customers = customersById(fleet)
  const records = fleet.records
  const pick = (): FleetRecord => records[rng.int(0, records.length - 1)]!
  const out: TypingTarget[] = []
  for (let i = 0; i < perKind; i++) {
    const a = pick().vehicle
    out.push({ kind: 'vin', text: a.vin, vin: a.vin })
    const b = pick().vehicle
    out.push({ kind: 'shortVin', text: b.vin.slice(-7), vin: b.vin })
    let c = pick().vehicle
    while (!c.plate) c = pick().vehicle
    out.push({ kind: 'plate', text: c.plate, vin: c.vin })
    const d = pick().vehicle
    const customer = customers.get(d.customerId)!
    out.push({ kind: 'name', text: foldText(`${customer.firstName ?? ''} ${customer.lastName ?? customer.companyName ?? ''}`.trim()), vin: d.vin })
  }
  return out
}
