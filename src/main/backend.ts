import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import type { EventName, EventPayload } from '@shared/ipc/contract'
import { generateFleet } from '@shared/fleet/generate'
import { installDecision } from '@shared/updates/safe-moment'
import { createSessions, type SessionAgent } from './auth/sessions'
import type { Clock } from './clock'
import { openDatabase, type Database } from './db/database'
import { isDemo, seedDemo } from './db/demo'
import type { Logger } from './logger'
import { createRouter, signedIn, type Handlers, type Router } from './router'
import { createAcknowledgements } from './services/acknowledgements'
import { createSearchWords } from './db/search-words'
import { createAgentService } from './services/agents'
import { createAudit } from './services/audit'
import { createBulkJobs } from './services/bulk/jobs'
import { createCallerChecks } from './services/callers'
import { createCustomerService } from './services/customers'
import { createDatedEffects } from './services/dated-effects'
import { ServiceError } from './services/errors'
import { createFormPrinting, requireDesktop, type DesktopPort } from './services/form-requests'
import { createFormService } from './services/forms'
import { createIdempotency } from './services/idempotency'
import { createRateLimits, SIGN_IN_LIMITS } from './services/rate-limits'
import { createSettings, type SettingValues } from './services/settings'
import { createSimAttention } from './services/sim/attention'
import { createSimCommandService } from './services/sim/service'
import { createTelematicsSimulator, type TelematicsPort } from './services/sim/telematics'
import { createVehicleNotes } from './services/vehicle-notes'
import { createVehicleSearch } from './services/vehicle-search'
import { createVehicleStory } from './services/vehicle-story'
import { committedHead, createVehicleService } from './services/vehicles'
import { createWithdrawalService } from './services/withdrawals'

/**
 * The composition root shared by the Electron main process, the e2e harness and the server: database,
 * services and router, with no transport in sight. It wires; the services do the work.
 */
export interface BackendConfig {
  /** PGlite folder, or 'memory'. Ignored with `databaseUrl` or `database`. */
  dataDir: string
  resourcesDir: string
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl?: string
  /** An open database (tests hand in a prepared copy). */
  database?: Database
  demoFleet: { size: number; seed?: number } | false
  clock: Clock
  log: Logger
  transport: 'electron' | 'harness' | 'server'
  version: string
  validateResponses?: boolean
  /** Defaults for settings a supervisor can change (environment variables feed these). */
  defaults?: Partial<SettingValues>
  /** Replaces the telematics simulator (tests). */
  telematics?: TelematicsPort
  /** Test hook: pending SIM commands are not dispatched at start (no background loop at all). */
  resumePendingCommands?: boolean
  /** Save-as and open-in-viewer (Electron); absent in the harness and the server. */
  desktop?: DesktopPort
  /** This process's name in SIM command leases (a server instance's id). */
  instanceId?: string
  /** SIM command lease length (default 10 s): how soon another instance takes over a dead one's commands. */
  leaseMs?: number
  /** Sign-in attempts allowed per minute (tests and the e2e harness, which sign in far more than people). */
  signInLimits?: { perAccount: number; perClient: number }
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
  /** The agent of a session token, without counting it as activity (the server's event stream). */
  authenticate(token: string | null): Promise<SessionAgent | null>
  /** Whether the database answers (the server's health check). */
  healthy(): Promise<boolean>
  close(): Promise<void>
}

export const DEFAULT_SETTINGS: SettingValues = {
  idleMinutes: 15,
  telematics: { minLatencyMs: 1_000, maxLatencyMs: 3_000, failureRate: 0.05, timeoutMs: 15_000 },
  recipients: {},
  bulk: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 10 },
  refundWarningDays: 3
}

/** The channel migration 0005's next_sync_rev() notifies on at every commit that changes a vehicle. */
export const SYNC_CHANNEL = 'mini_sync'
const PUSH_EVERY_MS = 20

function createEvents(): BackendEvents {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
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
  const db =
    config.database ??
    (await openDatabase({
      location: config.dataDir,
      migrationsDir: join(config.resourcesDir, 'migrations'),
      log,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {})
    }))
  const events = createEvents()
  const audit = createAudit(db, clock)
  const settings = createSettings(db, audit, { ...DEFAULT_SETTINGS, ...config.defaults }, log)
  await settings.load()
  const unfollowSettings = await settings.follow()
  const sessions = createSessions(db, clock, () => settings.get('idleMinutes'))
  const vehicles = createVehicleService(db)
  const agents = createAgentService(db, clock, sessions, audit)
  const callers = createCallerChecks(db, clock, audit, vehicles)
  const customers = createCustomerService(db, audit, vehicles)
  const idempotency = createIdempotency(clock)
  const limits = createRateLimits(db, clock)
  const telematics = config.telematics ?? createTelematicsSimulator(() => settings.get('telematics'))
  const timeoutMs = () => settings.get('telematics').timeoutMs
  const sim = createSimCommandService({
    db,
    clock,
    audit,
    vehicles,
    callers,
    idempotency,
    telematics,
    telematicsSettings: () => settings.get('telematics'),
    log,
    ...(config.instanceId ? { owner: config.instanceId } : {}),
    ...(config.leaseMs ? { leaseMs: config.leaseMs } : {})
  })
  const withdrawals = createWithdrawalService({ db, clock, audit, vehicles, callers, settings, idempotency, timeoutMs })
  const searchWords = createSearchWords(db, log)
  const search = createVehicleSearch(db, searchWords, vehicles)
  const story = createVehicleStory(db, vehicles)
  const notes = createVehicleNotes({ db, clock, audit, idempotency })
  const attention = createSimAttention(db)
  const forms = createFormService({ fontsDir: join(config.resourcesDir, 'fonts') })
  const printing = createFormPrinting({ db, clock, audit, vehicles, withdrawals, forms })
  const acknowledgements = createAcknowledgements({ db, clock, audit, vehicles, withdrawals, forms, idempotency })
  const bulk = createBulkJobs({
    db,
    clock,
    audit,
    settings,
    idempotency,
    sim,
    log,
    ...(config.instanceId ? { owner: config.instanceId } : {}),
    ...(config.leaseMs ? { leaseMs: config.leaseMs } : {})
  })
  const datedEffects = createDatedEffects({ db, clock, audit, vehicles, log, ...(config.instanceId ? { owner: config.instanceId } : {}) })

  async function pendingSimCommands(): Promise<number> {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE status = 'pending'`)
    return rows[0]?.n ?? 0
  }

  if (config.demoFleet && (await vehicles.count()) === 0) {
    const referenceDate = clock.today()
    const fleet = generateFleet({ size: config.demoFleet.size, referenceDate, ...(config.demoFleet.seed ? { seed: config.demoFleet.seed } : {}) })
    await seedDemo(db, fleet, referenceDate, log)
  }
  const demo = await isDemo(db)
  // Customers whose names have no search words yet (a database from before they existed, a change of the
  // folding): folded in the background; a name lookup waits for it.
  void searchWords.start().catch((error: unknown) => log.error('search: could not fold the customers’ names', error))

  // Every commit that changes a vehicle notifies (migration 0005): in this process and, on PostgreSQL,
  // in every process on the database. Each becomes a push to this process's clients.
  // Commits come in bursts (a bulk job, a busy hotline): one push per burst, at most every PUSH_EVERY_MS,
  // is enough for clients that pull everything after their cursor anyway.
  let pushTimer: ReturnType<typeof setTimeout> | null = null
  const unfollowSync = await db.listen(SYNC_CHANNEL, () => {
    if (pushTimer) return
    pushTimer = setTimeout(() => {
      pushTimer = null
      committedHead(db)
        .then((head) => events.emit('syncChanged', { head }))
        .catch((error: unknown) => log.error('sync: could not read the head', error))
    }, PUSH_EVERY_MS)
    pushTimer.unref?.()
  })

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
      const session = ctx.agent ? await sessions.resolve(ctx.sessionToken, false) : null
      return {
        firstRun: (await agents.count()) === 0,
        agent: session?.agent ?? null,
        idleMinutes: settings.get('idleMinutes'),
        expiresAt: session?.expiresAt ?? null
      }
    },
    async signIn({ username, password }, ctx) {
      const account = username.trim().toLowerCase()
      const perAccount = config.signInLimits?.perAccount ?? SIGN_IN_LIMITS.perAccount.max
      const perClient = config.signInLimits?.perClient ?? SIGN_IN_LIMITS.perClient.max
      await limits.hit([
        { key: `sign-in:account:${account}`, max: perAccount, windowSeconds: SIGN_IN_LIMITS.perAccount.windowSeconds },
        ...(ctx.client ? [{ key: `sign-in:client:${ctx.client}`, max: perClient, windowSeconds: SIGN_IN_LIMITS.perClient.windowSeconds }] : [])
      ])
      const { agent, token } = await agents.signIn(username, password, ctx.sessionToken)
      ctx.setSessionToken(token)
      return agent
    },
    async authActivity(_request, ctx) {
      // The router has already counted the call as activity; the answer is the new expiry.
      return { expiresAt: (await sessions.resolve(ctx.sessionToken, false))?.expiresAt ?? null }
    },
    async signOut(_request, ctx) {
      await agents.signOut(ctx.sessionToken, ctx.agent)
      ctx.setSessionToken(null)
      return {}
    },
    async createFirstSupervisor(request, ctx) {
      const { agent, token } = await agents.createFirstSupervisor(request, ctx.sessionToken)
      ctx.setSessionToken(token)
      return agent
    },
    agentsList: () => agents.list(),
    agentCreate: (request, ctx) => agents.create({ ...request, dealerNumber: request.dealerNumber ?? null }, signedIn(ctx)),
    agentSetLanguage: ({ language }, ctx) => agents.setLanguage(signedIn(ctx), language),
    async updateInstall(_request, ctx) {
      const updates = config.updates
      if (!updates) throw new ServiceError('unavailable', 'update.unavailable')
      const decision = installDecision({ readyVersion: updates.readyVersion(), pendingSimCommands: await pendingSimCommands(), callsInFlight: updates.callsInFlight() })
      if (!decision.install) throw new ServiceError('conflict', decision.reason, decision.count !== undefined ? { count: decision.count } : {})
      await audit.record({ actor: signedIn(ctx), action: 'app.update-install', outcome: 'ok', details: { version: decision.version } })
      updates.install()
      return { version: decision.version }
    },

    syncChanges: ({ cursor, limit }, ctx) => vehicles.changesSince(cursor, limit, signedIn(ctx)),
    vehicleGet: ({ vin }, ctx) => vehicles.getFor(signedIn(ctx), vin),
    vehicleSearch: ({ query }, ctx) => search.search(signedIn(ctx), query),
    customerVehicles: ({ vin }, ctx) => search.ofSameCustomer(signedIn(ctx), vin),
    vehicleStory: ({ vin }, ctx) => story.of(signedIn(ctx), vin),
    vehicleNoteAdd: async (request, ctx) => ({ note: await notes.add(signedIn(ctx), request) }),
    async fleetStats(_request, ctx) {
      return { byMarket: await vehicles.countByMarket(signedIn(ctx)) }
    },

    customerSetLanguage: ({ vin, language }, ctx) => customers.setLanguage(signedIn(ctx), vin, language),

    callerStatus: ({ vin }, ctx) => callers.status(ctx.sessionToken, signedIn(ctx), vin),
    callerVerify: ({ vin, firstName, lastName, spokenVin, customerNumber, postcode }, ctx) =>
      callers.verifyCaller(ctx.sessionToken, signedIn(ctx), vin, {
        firstName,
        lastName,
        vin: spokenVin,
        ...(customerNumber ? { customerNumber } : {}),
        ...(postcode ? { postcode } : {})
      }) as never,
    callerIdentityDocument: ({ vin, kind, reference }, ctx) => callers.recordIdentityDocument(ctx.sessionToken, signedIn(ctx), vin, { kind, reference }),

    simDeactivate: (request, ctx) => sim.deactivate({ agent: signedIn(ctx), token: ctx.sessionToken }, request),
    simReactivate: (request, ctx) => sim.reactivate({ agent: signedIn(ctx), token: ctx.sessionToken }, request),
    simRetry: (request, ctx) => sim.retry({ agent: signedIn(ctx), token: ctx.sessionToken }, request),
    simAttention: (request, ctx) => attention.list(signedIn(ctx), request),

    async withdrawalRecord(request, ctx) {
      const outcome = await withdrawals.record({ agent: signedIn(ctx), token: ctx.sessionToken }, request)
      if (outcome.fresh && outcome.simCommandId) sim.send(outcome.simCommandId)
      return { case: outcome.case, simCommandId: outcome.simCommandId }
    },
    refundRecord: (request, ctx) => withdrawals.recordRefund({ agent: signedIn(ctx), token: ctx.sessionToken }, request),
    caseTimeline: ({ caseId }, ctx) => withdrawals.timeline(signedIn(ctx), caseId),
    async formRender(source, ctx) {
      const rendered = await printing.render(source, signedIn(ctx), 'download')
      return { fileName: rendered.fileName, pdfBase64: Buffer.from(rendered.bytes).toString('base64'), pages: rendered.pages, warnings: rendered.warnings }
    },
    async formSave(source, ctx) {
      const desktop = requireDesktop(config.desktop)
      const rendered = await printing.render(source, signedIn(ctx), 'save')
      return { path: await desktop.saveFile(rendered.fileName, rendered.bytes) }
    },
    async formOpen(source, ctx) {
      const desktop = requireDesktop(config.desktop)
      const rendered = await printing.render(source, signedIn(ctx), 'open')
      return { path: await desktop.openFile(rendered.fileName, rendered.bytes) }
    },

    bulkPreview: (request, ctx) => bulk.preview(signedIn(ctx), request),
    bulkStart: (request, ctx) => bulk.start(signedIn(ctx), request),
    bulkJobs: (_request, ctx) => bulk.list(signedIn(ctx)),
    bulkJobGet: ({ jobId }, ctx) => bulk.get(signedIn(ctx), jobId),
    bulkJobRows: (request, ctx) => bulk.rows(signedIn(ctx), request),
    bulkPause: ({ jobId }, ctx) => bulk.pause(signedIn(ctx), jobId),
    bulkResume: ({ jobId }, ctx) => bulk.resume(signedIn(ctx), jobId),
    bulkCancel: ({ jobId }, ctx) => bulk.cancel(signedIn(ctx), jobId),
    acknowledgementRender: ({ caseId }, ctx) => acknowledgements.render(signedIn(ctx), caseId),
    acknowledgementRecord: (request, ctx) => acknowledgements.record(signedIn(ctx), request),

    async settingsGet() {
      return settings.all()
    },
    async settingsSet(change, ctx) {
      if (change.key === 'recipient') await settings.setRecipient(change.market, change.value, signedIn(ctx))
      else await settings.set(change.key, change.value, signedIn(ctx))
      return settings.all()
    },
    auditList: ({ limit, offset, ...filter }) => audit.list({ ...filter, limit, offset }),
    async auditExport(filter) {
      const csv = await audit.csv(filter)
      return { fileName: `audit-${clock.today()}.csv`, csv, rows: Math.max(0, csv.split('\r\n').length - 2) }
    }
  }

  const router = createRouter(handlers, { log, sessions, audit, validateResponses: config.validateResponses ?? false })
  if (config.resumePendingCommands !== false) {
    await sim.start({ exclusive: db.kind === 'pglite' })
    await bulk.startRunner({ exclusive: db.kind === 'pglite' })
    // Terminations whose date came while the app was closed take effect now; later ones on their day.
    await datedEffects.start()
  }
  // The font is parsed off the agent's first click.
  void forms.warmUp().catch((error: unknown) => log.error('forms: could not load the PDF fonts', error))
  log.info(`backend: ready (${db.kind} at ${db.location}, revision ${await committedHead(db)})`)
  return {
    router,
    events,
    db,
    pendingSimCommands,
    authenticate: async (token) => (await sessions.resolve(token, false))?.agent ?? null,
    healthy: () => db.query('SELECT 1').then(() => true, () => false),
    async close() {
      if (pushTimer) clearTimeout(pushTimer)
      datedEffects.close()
      bulk.close()
      sim.close()
      await searchWords.start().catch(() => undefined)
      await unfollowSync()
      await unfollowSettings()
      await db.close()
    }
  }
}
