import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import type { EventName, EventPayload } from '@shared/ipc/contract'
import { generateFleet } from '@shared/fleet/generate'
import { installDecision } from '@shared/updates/safe-moment'
import { createSessions } from './auth/sessions'
import type { Clock } from './config'
import { openDatabase, type Database } from './db/database'
import { loadFleet } from './db/seed'
import type { Logger } from './logger'
import { createRouter, signedIn, type Handlers, type Router } from './router'
import { createAgentService } from './services/agents'
import { createAudit } from './services/audit'
import { createCallerChecks } from './services/callers'
import { ServiceError } from './services/errors'
import { createFormRequests, requireDesktop, type DesktopPort } from './services/form-requests'
import { createFormService } from './services/forms'
import { createIdempotency } from './services/idempotency'
import { createSettings, type SettingValues } from './services/settings'
import { createSimCommandService } from './services/sim-commands'
import { createTelematicsSimulator, type TelematicsPort } from './services/telematics'
import { createVehicleService, currentRevision } from './services/vehicles'
import { createWithdrawalService } from './services/withdrawals'

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
  /** Defaults for settings a supervisor can change (environment variables feed these). */
  defaults?: Partial<SettingValues>
  /** Replaces the telematics simulator (tests). */
  telematics?: TelematicsPort
  /** Test hook: pending SIM commands are not resumed at start. */
  resumePendingCommands?: boolean
  /** Save-as and open-in-viewer (Electron); absent in the harness. */
  desktop?: DesktopPort
  /** A downloaded update and the restart into it (the packaged app with an update address); absent elsewhere. */
  updates?: UpdatesPort
}

/** What the backend needs of the updater to decide, with its own pending work, whether to restart now. */
export interface UpdatesPort {
  readyVersion(): string | null
  /** Renderer calls main is still answering, not counting the request to install. */
  callsInFlight(): number
  /** Quits and installs; called only once the backend has decided it is safe. */
  install(): void
}

export interface BackendEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  on(listener: (event: EventName, payload: unknown) => void): () => void
}

export interface Backend {
  router: Router
  events: BackendEvents
  db: Database
  /** SIM commands sent to a vehicle and not yet settled: an update waits for them. */
  pendingSimCommands(): Promise<number>
  close(): Promise<void>
}

export const DEFAULT_SETTINGS: SettingValues = {
  idleMinutes: 15,
  telematics: { minLatencyMs: 1_000, maxLatencyMs: 3_000, failureRate: 0.05, timeoutMs: 15_000 },
  recipientBE: null,
  recipientLU: null
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
  const events = createEvents()
  const audit = createAudit(db, clock)
  const settings = createSettings(db, audit, { ...DEFAULT_SETTINGS, ...config.defaults })
  await settings.load()
  const sessions = createSessions(clock, () => settings.get('idleMinutes'))
  const vehicles = createVehicleService(db)
  const agents = createAgentService(db, clock, sessions, audit)
  const callers = createCallerChecks(db, clock, audit, vehicles)
  const idempotency = createIdempotency(db, clock)
  const telematics = config.telematics ?? createTelematicsSimulator(() => settings.get('telematics'))
  const sim = createSimCommandService({
    db,
    clock,
    audit,
    vehicles,
    callers,
    telematics,
    telematicsSettings: () => settings.get('telematics'),
    idempotency,
    notify: (head) => events.emit('syncChanged', { head }),
    log
  })

  const withdrawals = createWithdrawalService({
    db,
    clock,
    audit,
    vehicles,
    sim,
    callers,
    settings,
    idempotency,
    notify: (head) => events.emit('syncChanged', { head })
  })
  const forms = createFormService({ fontsDir: join(config.resourcesDir, 'fonts') })
  const formRequests = createFormRequests(db, clock, vehicles, withdrawals)
  async function renderForm(source: Parameters<typeof formRequests.build>[0], agent: { id: string; displayName: string; role: 'dealer' | 'hotline' | 'supervisor' } | null, how: string) {
    const request = await formRequests.build(source)
    try {
      const rendered = await forms.render(request)
      await audit.record({ actor: agent, action: 'form.generate', caseId: source.source === 'case' ? source.caseId : null, vin: source.source === 'vehicle' ? source.vin : null, outcome: 'ok', details: { how, market: request.market, contract: request.contract, mode: request.mode, fileName: rendered.fileName } })
      return rendered
    } catch (error) {
      await audit.record({ actor: agent, action: 'form.generate', caseId: source.source === 'case' ? source.caseId : null, vin: source.source === 'vehicle' ? source.vin : null, outcome: 'refused', reason: error instanceof Error ? error.message : String(error) })
      throw error
    }
  }

  async function pendingSimCommands(): Promise<number> {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE status = 'pending'`)
    return rows[0]?.n ?? 0
  }

  let demo = false
  if (config.demoFleet && (await vehicles.count()) === 0) {
    const started = Date.now()
    const referenceDate = clock.today()
    const fleet = generateFleet({ size: config.demoFleet.size, referenceDate, ...(config.demoFleet.seed ? { seed: config.demoFleet.seed } : {}) })
    await loadFleet(db, fleet)
    await agents.seedDemoAgents()
    await db.query(`INSERT INTO meta (key, value) VALUES ('demo', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [referenceDate])
    log.info(`database: seeded a demo fleet of ${fleet.records.length} vehicles and the demo accounts in ${Date.now() - started} ms`)
  }
  demo = (await db.query(`SELECT 1 FROM meta WHERE key = 'demo'`)).rows.length > 0

  const handlers: Handlers = {
    async appInfo() {
      return {
        version: config.version,
        databaseLocation: db.location,
        databaseKind: db.kind,
        fleetSize: await vehicles.count(),
        today: clock.today(),
        transport: config.transport,
        demo
      }
    },
    async authStatus(_request, ctx) {
      const session = ctx.agent ? sessions.peek(ctx.sessionId) : null
      return {
        firstRun: (await agents.count()) === 0,
        agent: session?.agent ?? null,
        idleMinutes: settings.get('idleMinutes'),
        expiresAt: session?.expiresAt ?? null
      }
    },
    signIn: ({ username, password }, ctx) => agents.signIn(username, password, ctx.sessionId),
    async signOut(_request, ctx) {
      await agents.signOut(ctx.sessionId, ctx.agent)
      return {}
    },
    createFirstSupervisor: (request, ctx) => agents.createFirstSupervisor(request, ctx.sessionId),
    agentsList: () => agents.list(),
    agentCreate: (request, ctx) => agents.create({ ...request, dealerNumber: request.dealerNumber ?? null }, signedIn(ctx)),
    async updateInstall(_request, ctx) {
      const updates = config.updates
      if (!updates) throw new ServiceError('unavailable', 'There is no update to install here: updates come to the installed desktop app when IT has set an update address.')
      const decision = installDecision({ readyVersion: updates.readyVersion(), pendingSimCommands: await pendingSimCommands(), callsInFlight: updates.callsInFlight() })
      if (!decision.install) throw new ServiceError('conflict', decision.reason)
      await audit.record({ actor: signedIn(ctx), action: 'app.update-install', outcome: 'ok', details: { version: decision.version } })
      updates.install()
      return { version: decision.version }
    },

    syncChanges: ({ cursor, limit }) => vehicles.changesSince(cursor, limit),
    vehicleGet: ({ vin }) => vehicles.get(vin),
    async fleetStats() {
      return { byMarket: await vehicles.countByMarket() }
    },

    callerStatus: ({ vin }, ctx) => callers.status(ctx.sessionId, signedIn(ctx), vin),
    callerVerify: ({ vin, firstName, lastName, spokenVin, customerNumber, postcode }, ctx) =>
      callers.verifyCaller(ctx.sessionId, signedIn(ctx), vin, {
        firstName,
        lastName,
        vin: spokenVin,
        ...(customerNumber ? { customerNumber } : {}),
        ...(postcode ? { postcode } : {})
      }),
    callerIdentityDocument: ({ vin, kind, reference }, ctx) => callers.recordIdentityDocument(ctx.sessionId, signedIn(ctx), vin, { kind, reference }),

    simDeactivate: (request, ctx) => sim.deactivate({ agent: signedIn(ctx), sessionId: ctx.sessionId }, request),
    simReactivate: (request, ctx) => sim.reactivate({ agent: signedIn(ctx), sessionId: ctx.sessionId }, request),
    simRetry: (request, ctx) => sim.retry({ agent: signedIn(ctx), sessionId: ctx.sessionId }, request),

    withdrawalRecord: (request, ctx) => withdrawals.record({ agent: signedIn(ctx), sessionId: ctx.sessionId }, request),
    refundRecord: (request, ctx) => withdrawals.recordRefund({ agent: signedIn(ctx), sessionId: ctx.sessionId }, request),
    caseTimeline: ({ caseId }) => withdrawals.timeline(caseId),
    async formRender(source, ctx) {
      const rendered = await renderForm(source, ctx.agent, 'download')
      return { fileName: rendered.fileName, pdfBase64: Buffer.from(rendered.bytes).toString('base64'), pages: rendered.pages, warnings: rendered.warnings }
    },
    async formSave(source, ctx) {
      const desktop = requireDesktop(config.desktop)
      const rendered = await renderForm(source, ctx.agent, 'save')
      return { path: await desktop.saveFile(rendered.fileName, rendered.bytes) }
    },
    async formOpen(source, ctx) {
      const desktop = requireDesktop(config.desktop)
      const rendered = await renderForm(source, ctx.agent, 'open')
      return { path: await desktop.openFile(rendered.fileName, rendered.bytes) }
    },

    async settingsGet() {
      return settings.all()
    },
    async settingsSet(change, ctx) {
      await settings.set(change.key, change.value, signedIn(ctx))
      return settings.all()
    },
    auditList: ({ limit, offset, ...filter }) => audit.list({ ...filter, limit, offset }),
    async auditExport(filter) {
      const csv = await audit.csv(filter)
      return { fileName: `audit-${clock.today()}.csv`, csv, rows: Math.max(0, csv.split('\r\n').length - 2) }
    }
  }

  const router = createRouter(handlers, { log, sessions, audit, validateResponses: config.validateResponses ?? false })
  if (config.resumePendingCommands !== false) await sim.resume()
  // The font is parsed off the agent's first click.
  void forms.warmUp().catch((error: unknown) => log.error('forms: could not load the PDF fonts', error))
  log.info(`backend: ready (${db.kind} at ${db.location}, revision ${await currentRevision(db)})`)
  return {
    router,
    events,
    db,
    pendingSimCommands,
    async close() {
      sim.close()
      await db.close()
    }
  }
}
