import { z } from 'zod'
import type { SettingValues } from './services/settings'

/**
 * Runtime configuration from the environment, validated once at start so that a typo fails loudly with
 * the variable's name instead of somewhere deep in a service.
 */
export const envSchema = z.object({
  MINI_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  /** The shared deployment's server for this desktop (checked by src/main/remote/server-config.ts). */
  MINI_SERVER_URL: z.string().optional(),
  MINI_DEMO_FLEET: z.enum(['0', '1']).default('1'),
  MINI_DEMO_FLEET_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(400),
  MINI_TODAY: z.iso.date().optional(),
  MINI_TIME_ZONE: z.string().optional(),
  MINI_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).optional(),
  MINI_TELEMATICS_LATENCY_MS: z.string().regex(/^\d+(-\d+)?$/, 'a number of milliseconds or a range like 1000-3000').optional(),
  MINI_TELEMATICS_FAILURE_RATE: z.coerce.number().min(0).max(1).optional(),
  MINI_TELEMATICS_TIMEOUT_MS: z.coerce.number().int().min(100).optional()
})

export type EnvConfig = z.infer<typeof envSchema>

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration in the environment: ${detail}`)
  }
  return parsed.data
}

/** Environment overrides for the defaults of supervisor settings (tests and the harness use them). */
export function settingDefaultsFromEnv(env: EnvConfig): Partial<SettingValues> {
  const defaults: Partial<SettingValues> = {}
  if (env.MINI_IDLE_MINUTES) defaults.idleMinutes = env.MINI_IDLE_MINUTES
  if (env.MINI_TELEMATICS_LATENCY_MS || env.MINI_TELEMATICS_FAILURE_RATE !== undefined || env.MINI_TELEMATICS_TIMEOUT_MS) {
    const [min, max] = (env.MINI_TELEMATICS_LATENCY_MS ?? '1000-3000').split('-').map(Number)
    defaults.telematics = {
      minLatencyMs: min ?? 1000,
      maxLatencyMs: max ?? min ?? 3000,
      failureRate: env.MINI_TELEMATICS_FAILURE_RATE ?? 0.05,
      timeoutMs: env.MINI_TELEMATICS_TIMEOUT_MS ?? 15_000
    }
  }
  return defaults
}
