import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MARKETS } from '@shared/rules'
import type { Database } from './database'
import { freshDatabase } from '../testing/databases'

/**
 * The one place the market list is written outside MARKETS is SQL, which the compiler cannot read: the
 * vehicles' `market` CHECK constraint. A market added to MARKETS without a migration that widens it fails
 * here, not when the first vehicle of that market is stored.
 */
let db: Database

beforeAll(async () => {
  db = await freshDatabase({ size: 0, referenceDate: '2026-11-21' })
})
afterAll(() => db.close())

describe('the database knows the markets of MARKETS', () => {
  it('the vehicles’ market constraint admits exactly MARKETS', async () => {
    const { rows } = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE t.relname = 'vehicles' AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%market%'`
    )
    expect(rows).toHaveLength(1)
    const admitted = [...rows[0]!.def.matchAll(/'([^']*)'/g)].map((m) => m[1])
    expect(admitted.sort()).toEqual([...MARKETS].sort())
  })
})
