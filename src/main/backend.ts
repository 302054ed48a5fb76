import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import type { EventName, EventPayload } from '@shared/ipc/contract'
import { generateFleet } from '@shared/fleet/generate'
import type { Clock } from './config'
import { openDatabase, type Database } from './db/database'
import { loadFleet } from './db/seed'
import type { Logger } from './logger'
import { createRouter, type Handlers, type Router } from './router'
import { createVehicleService, currentRevision } from './services/vehicles'

/**
 * The composition root shared by the Electron main process and the e2e harness: database, services and
 * router, with no Electron in sight. Only the transport around it differs.
 */
export interface BackendConfig {
  /** PGlite folder, or 'memory'. */
  dataDir: string
  resourcesDir: string
  databaseUrl?: string
  demoFleet: { size: number; seed?: number } | false
  clock: Clock
  log: Logger
  transport: 'electron' | 'harness'
  version: string
  validateResponses?: boolean
}

export interface BackendEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  on(listener: (event: EventName, payload: unknown) => void): () => void
}

export interface Backend {
  router: Router
  events: BackendEvents
  db: Database
  close(): Promise<void>
}

function createEvents(): BackendEvents {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(100)
  return {
    emit: (event, payload) => emitter.emit('event', event, payload),
    on(listener) {
      emitter.on('event', listener)
      return () => emitter.off('event', listener)
    }
  }
}

export async function createBackend(config: BackendConfig): Promise<Backend> {
  const { log, clock } = config
  const db = await openDatabase({
    location: config.dataDir,
    migrationsDir: join(config.resourcesDir, 'migrations'),
    log,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {})
  })
  const vehicles = createVehicleService(db)
  const events = createEvents()

  if (config.demoFleet && (await vehicles.count()) === 0) {
    const started = Date.now()
    const referenceDate = clock.today()
    const fleet = generateFleet({ size: config.demoFleet.size, referenceDate, ...(config.demoFleet.seed ? { seed: config.demoFleet.seed } : {}) })
    await loadFleet(db, fleet)
    await db.query(`INSERT INTO meta (key, value) VALUES ('demo_fleet_reference_date', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [referenceDate])
    log.info(`database: seeded a demo fleet of ${fleet.records.length} vehicles in ${Date.now() - started} ms`)
  }

  const handlers: Handlers = {
    async appInfo() {
      return {
        version: config.version,
        databaseLocation: db.location,
        databaseKind: db.kind,
        fleetSize: await vehicles.count(),
        today: clock.today(),
        transport: config.transport
      }
    },
    syncChanges: ({ cursor, limit }) => vehicles.changesSince(cursor, limit),
    vehicleGet: ({ vin }) => vehicles.get(vin),
    async fleetStats() {
      return { byMarket: await vehicles.countByMarket() }
    }
  }

  const router = createRouter(handlers, log, { validateResponses: config.validateResponses ?? false })
  log.info(`backend: ready (${db.kind} at ${db.location}, revision ${await currentRevision(db)})`)
  return {
    router,
    events,
    db,
    close: () => db.close()
  }
}
