/**
 * Test databases: created and migrated once per test worker (a template), then copied for each test, so a
 * test starts from a known database in about a second however busy the machine is. The engine is PGlite
 * (project `node`) or PostgreSQL (project `node-postgres`, MINI_TEST_ENGINE=postgres): the same tests run on
 * both. PGlite copies are loaded from a dumped data folder; PostgreSQL copies are `CREATE DATABASE …
 * TEMPLATE`, which copies files.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import pg from 'pg'
import { generateFleet } from '@shared/fleet/generate'
import { openDatabase, type Database } from '../db/database'
import { seedDemo } from '../db/demo'
import { openPglite } from '../db/pglite'
import { silentLogger } from '../logger'
import { withDatabase } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the node-postgres project's global setup started (or TEST_DATABASE_URL). */
    databaseUrl: string
  }
}

export type TestEngine = 'pglite' | 'postgres'
export const MIGRATIONS = 'resources/migrations'

export function testEngine(): TestEngine {
  return process.env['MINI_TEST_ENGINE'] === 'postgres' ? 'postgres' : 'pglite'
}

export interface FleetSpec {
  /** Vehicles of the demo fleet (0: none, and no demo accounts). */
  size: number
  referenceDate: string
}

const pgliteTemplates = new Map<string, Promise<Blob>>()
const postgresTemplates = new Map<string, Promise<string>>()
const worker = (process.env['VITEST_POOL_ID'] ?? process.env['VITEST_WORKER_ID'] ?? '0').replace(/\D/g, '')

/** What a template depends on: the migrations' text, the fleet and how it is seeded; a change to any makes a new one. */
function schemaHash(): string {
  const files = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()
  const hash = createHash('sha256')
  for (const f of files) hash.update(f).update(readFileSync(join(MIGRATIONS, f)))
  hash.update(readFileSync(join(import.meta.dirname, '../../shared/fleet/generate.ts')))
  // The seed also writes the customers' search words, folded by the shared folding.
  for (const f of ['../db/seed.ts', '../db/search-words.ts', '../../shared/search/fold.ts']) hash.update(readFileSync(join(import.meta.dirname, f)))
  return hash.digest('hex').slice(0, 12)
}
const SCHEMA = schemaHash()

function keyOf(spec: FleetSpec): string {
  return `${spec.size}-${spec.referenceDate.replace(/-/g, '')}-${SCHEMA}`
}

/**
 * PGlite templates are also kept on disk (the temp folder), so that every test file and worker of a run,
 * and later runs, load a dump instead of migrating and seeding again. Written to a temporary name and
 * renamed, so a reader never sees half a file.
 */
const TEMPLATE_DIR = join(tmpdir(), 'mini-backoffice-test-templates')

async function onDisk(key: string, make: () => Promise<Blob>): Promise<Blob> {
  const file = join(TEMPLATE_DIR, `${key}.tar`)
  if (existsSync(file)) return new Blob([readFileSync(file)])
  const blob = await make()
  mkdirSync(TEMPLATE_DIR, { recursive: true })
  const partial = `${file}.${process.pid}.${randomUUID()}`
  writeFileSync(partial, Buffer.from(await blob.arrayBuffer()))
  renameSync(partial, file)
  return blob
}

async function seed(db: Database, spec: FleetSpec): Promise<void> {
  if (spec.size > 0) await seedDemo(db, generateFleet({ size: spec.size, referenceDate: spec.referenceDate }), spec.referenceDate, silentLogger)
}

export function postgresUrl(): string {
  const url = process.env['TEST_DATABASE_URL'] ?? inject('databaseUrl')
  if (!url) throw new Error('No PostgreSQL for the tests: run them through vitest (its global setup starts one) or set TEST_DATABASE_URL.')
  return url
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function postgresTemplate(spec: FleetSpec): Promise<string> {
  const key = keyOf(spec)
  let template = postgresTemplates.get(key)
  if (!template) {
    // One template per run and fleet, shared by every test file and worker: created once under a
    // session advisory lock, and found by its name afterwards.
    template = (async () => {
      const name = `tpl_${key.replace(/-/g, '_')}`
      await admin(async (c) => {
        await c.query('SELECT pg_advisory_lock(hashtext($1))', [name])
        try {
          const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
          if (exists.rows.length) return
          const building = `${name}_${randomUUID().replace(/-/g, '').slice(0, 8)}`
          await c.query(`CREATE DATABASE ${building}`)
          const db = await openDatabase({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger, databaseUrl: withDatabase(postgresUrl(), building) })
          await seed(db, spec)
          await db.close()
          await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
        } finally {
          await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
        }
      })
      return name
    })()
    postgresTemplates.set(key, template)
  }
  return template
}

async function pgliteTemplate(spec: FleetSpec): Promise<Blob> {
  const key = keyOf(spec)
  let template = pgliteTemplates.get(key)
  if (!template) {
    template = onDisk(`pglite-${key}`, async () => {
      const db = await openPglite({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger })
      const { migrate } = await import('../db/migrate')
      await migrate(db, MIGRATIONS, silentLogger)
      await seed(db, spec)
      const dump = await db.dump()
      await db.close()
      return dump
    })
    pgliteTemplates.set(key, template)
  }
  return template
}

/** A fresh, migrated database with the demo fleet of `spec`; closing it drops it. */
export async function freshDatabase(spec: FleetSpec): Promise<Database> {
  if (testEngine() === 'pglite') {
    return openDatabase({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger, loadDataDir: await pgliteTemplate(spec), migrate: false })
  }
  const template = await postgresTemplate(spec)
  const name = `t_${worker}_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
  const db = await openDatabase({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger, databaseUrl: withDatabase(postgresUrl(), name), migrate: false })
  const close = db.close.bind(db)
  return Object.assign(db, {
    async close() {
      await close()
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined)
    }
  })
}

/** An empty database: no schema at all (migration tests). */
export async function emptyDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `e_${worker}_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  return { url: withDatabase(postgresUrl(), name), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) }
}

/**
 * A test database that outlives one backend (restart tests): `open` may be called again after the previous
 * one was closed. PGlite: a folder started from the template; PostgreSQL: a database copied from it.
 */
export async function persistentDatabase(spec: FleetSpec): Promise<{ open(): Promise<Database>; drop(): Promise<void> }> {
  if (testEngine() === 'pglite') {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const folder = mkdtempSync(join(tmpdir(), 'mini-test-db-'))
    const template = await pgliteTemplate(spec)
    let first = true
    return {
      async open() {
        const loadDataDir = first ? template : undefined
        first = false
        return openDatabase({ location: folder, migrationsDir: MIGRATIONS, log: silentLogger, ...(loadDataDir ? { loadDataDir } : {}) })
      },
      async drop() {
        rmSync(folder, { recursive: true, force: true })
      }
    }
  }
  const template = await postgresTemplate(spec)
  const name = `p_${worker}_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
  return {
    open: () => openDatabase({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger, databaseUrl: withDatabase(postgresUrl(), name) }),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  }
}
