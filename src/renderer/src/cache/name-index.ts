import type { CacheDatabase, CachedVehicle, NameIndexRow } from './db'

/**
 * Writing and compacting the offline copy's name index (its rows and why it is shaped so: `NameIndexRow`
 * in ./db.ts). Lookups read it in ./search.ts.
 */

/** The name folding (`FOLD_VERSION` in @shared/search/fold) the name index of this schema holds. */
export const NAME_INDEX_FOLD_VERSION = 2

/** The name-index bucket of a word, and of a typed word prefix of two letters or more. */
export function nameBucket(word: string): string {
  return word.slice(0, 2)
}

/**
 * Writes of fewer vehicles than this (incremental syncs) list them in one-letter buckets: a few rows
 * instead of one per two-letter bucket, which is most of the cost of a small write. Lookups read both.
 */
export const SMALL_WRITE = 1_000

let chunkSequence = 0
/**
 * A name-index chunk id never used before, in this database or any other: rows are only ever added or
 * deleted, never rewritten, so a copy of a row read earlier is still right (lookups keep such copies).
 * Milliseconds since 1970 times 1024 plus a counter stay below 2^53 until the year 2248.
 */
export function newChunkId(): number {
  chunkSequence = (chunkSequence + 1) % 1024
  return Date.now() * 1024 + chunkSequence
}

/** The name-index rows listing these vehicles under their words, as chunk `chunk`. */
export function nameIndexRows(records: readonly CachedVehicle[], chunk: number): NameIndexRow[] {
  const width = records.length < SMALL_WRITE ? 1 : 2
  const buckets = new Map<string, Map<string, string[]>>()
  for (const v of records) {
    for (const word of v.nameKeys) {
      const bucket = word.slice(0, width)
      let words = buckets.get(bucket)
      if (!words) buckets.set(bucket, (words = new Map()))
      const vins = words.get(word)
      if (vins) vins.push(v.vin)
      else words.set(word, [v.vin])
    }
  }
  return [...buckets].map(([bucket, words]) => ({ bucket, chunk, postings: [...words] }))
}

/** Records per bulkPut in `putVehicles`, and bulkPuts queued at once. */
export const PUT_SLICE = 500
export const PUTS_IN_FLIGHT = 3

/**
 * Stores vehicles and lists them in the name index, as a new chunk. Must run inside a read-write
 * transaction on `vehicles` and `nameIndex`. The records are put in slices, a few queued at once:
 * IndexedDB always has the next slice to store while the main thread clones (and, between slices,
 * parses the next answer, handles input), and the main thread is never busy for more than one slice,
 * so typing stays responsive during a sync.
 */
export async function putVehicles(db: CacheDatabase, records: readonly CachedVehicle[], slice = PUT_SLICE): Promise<void> {
  const queued: Promise<unknown>[] = []
  for (let i = 0; i < records.length; i += slice) {
    if (queued.length >= PUTS_IN_FLIGHT) await queued.shift()
    const put = db.vehicles.bulkPut(records.slice(i, i + slice))
    put.catch(() => undefined)
    queued.push(put)
  }
  for (const put of queued) await put
  if (records.length) await db.nameIndex.bulkPut(nameIndexRows(records, newChunkId()))
}

/**
 * Merges the name index into one row per two-letter bucket, each VIN once per word. With `dropMissing`,
 * also drops the VINs no longer in the cache (this reads every key of the vehicles table: now and then).
 */
export async function compactNameIndex(db: CacheDatabase, options: { dropMissing?: boolean } = {}): Promise<void> {
  await db.transaction('rw', [db.nameIndex, db.vehicles, db.meta], async () => {
    const present = options.dropMissing ? new Set(await db.vehicles.toCollection().primaryKeys()) : null
    const merged = new Map<string, Map<string, Set<string>>>()
    for (const row of await db.nameIndex.toArray()) {
      for (const [word, vins] of row.postings) {
        const bucket = nameBucket(word)
        let words = merged.get(bucket)
        if (!words) merged.set(bucket, (words = new Map()))
        let set = words.get(word)
        if (!set) words.set(word, (set = new Set()))
        for (const vin of vins) if (!present || present.has(vin)) set.add(vin)
      }
    }
    await db.nameIndex.clear()
    const chunk = newChunkId()
    await db.nameIndex.bulkPut(
      [...merged].map(([bucket, words]) => ({
        bucket,
        chunk,
        postings: [...words].filter(([, vins]) => vins.size).map(([word, vins]): [string, string[]] => [word, [...vins]])
      }))
    )
    await db.meta.put({ key: 'nameChunks', value: 0 })
  })
}
