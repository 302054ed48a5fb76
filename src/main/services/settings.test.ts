import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settingsValues } from '@shared/ipc/contract'
import { MARKETS, RECIPIENT_SETTING_MARKETS } from '@shared/rules'
import { migrate } from '../db/migrate'
import { silentLogger } from '../logger'
import { MIGRATIONS } from '../testing/databases'
import { CallFailed, startTestBackend, type Caller, type TestBackend } from '../testing/backend'

/**
 * The withdrawal recipients (D5) as one setting keyed by market, on both engines: a supervisor sets and
 * clears one market's entry without touching the others; a market whose terms name the recipient has
 * none, and saying so changes nothing; migration 0012 folds the per-market keys of earlier versions in.
 */
let backend: TestBackend
let supervisor: Caller

const belgium = { name: 'BMW Belux SA/NV', address: 'Lodderstraat 16, 2880 Bornem', email: 'retractation@example.be' }
const luxembourg = { name: 'MINI Luxembourg Test S.A.', address: 'Route d’Arlon 1, 8008 Strassen', email: 'retractation@example.lu' }

async function failure(work: Promise<unknown>): Promise<CallFailed> {
  try {
    await work
  } catch (error) {
    if (error instanceof CallFailed) return error
    throw error
  }
  throw new Error('the call succeeded')
}

const stored = async () => (await backend.db.query<{ value: unknown }>(`SELECT value FROM settings WHERE key = 'recipients'`)).rows[0]?.value
const changes = async () => (await backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'settings.change'`)).rows[0]!.n

beforeAll(async () => {
  backend = await startTestBackend({ size: 5 })
  supervisor = await backend.as('supervisor')
})
afterAll(() => backend.close())

describe('withdrawal recipients, one setting keyed by market (D5)', () => {
  it('start with none set', async () => {
    expect((await supervisor.call('settingsGet', {})).recipients).toEqual({})
  })

  it('a supervisor sets and clears one market’s recipient; the other markets keep theirs', async () => {
    expect((await supervisor.call('settingsSet', { key: 'recipient', market: 'BE', value: belgium })).recipients).toEqual({ BE: belgium })
    expect((await supervisor.call('settingsSet', { key: 'recipient', market: 'LU', value: luxembourg })).recipients).toEqual({ BE: belgium, LU: luxembourg })
    expect((await supervisor.call('settingsSet', { key: 'recipient', market: 'BE', value: null })).recipients).toEqual({ BE: null, LU: luxembourg })
    expect(await stored()).toEqual({ BE: null, LU: luxembourg })
    const audit = await backend.db.query<{ details: { key: string; market: string; before: unknown; after: unknown } }>(
      `SELECT details FROM audit_log WHERE action = 'settings.change' ORDER BY id DESC LIMIT 1`
    )
    expect(audit.rows[0]!.details).toEqual({ key: 'recipients', market: 'BE', before: { BE: belgium, LU: luxembourg }, after: { BE: null, LU: luxembourg } })
  })

  it.each(MARKETS.filter((m) => !RECIPIENT_SETTING_MARKETS.includes(m)))('refuses a recipient for %s, whose terms name it, and changes nothing', async (market) => {
    const [before, audited] = [await stored(), await changes()]
    const error = await failure(supervisor.call('settingsSet', { key: 'recipient', market, value: belgium }))
    expect(error).toMatchObject({ code: 'refused', key: 'settings.recipientFixed', params: { market } })
    expect(await stored()).toEqual(before)
    expect(await changes()).toBe(audited)
    expect((await supervisor.call('settingsGet', {})).recipients).not.toHaveProperty(market)
  })

  it('refuses a recipient that is not one (no e-mail address) and changes nothing', async () => {
    const before = await stored()
    const result = await supervisor.raw('settings:set', { key: 'recipient', market: 'LU', value: { ...luxembourg, email: 'not an address' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', issues: [{ path: 'value.email', key: 'field.email' }] } })
    expect(await stored()).toEqual(before)
  })

  it('only supervisors set it', async () => {
    const hotline = await backend.as('hotline')
    expect(await hotline.raw('settings:set', { key: 'recipient', market: 'BE', value: belgium })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('migration 0012', () => {
  it('folds the per-market recipient keys of earlier versions into the map', async () => {
    const db = backend.db
    await db.query(`DELETE FROM settings WHERE key = 'recipients'`)
    await db.query(`INSERT INTO settings (key, value, updated_by) VALUES ('recipientBE', $1, 'a-1'), ('recipientLU', 'null', 'a-1')`, [JSON.stringify(belgium)])
    await db.query(`DELETE FROM schema_migrations WHERE version = '0012_recipient_settings.sql'`)
    expect(await migrate(db, MIGRATIONS, silentLogger)).toEqual(['0012_recipient_settings.sql'])
    expect(settingsValues.shape.recipients.parse(await stored())).toEqual({ BE: belgium, LU: null })
  })

  it('adds nothing where no recipient was ever stored', async () => {
    const db = backend.db
    await db.query(`DELETE FROM settings WHERE key IN ('recipients', 'recipientBE', 'recipientLU')`)
    await db.query(`DELETE FROM schema_migrations WHERE version = '0012_recipient_settings.sql'`)
    await migrate(db, MIGRATIONS, silentLogger)
    expect(await stored()).toBeUndefined()
  })
})
