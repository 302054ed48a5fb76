import { FOLD_VERSION, nameTokens } from '@shared/search/fold'
import type { Database, Queryable } from './database'
import type { Logger } from '../logger'

/**
 * The folded words of customers' names in the database (migration 0008, customer_search_words), for the
 * name lookups main answers. The folding is the shared TypeScript one (@shared/search/fold), so main
 * computes the words: the database only records which customers need theirs (customer_search_stale,
 * filled by a trigger on every change of a name). A bulk load writes them itself (`insertSearchWords`);
 * a change of the folding (FOLD_VERSION) marks every customer.
 */
export interface NameParts {
  id: string
  firstName: string | null
  lastName: string | null
  companyName: string | null
}

const FOLD_KEY = 'search_fold'
const BATCH = 2_000

/** Writes the words of these customers, replacing any they had (in the caller's transaction). */
export async function insertSearchWords(tx: Queryable, customers: readonly NameParts[]): Promise<void> {
  if (!customers.length) return
  const ids = customers.map((c) => c.id)
  const words: string[] = []
  const owners: string[] = []
  for (const c of customers) {
    for (const word of nameTokens(c.firstName, c.lastName, c.companyName)) {
      words.push(word)
      owners.push(c.id)
    }
  }
  await tx.query('DELETE FROM customer_search_words WHERE customer_id = ANY($1::text[])', [ids])
  await tx.query('INSERT INTO customer_search_words (word, customer_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [words, owners])
}

/** Records that the words in the database are folded the current way (after a bulk load wrote them all). */
export async function markFolded(tx: Queryable): Promise<void> {
  await tx.query(`INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [FOLD_KEY, String(FOLD_VERSION)])
}

export function createSearchWords(db: Database, log: Logger) {
  /** Computes the words of customers marked stale, a batch per transaction; returns how many. */
  async function indexStale(): Promise<number> {
    let total = 0
    for (;;) {
      const done = await db.transaction(async (tx) => {
        // SKIP LOCKED: several processes (server instances) share the work instead of waiting on it.
        const { rows } = await tx.query<NameParts>(
          `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.company_name AS "companyName"
           FROM customer_search_stale s JOIN customers c ON c.id = s.customer_id
           ORDER BY s.customer_id LIMIT ${BATCH} FOR UPDATE OF s SKIP LOCKED`
        )
        await insertSearchWords(tx, rows)
        if (rows.length) await tx.query('DELETE FROM customer_search_stale WHERE customer_id = ANY($1::text[])', [rows.map((r) => r.id)])
        return rows.length
      })
      total += done
      if (done < BATCH) return total
    }
  }

  /** Marks every customer stale when the stored words were folded another way (or never). */
  async function checkFolding(): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('customer_search_words'))`)
      const { rows } = await tx.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [FOLD_KEY])
      if (rows[0]?.value === String(FOLD_VERSION)) return
      await tx.query('INSERT INTO customer_search_stale (customer_id) SELECT id FROM customers ON CONFLICT DO NOTHING')
      await markFolded(tx)
    })
  }

  let started: Promise<void> | null = null
  return {
    /** At start: words for customers that need them, in the background; `ready` waits for it. */
    start(): Promise<void> {
      started ??= (async () => {
        const began = Date.now()
        await checkFolding()
        const n = await indexStale()
        if (n) log.info(`search: folded the names of ${n} customers in ${Date.now() - began} ms`)
      })()
      return started
    },
    /** Before a name lookup: the start's work is done, and names changed since have their words. */
    async ready(): Promise<void> {
      await (started ?? this.start()).catch((error: unknown) => log.error('search: could not fold the customers’ names', error))
      await indexStale()
    }
  }
}

export type SearchWords = ReturnType<typeof createSearchWords>
