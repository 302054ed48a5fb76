import type { z } from 'zod'
import { settingsValues, type Recipient } from '@shared/ipc/contract'
import type { Market } from '@shared/ipc/schemas'
import { recipientIsSetting } from '@shared/rules'
import type { SessionAgent } from '../auth/sessions'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import type { Audit } from './audit'
import { badRequest, refused } from './errors'

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
      return write(key, () => value, by)
    },

    /**
     * One market's withdrawal recipient (D5), null to clear it. Only a market whose terms name none has
     * one: for the others the terms decide, and a setting would be printed nowhere.
     */
    async setRecipient(market: Market, value: Recipient | null, by: SessionAgent): Promise<SettingValue<'recipients'>> {
      if (!recipientIsSetting(market)) throw refused('settings.recipientFixed', { market })
      return write('recipients', (before) => ({ ...before, [market]: value }), by, { market })
    }
  }

  /** Validates and stores a key's next value, computed from the stored one under a row lock, audited and announced. */
  async function write<K extends SettingKey>(key: K, next: (before: SettingValue<K>) => unknown, by: SessionAgent, details: Record<string, unknown> = {}): Promise<SettingValue<K>> {
    const parsed = await db.transaction(async (tx) => {
      const stored = (await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1 FOR UPDATE', [key])).rows[0]?.value
      const before = stored === undefined ? defaults[key] : stored
      // A stored value this version cannot read counts as the default (as load() does).
      const current = (settingSchemas[key].safeParse(before).data ?? defaults[key]) as SettingValue<K>
      const checked = settingSchemas[key].safeParse(next(current))
      if (!checked.success) throw badRequest('request.invalid')
      const after = checked.data as SettingValue<K>
      await tx.query(
        `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [key, JSON.stringify(after), by.id]
      )
      await audit.record({ actor: by, action: 'settings.change', outcome: 'ok', details: { key, ...details, before, after } }, tx)
      await tx.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, key])
      return after
    })
    cache.set(key, parsed)
    return parsed
  }
}

export type Settings = ReturnType<typeof createSettings>
