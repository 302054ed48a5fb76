import type { z } from 'zod'
import { settingsValues } from '@shared/ipc/contract'
import type { SessionAgent } from '../auth/sessions'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import type { Audit } from './audit'
import { badRequest } from './errors'

/**
 * Settings a supervisor changes at runtime, stored in the database with who changed them. Each key has a
 * schema (the IPC contract's: what the renderer may send is exactly what is stored) and a default; the
 * environment (tests) sets the defaults, and a stored value wins over a default. A change is announced
 * with NOTIFY in its transaction: every process on the database reloads it at commit (server instances
 * within a second).
 */
export const settingSchemas = settingsValues.shape

export type SettingKey = keyof typeof settingSchemas
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>
export type SettingValues = { [K in SettingKey]: SettingValue<K> }

export const SETTINGS_CHANNEL = 'mini_settings'

export function createSettings(db: Database, audit: Audit, defaults: SettingValues, log: Logger) {
  const cache = new Map<SettingKey, unknown>()

  async function load(): Promise<void> {
    const { rows } = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM settings')
    const seen = new Set<SettingKey>()
    for (const row of rows) {
      if (!(row.key in settingSchemas)) continue
      const key = row.key as SettingKey
      const parsed = settingSchemas[key].safeParse(row.value)
      if (parsed.success) {
        cache.set(key, parsed.data)
        seen.add(key)
      }
    }
    for (const key of [...cache.keys()]) if (!seen.has(key)) cache.delete(key)
  }

  return {
    load,

    /** Reload whenever any process changes a setting; returns the unsubscribe. */
    follow(): Promise<() => Promise<void>> {
      return db.listen(SETTINGS_CHANNEL, () => {
        load().catch((error: unknown) => log.error('settings: reload failed', error))
      })
    },

    /** Synchronous: settings are read on hot paths (every call checks the idle timeout). */
    get<K extends SettingKey>(key: K): SettingValue<K> {
      return (cache.has(key) ? cache.get(key) : defaults[key]) as SettingValue<K>
    },

    all(): SettingValues {
      return Object.fromEntries((Object.keys(settingSchemas) as SettingKey[]).map((k) => [k, this.get(k)])) as SettingValues
    },

    async set<K extends SettingKey>(key: K, value: unknown, by: SessionAgent): Promise<SettingValue<K>> {
      const checked = settingSchemas[key].safeParse(value)
      if (!checked.success) throw badRequest('request.invalid')
      const parsed = checked.data as SettingValue<K>
      await db.transaction(async (tx) => {
        const before = (await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1 FOR UPDATE', [key])).rows[0]?.value ?? defaults[key]
        await tx.query(
          `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [key, JSON.stringify(parsed), by.id]
        )
        await audit.record({ actor: by, action: 'settings.change', outcome: 'ok', details: { key, before, after: parsed } }, tx)
        await tx.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, key])
      })
      cache.set(key, parsed)
      return parsed
    }
  }
}

export type Settings = ReturnType<typeof createSettings>
