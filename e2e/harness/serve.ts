/**
 * Starts the harness from the command line (`npm run harness`, Playwright's webServer, the benchmark).
 * Environment: HARNESS_PORT (default 4780), MINI_DATA_DIR (default: in memory), MINI_DEMO_FLEET_SIZE,
 * MINI_TODAY (a fixed "today" for reproducible tests), and HARNESS_MODE:
 * - `embedded` (default): the backend in this process, as in the desktop app (PGlite, or DATABASE_URL);
 * - `shared`: the shared deployment: a server instance on PostgreSQL (DATABASE_URL, or a throwaway cluster
 *   started here) speaking the wire protocol, and this harness its client, as a desktop's main is.
 */
import { join } from 'node:path'
import log from 'electron-log/node'
import { createBackend, type BackendConfig } from '../../src/main/backend'
import { systemClock } from '../../src/main/clock'
import { readEnv, settingDefaultsFromEnv } from '../../src/main/config'
import { startCluster, type Cluster } from '../../src/main/testing/postgres-cluster'
import { buildServer } from '../../src/server/app'
import { startHarness } from './server'

log.transports.file.level = false
log.transports.console.level = process.env['HARNESS_QUIET'] ? 'warn' : 'info'

const env = readEnv()
const mode = process.env['HARNESS_MODE'] ?? 'embedded'
const common: Omit<BackendConfig, 'resourcesDir' | 'transport' | 'dataDir'> = {
  demoFleet: env.MINI_DEMO_FLEET === '1' ? { size: env.MINI_DEMO_FLEET_SIZE } : false,
  clock: systemClock({ ...(env.MINI_TODAY ? { fixedToday: env.MINI_TODAY } : {}) }),
  log,
  version: 'harness',
  defaults: settingDefaultsFromEnv(env),
  validateResponses: true,
  // The specs sign in far more often than people do; the limits themselves are unit-tested.
  signInLimits: { perAccount: 100_000, perClient: 100_000 }
}

let cluster: Cluster | null = null
let stopServer: () => Promise<void> = async () => undefined
let harness: Awaited<ReturnType<typeof startHarness>>
if (mode === 'shared') {
  cluster = env.DATABASE_URL ? null : await startCluster({ log: (line) => log.info(line) })
  const backend = await createBackend({
    ...common,
    dataDir: 'memory',
    resourcesDir: join(import.meta.dirname, '../../resources'),
    databaseUrl: env.DATABASE_URL ?? cluster!.url,
    transport: 'server',
    instanceId: 'e2e'
  })
  const app = await buildServer({ backend, log, instanceId: 'e2e', version: 'harness' })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  stopServer = async () => {
    await app.close()
    await backend.close()
  }
  harness = await startHarness({ port: Number(process.env['HARNESS_PORT'] ?? 4780), server: { url: address, log } })
  log.info(`harness: a client of the server at ${address} (PostgreSQL)`)
} else {
  harness = await startHarness({
    port: Number(process.env['HARNESS_PORT'] ?? 4780),
    backend: { ...common, dataDir: env.MINI_DATA_DIR ?? 'memory', ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) }
  })
}
log.info(`harness: serving the app at ${harness.url}`)

const stop = async () => {
  await harness.close()
  await stopServer()
  cluster?.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
