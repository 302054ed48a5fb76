import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { envSchema } from '../main/config'

/**
 * The server's configuration, from the environment, validated at start: a typo stops it with the
 * variable's name and what is expected, instead of a server that listens somewhere unexpected.
 */
const serverEnv = envSchema.extend({
  DATABASE_URL: z.string({ error: 'DATABASE_URL is required: the PostgreSQL database the server uses (postgres://user:password@host:5432/database)' }).regex(/^postgres(ql)?:\/\//, 'a postgres:// URL'),
  MINI_SERVER_PORT: z.coerce.number().int().min(1).max(65_535).default(4800),
  MINI_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  MINI_TLS_CERT: z.string().min(1).optional(),
  MINI_TLS_KEY: z.string().min(1).optional(),
  MINI_INSTANCE_ID: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, dots, dashes or underscores').optional(),
  /** How long an instance holds a SIM command it is sending before another may take it over (ms). */
  /** Sign-in attempts allowed per minute, per account and per client address ("10,30"). */
  MINI_SIGN_IN_LIMITS: z
    .string()
    .regex(/^\d+,\d+$/, 'two numbers: per account, per client address (like 10,30)')
    .default('10,30')
    .transform((v) => {
      const [perAccount, perClient] = v.split(',').map(Number) as [number, number]
      return { perAccount, perClient }
    }),
  MINI_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  /** Trust X-Forwarded-For from a TLS-terminating proxy in front (its address, or "true" for any). */
  MINI_TRUST_PROXY: z.string().optional()
})

export type ServerEnv = z.infer<typeof serverEnv>

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = serverEnv.safeParse(env)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid server configuration: ${detail}`)
  }
  const value = parsed.data
  if (!!value.MINI_TLS_CERT !== !!value.MINI_TLS_KEY) throw new Error('Invalid server configuration: set both MINI_TLS_CERT and MINI_TLS_KEY (files in PEM), or neither.')
  return value
}

export function tlsFrom(env: ServerEnv): { cert: Buffer; key: Buffer } | null {
  if (!env.MINI_TLS_CERT || !env.MINI_TLS_KEY) return null
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file)
    } catch (error) {
      throw new Error(`The TLS ${what} ${file} cannot be read: ${(error as Error).message}`, { cause: error })
    }
  }
  return { cert: read(env.MINI_TLS_CERT, 'certificate'), key: read(env.MINI_TLS_KEY, 'key') }
}
