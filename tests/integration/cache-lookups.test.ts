/**
 * Name lookups in the cache against an oracle: on a fleet where a few names repeat hundreds of times
 * (as in the demo fleet), every query must list exactly the vehicles whose name has, for every word typed,
 * a word starting with it (case and accents ignored), or `limit` of them flagged as truncated; after
 * renames and deletions, after the name index is compacted, and after a version 1 cache is upgraded.
 */
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CacheDatabase, type CachedVehicle } from '@renderer/cache/db'
import { compactNameIndex, putVehicles, SMALL_WRITE } from '@renderer/cache/name-index'
import { toCached } from '@renderer/cache/records'
import { vehiclesWithCases } from '@renderer/cache/cases'
import { copyIsComplete } from '@renderer/cache/lookup'
import { searchVehicles } from '@renderer/cache/search'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { foldText, nameTokens } from '@shared/search/fold'

const FIRST = ['Anna', 'Anne', 'Anders', 'Mette', 'Søren', 'Sören', 'Jens', 'Jörg', 'Åsa', 'Göran', 'Lea', 'Hélène']
const LAST = ['Hansen', 'Hanssen', 'Jensen', 'Østergård', 'Sjöberg', 'Andersen', 'Lefèvre', 'Lee', 'Holm', 'Ærø Jensen']
const COMPANIES = ['Hansen Transport ApS', 'Sjöberg Bygg AB', 'Lefèvre & Fils S.A.']
const SIZE = 1_500
const LIMIT = 50

/** A vehicle as the lookups see it; the rest of the aggregate plays no part in them. */
function vehicle(i: number): CachedVehicle {
  const doc = {
    vin: `WMW${String(i).padStart(14, '0')}`,
    shortVin: String(i).padStart(7, '0'),
    plate: null,
    customer: {
      firstName: FIRST[(i * 7) % FIRST.length]!,
      lastName: LAST[(i * 3 + Math.floor(i / 11)) % LAST.length]!,
      companyName: i % 9 === 0 ? COMPANIES[i % COMPANIES.length]! : null
    }
  }
  return toCached(doc as unknown as VehicleDoc)
}

let fleet = Array.from({ length: SIZE }, (_, i) => vehicle(i))
let cache: CacheDatabase

function oracle(query: string): string[] {
  const words = nameTokens(query).filter((t) => !/^\d+$/.test(t))
  return fleet.filter((v) => words.every((w) => v.nameKeys.some((k) => k.startsWith(w)))).map((v) => v.vin)
}

/** Stores vehicles as the sync does, a chunk per call. */
async function store(db: CacheDatabase, records: CachedVehicle[]): Promise<void> {
  await db.transaction('rw', [db.vehicles, db.nameIndex], () => putVehicles(db, records))
}

async function expectOracle(db: CacheDatabase, query: string): Promise<void> {
  const expected = oracle(query)
  const outcome = await searchVehicles(db, query, LIMIT)
  const got = outcome.results.map((v) => v.vin)
  expect(new Set(got).size, query).toBe(got.length)
  if (expected.length <= LIMIT) {
    expect(got.sort(), query).toEqual([...expected].sort())
    expect(outcome.truncated, query).toBe(false)
  } else {
    expect(got, query).toHaveLength(LIMIT)
    expect(expected, query).toEqual(expect.arrayContaining(got))
    expect(outcome.truncated, query).toBe(true)
  }
}

const QUERIES = [
  // one word: rare, common (truncated), a single letter, accents either way
  'lee', 'hansen', 'h', 'østergård', 'Ostergard', 'sjoberg', 'ærø', 'aero', 'hel', 'HÉLÈNE',
  // several words: dense, sparse, a very common second word, all very common, implied words
  'anna hansen', 'anna h', 'lea holm', 'holm lea', 'mette lee', 'jens ø', 'göran sjö', 'sören ostergard', 'lea lefevre', 'a h', 'a s j',
  'an anders', 'anders an', 'bygg ab', 'ab bygg sjo', 'hansen transport', 'transport anna', 'fils lef', 'hanssen hansen', 'jens aero jensen',
  // nothing
  'zz', 'anna zz', 'qx y'
]

beforeAll(async () => {
  cache = new CacheDatabase(`lookups-${Math.random()}`)
  // As a sync writes them: a large first batch (two-letter buckets), then small ones (one-letter buckets).
  expect(SMALL_WRITE).toBeLessThan(1_200)
  await store(cache, fleet.slice(0, 1_200))
  for (let i = 1_200; i < SIZE; i += 100) await store(cache, fleet.slice(i, i + 100))
}, 60_000)
afterAll(() => cache.delete())

describe('name lookups', () => {
  it.each(QUERIES)('"%s" lists what the oracle lists', (query) => expectOracle(cache, query))

  it('still does after renames, updates and deletions, and after compaction', async () => {
    // Renamed: listed under the new words, still under the old ones until compaction.
    const renamed = [3, 40, 41, 700].map((i) => toCached({ ...fleet[i]!, customer: { ...fleet[i]!.customer, firstName: 'Zoë', lastName: 'Holm Østergård' } }))
    await store(cache, renamed)
    const deleted = [5, 6, 90].map((i) => fleet[i]!.vin)
    await cache.vehicles.bulkDelete(deleted)
    await store(cache, [fleet[8]!, fleet[9]!]) // unchanged vehicles written again: listed twice
    const byVin = new Map(renamed.map((v) => [v.vin, v]))
    fleet = fleet.filter((v) => !deleted.includes(v.vin)).map((v) => byVin.get(v.vin) ?? v)
    for (const query of [...QUERIES, 'zoe', 'zoe holm', 'holm zo', 'zoe ostergard']) await expectOracle(cache, query)

    const listed = async () => (await cache.nameIndex.toArray()).flatMap((row) => row.postings.flatMap(([, vins]) => vins))
    const rowsBefore = await cache.nameIndex.count()
    await compactNameIndex(cache)
    expect(await cache.nameIndex.count()).toBeLessThan(rowsBefore)
    // One row per two-letter bucket.
    for (const row of await cache.nameIndex.toArray()) expect(row.postings.every(([word]) => word.slice(0, 2) === row.bucket)).toBe(true)
    expect(await listed()).toContain(deleted[0])
    for (const query of [...QUERIES, 'zoe', 'zoe holm', 'holm zo']) await expectOracle(cache, query)
    // With dropMissing, compaction also forgets what the cache no longer holds.
    await compactNameIndex(cache, { dropMissing: true })
    for (const vin of deleted) expect(await listed()).not.toContain(vin)
    for (const query of [...QUERIES, 'zoe', 'zoe holm', 'holm zo']) await expectOracle(cache, query)
  })
})

describe('copies of name-index rows kept by lookups', () => {
  it('never hide what another connection wrote or compacted since', async () => {
    const name = `two-${Math.random()}`
    const reader = new CacheDatabase(name)
    const writer = new CacheDatabase(name)
    const first = fleet.slice(0, 200)
    await store(writer, first)
    const find = async (q: string) => (await searchVehicles(reader, q, 1_000)).results.map((v) => v.vin).sort()
    const expected = (records: CachedVehicle[], q: string) => records.filter((v) => v.nameKeys.some((k) => k.startsWith(q))).map((v) => v.vin).sort()
    expect(await find('hansen')).toEqual(expected(first, 'hansen'))
    const more = fleet.slice(200, 900)
    await store(writer, more)
    expect(await find('hansen')).toEqual(expected([...first, ...more], 'hansen'))
    await compactNameIndex(writer)
    expect(await find('hansen')).toEqual(expected([...first, ...more], 'hansen'))
    await writer.transaction('rw', [writer.vehicles, writer.nameIndex, writer.meta], async () => {
      await writer.vehicles.clear()
      await writer.nameIndex.clear()
    })
    await store(writer, first.slice(0, 10))
    expect(await find('hansen')).toEqual(expected(first.slice(0, 10), 'hansen'))
    reader.close()
    await writer.delete()
  })
})

/** A vehicle with `n` withdrawal cases (only their number matters here). */
function withCases(v: CachedVehicle, n: number): CachedVehicle {
  const { withCases: _, ...rest } = v
  return toCached({ ...rest, cases: Array.from({ length: n }, () => ({})) } as unknown as VehicleDoc)
}

describe('vehicles with withdrawal cases', () => {
  it('are listed through their sparse index, and leave it when their cases go', async () => {
    const db = new CacheDatabase(`cases-${Math.random()}`)
    await store(db, fleet.slice(0, 300).map((v, i) => withCases(v, i % 50 === 7 ? 2 : 0)))
    const vins = async () => (await vehiclesWithCases(db)).map((v) => v.vin).sort()
    expect(await vins()).toEqual(fleet.slice(0, 300).filter((_, i) => i % 50 === 7).map((v) => v.vin).sort())
    await store(db, [withCases(fleet[7]!, 0), withCases(fleet[8]!, 1)])
    expect(await vins()).toEqual([8, 57, 107, 157, 207, 257].map((i) => fleet[i]!.vin).sort())
    await db.delete()
  })
})

describe('caches of earlier versions', () => {
  it('version 1 is upgraded: its vehicles are kept, marked by their cases, and pulled again with the new keys', async () => {
    const name = `v1-${Math.random()}`
    const v1 = new Dexie(name)
    v1.version(1).stores({ vehicles: 'vin, shortVin, plateKey, *nameKeys', meta: 'key' })
    // As version 1 stored them: no case mark.
    const old = fleet.map((v, i) => ({ ...withCases(v, i === 12 || i === 900 ? 1 : 0), withCases: undefined }))
    await v1.table('vehicles').bulkPut(old)
    await v1.table('meta').put({ key: 'cursor', value: 1234 })
    v1.close()

    const upgraded = new CacheDatabase(name)
    expect(await upgraded.vehicles.count()).toBe(fleet.length)
    expect((await vehiclesWithCases(upgraded)).map((v) => v.vin).sort()).toEqual([fleet[12]!.vin, fleet[900]!.vin].sort())
    // Version 3: pulled again from the start (the cursor is gone), as the sync does.
    expect(await upgraded.meta.get('cursor')).toBeUndefined()
    await store(upgraded, fleet)
    for (const query of ['hansen', 'lea holm', 'a s j', 'transport anna', 'aeroe jensen']) await expectOracle(upgraded, query)
    await upgraded.delete()
  })

  it('version 2 is upgraded: vehicles and scope kept, cursor and old name index gone, so the copy is not complete', async () => {
    const name = `v2-${Math.random()}`
    const v2 = new Dexie(name)
    v2.version(1).stores({ vehicles: 'vin, shortVin, plateKey, *nameKeys', meta: 'key' })
    v2.version(2).stores({ vehicles: 'vin, shortVin, plateKey, withCases', nameIndex: '[bucket+chunk]' })
    // A version 2 record: names folded the old way (æ → ae), no identifier keys.
    const oldStyle = fleet.slice(0, 200).map((v) => ({ ...v, nameKeys: v.nameKeys.map((k) => (k === 'aro' ? 'aero' : k)), phoneTail: undefined, emailKey: undefined, caseIds: undefined }))
    await v2.table('vehicles').bulkPut(oldStyle)
    await v2.table('nameIndex').put({ bucket: 'ae', chunk: 1, postings: [['aero', oldStyle.map((v) => v.vin)]] })
    await v2.table('meta').bulkPut([
      { key: 'cursor', value: 900 },
      { key: 'head', value: 900 },
      { key: 'nameChunks', value: 3 },
      { key: 'scope', value: 'DK' }
    ])
    v2.close()

    const upgraded = new CacheDatabase(name)
    expect(await upgraded.vehicles.count()).toBe(200)
    expect((await upgraded.meta.get('scope'))?.value).toBe('DK')
    for (const key of ['cursor', 'head', 'nameChunks'] as const) expect(await upgraded.meta.get(key)).toBeUndefined()
    expect(await upgraded.nameIndex.count()).toBe(0)
    expect(await copyIsComplete(upgraded)).toBe(false)
    // What does not depend on the new keys still answers from the copy meanwhile.
    expect((await searchVehicles(upgraded, fleet[3]!.shortVin)).results.map((v) => v.vin)).toContain(fleet[3]!.vin)
    await upgraded.delete()
  })
})

describe('the fixture', () => {
  it('repeats names enough to reach every path', () => {
    expect(oracle('hansen').length).toBeGreaterThan(100)
    // sparse: each word common, both together rare
    expect(oracle('lea holm').length).toBeGreaterThan(0)
    expect(oracle('lea holm').length).toBeLessThan(LIMIT)
    expect(oracle('holm').length).toBeGreaterThan(LIMIT)
    // Danish spellings fold alike (aa, ae, oe like å, æ, ø).
    expect(foldText('Ærø')).toBe('aro')
    expect(foldText('Aeroe')).toBe('aro')
  })
})
