import { z } from 'zod'
import { settingsValues } from '@shared/ipc/contract'
import type { SessionAgent } from '../auth/sessions'
import type { Database } from '../db/database'
import type { Audit } from './audit'
import { ServiceError } from './errors'

/**
 * Settings a supervisor changes at runtime, stored in the database with who changed them. Each key has a
 * schema (the IPC contract's: what the renderer may send is exactly what is stored) and a default; the
 * environment (tests) sets the defaults, and a stored value wins over a default.
 */
export const settingSchemas = settingsValues.shape

export type SettingKey = keyof typeof settingSchemas
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>
export type SettingValues = { [K in SettingKey]: SettingValue<K> }

export function createSettings(db: Database, audit: Audit, defaults: SettingValues) {
  const cache = new Map<SettingKey, unknown>()

  async function load(): Promise<void> {
    const { rows } = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM settings')
    for (const row of rows) {
      if (!(row.key in settingSchemas)) continue
      const key = row.key as SettingKey
      const parsed = settingSchemas[key].safeParse(row.value)
      if (parsed.success) cache.set(key, parsed.data)
    }
  }

  return {
    load,
    /** Synchronous: settings are read on hot paths (every call checks the idle timeout). */
    get<K extends SettingKey>(key: K): SettingValue<K> {
      return (cache.has(key) ? cache.get(key) : defaults[key]) as SettingValue<K>
    },
    all(): SettingValues {
      return Object.fromEntries((Object.keys(settingSchemas) as SettingKey[]).map((k) => [k, this.get(k)])) as SettingValues
    },
    async set<K extends SettingKey>(key: K, value: unknown, by: SessionAgent): Promise<SettingValue<K>> {
      const checked = settingSchemas[key].safeParse(value)
      if (!checked.success) throw new ServiceError('bad-request', `The setting ${key} is not valid: ${checked.error.issues.map((i) => i.message).join('; ')}.`)
      const parsed = checked.data as SettingValue<K>
      const before = this.get(key)
      await db.query(
        `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [key, JSON.stringify(parsed), by.id]
      )
      cache.set(key, parsed)
      await audit.record({ actor: by, action: 'settings.change', outcome: 'ok', details: { key, before, after: parsed } })
      return parsed
    }
  }
}

export type Settings = ReturnType<typeof createSettings>
