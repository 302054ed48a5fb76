/**
 * Starts the harness from the command line (`npm run harness`, Playwright's webServer, the benchmark).
 * Environment: HARNESS_PORT (default 4780), MINI_DATA_DIR (default: in memory), MINI_DEMO_FLEET_SIZE,
 * MINI_TODAY (a fixed "today" for reproducible tests).
 */
import log from 'electron-log/node'
import { systemClock } from '../../src/main/clock'
import { readEnv, settingDefaultsFromEnv } from '../../src/main/config'
import { startHarness } from './server'

log.transports.file.level = false
log.transports.console.level = process.env['HARNESS_QUIET'] ? 'warn' : 'info'

const env = readEnv()
const harness = await startHarness({
  port: Number(process.env['HARNESS_PORT'] ?? 4780),
  backend: {
    dataDir: env.MINI_DATA_DIR ?? 'memory',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    demoFleet: env.MINI_DEMO_FLEET === '1' ? { size: env.MINI_DEMO_FLEET_SIZE } : false,
    clock: systemClock({ ...(env.MINI_TODAY ? { fixedToday: env.MINI_TODAY } : {}) }),
    log,
    version: 'harness',
    defaults: settingDefaultsFromEnv(env),
    validateResponses: true
  }
})
log.info(`harness: serving the app at ${harness.url}`)

const stop = async () => {
  await harness.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
