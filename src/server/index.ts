/**
 * `npm run server`: the backend (router, services, rules) as an HTTP server on PostgreSQL, for the shared
 * deployment. Stateless: run as many instances on one database as the load needs, behind a load balancer.
 */
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import log from 'electron-log/node'
import { systemClock } from '../main/clock'
import { settingDefaultsFromEnv } from '../main/config'
import { createBackend } from '../main/backend'
import { buildServer } from './app'
import { readServerEnv, tlsFrom } from './config'

log.transports.file.level = false
log.transports.console.level = process.env['MINI_LOG_LEVEL'] === 'warn' ? 'warn' : 'info'

async function main(): Promise<void> {
  const env = readServerEnv()
  const instanceId = env.MINI_INSTANCE_ID ?? `${hostname()}-${process.pid}`
  const backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: resolve(import.meta.dirname, '../../resources'),
    databaseUrl: env.DATABASE_URL,
    demoFleet: env.MINI_DEMO_FLEET === '1' ? { size: env.MINI_DEMO_FLEET_SIZE } : false,
    clock: systemClock({ ...(env.MINI_TODAY ? { fixedToday: env.MINI_TODAY } : {}), ...(env.MINI_TIME_ZONE ? { timeZone: env.MINI_TIME_ZONE } : {}) }),
    log,
    transport: 'server',
    version: process.env['npm_package_version'] ?? 'server',
    defaults: settingDefaultsFromEnv(env),
    instanceId,
    leaseMs: env.MINI_LEASE_MS,
    signInLimits: env.MINI_SIGN_IN_LIMITS
  })
  const tls = tlsFrom(env)
  const trustProxy = env.MINI_TRUST_PROXY === undefined ? undefined : env.MINI_TRUST_PROXY === 'true' ? true : env.MINI_TRUST_PROXY
  const app = await buildServer({ backend, log, instanceId, version: process.env['npm_package_version'] ?? 'server', https: tls, ...(trustProxy !== undefined ? { trustProxy } : {}) })
  await app.listen({ port: env.MINI_SERVER_PORT, host: env.MINI_SERVER_HOST })
  log.info(`server: instance ${instanceId} listening on ${tls ? 'https' : 'http'}://${env.MINI_SERVER_HOST}:${env.MINI_SERVER_PORT}${tls ? '' : ' (plain HTTP: put a TLS-terminating proxy in front in production)'}`)

  const stop = async (signal: string) => {
    log.info(`server: ${signal}, stopping`)
    await app.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
