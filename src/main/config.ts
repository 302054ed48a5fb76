import { Temporal } from 'temporal-polyfill'
import { z } from 'zod'

/**
 * Runtime configuration from the environment, validated once at start so that a typo fails loudly with
 * the variable's name instead of somewhere deep in a service.
 */
const envSchema = z.object({
  MINI_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  MINI_DEMO_FLEET: z.enum(['0', '1']).default('1'),
  MINI_DEMO_FLEET_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(400),
  MINI_TODAY: z.iso.date().optional(),
  MINI_TIME_ZONE: z.string().optional()
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

export interface Clock {
  now(): Temporal.Instant
  /** The agent's calendar date: deadlines are days where the agent sits, not UTC instants. */
  today(): string
}

export function systemClock(options: { fixedToday?: string; timeZone?: string } = {}): Clock {
  const zone = options.timeZone ?? Temporal.Now.timeZoneId()
  return {
    now: () => Temporal.Now.instant(),
    today: () => options.fixedToday ?? Temporal.Now.plainDateISO(zone).toString()
  }
}
