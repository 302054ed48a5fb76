import { z } from 'zod'
import type { ApiResult } from './errors'
import { BULK_ACTIONS } from '../bulk/csv'
import {
  agentLanguage,
  contractEffect,
  currency,
  customerLanguage,
  dealerNumber,
  identityDocumentKind,
  isoDate,
  market,
  minorUnits,
  recordedNoticeChannel,
  refundMethod,
  role,
  simCommandDoc,
  simCommandStatus,
  simErrorCode,
  simState,
  vehicleDoc,
  vinSchema,
  withdrawalCaseDoc,
  type Role
} from './schemas'

/**
 * The IPC contract: every channel name, who may call it, and the schemas of its request and response, in
 * one module shared by main, preload, the renderer and the e2e harness (the Electron Fiddle pattern).
 * Adding a command means adding it here; the router refuses anything else, checks `access` against the
 * caller's session in main, and the preload exposes exactly these keys. The renderer reads `access` only
 * to hide what a role cannot do: main decides.
 */

/** 'public': no session needed; 'agent': any signed-in agent; a list: only those roles. */
export type Access = 'public' | 'agent' | readonly Role[]

/**
 * 'query' reads; 'command' changes something (refusals of commands are audited). A `background` call is
 * one the app makes by itself (status polls, sync): it never keeps an idle session alive.
 */
export type Kind = 'query' | 'command'

const empty = z.strictObject({})
const idempotencyKey = z.uuid({ error: 'field.uuid' })
const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, { error: 'field.username' })
const password = z.string().min(10, { error: 'field.passwordShort' }).max(200)
const displayName = z.string().trim().min(2).max(120)
const shortText = (max: number) => z.string().trim().max(max)

export const agentSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  dealerNumber: z.string().nullable(),
  /** The tool's language the agent chose; null: not chosen yet (the desktop's language applies). */
  language: agentLanguage.nullable()
})

/** What went wrong in a caller verification, as codes the renderer explains (never the record's values). */
export const verificationFailure = z.enum(['name-mismatch', 'vin-invalid', 'vin-mismatch', 'customer-number-mismatch', 'postcode-mismatch', 'no-second-factor'])

const callerStatus = z.object({
  check: z
    .object({
      method: z.enum(['caller-verification', 'identity-document']),
      at: z.string(),
      validUntil: z.string(),
      details: z.record(z.string(), z.unknown())
    })
    .nullable(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  remainingAttempts: z.number().int()
})

const recipient = z.object({ name: z.string().trim().min(2).max(200), address: z.string().trim().min(5).max(400), email: z.email({ error: 'field.email' }) })
/**
 * D5: the withdrawal recipient of each market whose terms name none (`RECIPIENT_SETTING_MARKETS` of the
 * rules); a market missing here, or null, has none set. Markets whose terms name it have no entry: the
 * settings service refuses one.
 */
const recipients = z.partialRecord(market, recipient.nullable())
const telematicsSettings = z
  .object({
    minLatencyMs: z.number().int().min(0).max(120_000),
    maxLatencyMs: z.number().int().min(0).max(120_000),
    failureRate: z.number().min(0).max(1),
    timeoutMs: z.number().int().min(100).max(600_000)
  })
  .refine((t) => t.maxLatencyMs >= t.minLatencyMs, { message: 'field.maxLatencyBelowMin', path: ['maxLatencyMs'] })

/** Bulk SIM jobs: which roles besides supervisors may run them, and how many rows a job sends per second. */
const bulkSettings = z.object({
  rolesAllowed: z.array(z.enum(['hotline', 'dealer'])).max(2),
  rowsPerSecond: z.number().int().min(1).max(1000)
})

export const settingsValues = z.object({
  idleMinutes: z.number().int().min(1).max(24 * 60),
  telematics: telematicsSettings,
  recipients,
  bulk: bulkSettings,
  /** Refunds due within this many days are listed and counted in the top bar, with the overdue ones. */
  refundWarningDays: z.number().int().min(0).max(60)
})

const settingChange = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('idleMinutes'), value: settingsValues.shape.idleMinutes }),
  z.strictObject({ key: z.literal('telematics'), value: telematicsSettings }),
  /** One market's entry of `recipients`; null clears it. */
  z.strictObject({ key: z.literal('recipient'), market, value: recipient.nullable() }),
  z.strictObject({ key: z.literal('bulk'), value: bulkSettings }),
  z.strictObject({ key: z.literal('refundWarningDays'), value: settingsValues.shape.refundWarningDays })
])

export const auditOutcome = z.enum(['ok', 'refused', 'failed', 'denied', 'error'])
const auditFilter = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  agentId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  vin: vinSchema.optional(),
  caseId: z.string().max(64).optional(),
  outcome: auditOutcome.optional()
})
const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  role: role.nullable(),
  action: z.string(),
  vin: z.string().nullable(),
  caseId: z.string().nullable(),
  outcome: auditOutcome,
  reason: z.string().nullable(),
  verification: z.unknown(),
  details: z.unknown()
})

const commandResult = z.object({ command: simCommandDoc })

/** Names and addresses are printed exactly as typed, in any script; control characters are never text. */
const printable = (max: number, multiline = false) =>
  z
    .string()
    .trim()
    .min(1, { error: 'field.required' })
    .max(max)
    // \p{Cc} is every control character; a multi-line field keeps its line breaks.
    .refine((v) => !/\p{Cc}/u.test(multiline ? v.replace(/\n/g, '') : v), { error: 'field.controlCharacter' })

const caseId = z.string().regex(/^WD-\d{4}-\d{6}$/, { error: 'field.caseId' })

/** An agent's note on a vehicle: one or a few paragraphs, said on the phone or at the desk. */
export const NOTE_MAX_LENGTH = 1000

/**
 * One event of a vehicle's story (`vehicleStory`): codes and data, worded by the renderer. `agentName` is
 * who acted; null where the tool recorded an answer of the vehicle by itself.
 */
const storyEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), at: z.string(), agentName: z.string(), text: z.string() }),
  z.object({ kind: z.literal('caller-verification'), at: z.string(), agentName: z.string(), passed: z.boolean(), failures: z.array(verificationFailure) }),
  z.object({ kind: z.literal('identity-document'), at: z.string(), agentName: z.string(), document: identityDocumentKind }),
  z.object({
    kind: z.literal('sim-request'),
    at: z.string(),
    agentName: z.string(),
    commandId: z.string(),
    action: simCommandDoc.shape.action,
    targetState: simState,
    origin: simCommandDoc.shape.origin,
    contractEffect,
    caseId: z.string().nullable()
  }),
  z.object({
    kind: z.literal('sim-attempt'),
    at: z.string(),
    agentName: z.string().nullable(),
    commandId: z.string(),
    action: simCommandDoc.shape.action,
    targetState: simState,
    outcome: z.enum(['confirmed', 'failed', 'timed-out', 'retried', 'resumed', 'stopped']),
    attempt: z.number().int().nullable(),
    error: simErrorCode.nullable(),
    /** A command that retries by itself: when it tries again. */
    nextAttemptAt: z.string().nullable()
  }),
  z.object({
    kind: z.literal('withdrawal'),
    at: z.string(),
    agentName: z.string(),
    caseId: z.string(),
    subject: withdrawalCaseDoc.shape.subject,
    decision: withdrawalCaseDoc.shape.decision,
    source: withdrawalCaseDoc.shape.source
  }),
  z.object({ kind: z.literal('refund'), at: z.string(), agentName: z.string(), caseId: z.string(), amount: minorUnits, currency, method: refundMethod }),
  z.object({ kind: z.literal('form'), at: z.string(), agentName: z.string(), caseId: z.string().nullable(), contract: z.enum(['connected', 'service-inclusive']), blank: z.boolean() })
])

const vehicleList = z.object({ vehicles: z.array(vehicleDoc), truncated: z.boolean() })
const noteDoc = z.object({ id: z.number().int(), vin: vinSchema, at: z.string(), agentName: z.string(), text: z.string() })
const attentionRow = z.object({
  command: simCommandDoc,
  /** The agent asked for it (or recorded the withdrawal it serves). */
  mine: z.boolean(),
  vehicle: z.object({ model: z.string(), plate: z.string().nullable(), market, firstName: z.string().nullable(), lastName: z.string().nullable(), companyName: z.string().nullable() })
})

const formSource = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('blank'), market, contract: z.enum(['connected', 'service-inclusive']), language: customerLanguage.optional() }),
  z.strictObject({ source: z.literal('vehicle'), vin: vinSchema, purchaseId: z.string().max(64).optional() }),
  z.strictObject({ source: z.literal('case'), caseId })
])
const actingRoles = ['dealer', 'hotline', 'supervisor'] as const

// ---- bulk SIM jobs ----
/** A message key and its parameters: why a row cannot run, worded by the renderer. */
const problem = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional() })
const bulkAction = z.enum(BULK_ACTIONS)
/** The file's text: the parser refuses more than BULK_MAX_CHARS with the limit in words; this guards the shape. */
const bulkFile = { csv: z.string().max(1_000_000), fileName: shortText(200).optional() }
const jobId = z.string().regex(/^BULK-[0-9a-f-]{36}$/, { error: 'field.invalid' })
export const bulkPreviewRow = z.object({
  line: z.number().int(),
  vin: z.string(),
  action: bulkAction.nullable(),
  reason: z.string().nullable(),
  outcome: z.enum(['ready', 'refused', 'not-understood']),
  problem: problem.nullable(),
  vehicle: z.object({ model: z.string(), plate: z.string().nullable(), market, sim: simState, customer: z.string() }).nullable(),
  targetState: simState.nullable(),
  contractEffect: contractEffect.nullable(),
  terminationEffectiveOn: isoDate.nullable(),
  acknowledgementNeeded: z.boolean()
})
export const bulkJobDoc = z.object({
  id: z.string(),
  status: z.enum(['running', 'paused', 'cancelled', 'done']),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  rows: z.object({ queued: z.number().int(), skipped: z.number().int(), sent: z.number().int(), refused: z.number().int(), cancelled: z.number().int() }),
  /** What became of the commands the job sent, as the vehicles answer. */
  sim: z.object({ pending: z.number().int(), confirmed: z.number().int(), failed: z.number().int(), timedOut: z.number().int() })
})
export const bulkJobRow = z.object({
  line: z.number().int(),
  vin: z.string(),
  action: z.string(),
  reason: z.string().nullable(),
  status: z.enum(['queued', 'skipped', 'sent', 'refused', 'cancelled']),
  problem: problem.nullable(),
  commandId: z.string().nullable(),
  commandStatus: z.enum(['pending', 'confirmed', 'failed', 'timed-out']).nullable(),
  commandError: z.string().nullable(),
  processedAt: z.string().nullable()
})

export const contract = {
  // ---- app and session ----
  appInfo: {
    channel: 'app:info',
    kind: 'query',
    background: true,
    access: 'public',
    request: empty,
    response: z.object({
      version: z.string(),
      databaseLocation: z.string(),
      databaseKind: z.enum(['pglite', 'postgres']),
      fleetSize: z.number().int(),
      today: isoDate,
      transport: z.enum(['electron', 'harness', 'server']),
      demo: z.boolean()
    })
  },
  authStatus: {
    channel: 'auth:status',
    kind: 'query',
    background: true,
    access: 'public',
    request: empty,
    response: z.object({ firstRun: z.boolean(), agent: agentSummary.nullable(), idleMinutes: z.number().int(), expiresAt: z.string().nullable() })
  },
  signIn: {
    channel: 'auth:sign-in',
    kind: 'command',
    access: 'public',
    request: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    response: agentSummary
  },
  /**
   * The agent is working in the page (typing, clicking) without calling main (lookups read the offline
   * copy): the renderer says so at most once a minute, and it counts as activity, as any agent's call does.
   */
  authActivity: {
    channel: 'auth:activity',
    kind: 'query',
    access: 'agent',
    request: empty,
    response: z.object({ expiresAt: z.string().nullable() })
  },
  signOut: {
    channel: 'auth:sign-out',
    kind: 'command',
    access: 'agent',
    request: empty,
    response: z.object({})
  },
  createFirstSupervisor: {
    channel: 'auth:create-first-supervisor',
    kind: 'command',
    access: 'public',
    request: z.strictObject({ username, displayName, password }),
    response: agentSummary
  },
  agentsList: {
    channel: 'agents:list',
    kind: 'query',
    access: ['supervisor'],
    request: empty,
    response: z.array(agentSummary.extend({ demo: z.boolean(), locked: z.boolean() }))
  },
  agentSetLanguage: {
    channel: 'agents:set-language',
    kind: 'command',
    access: 'agent',
    request: z.strictObject({ language: agentLanguage }),
    response: agentSummary
  },
  agentCreate: {
    channel: 'agents:create',
    kind: 'command',
    access: ['supervisor'],
    request: z
      .strictObject({ username, displayName, role, dealerNumber: dealerNumber.optional(), password })
      .refine((a) => a.role !== 'dealer' || a.dealerNumber, { message: 'field.dealerNeedsNumber', path: ['dealerNumber'] }),
    response: agentSummary
  },
  /** Restart into a downloaded update; main refuses while a SIM command is pending or a call is running. */
  updateInstall: {
    channel: 'app:update-install',
    kind: 'command',
    access: 'agent',
    request: empty,
    response: z.object({ version: z.string() })
  },

  // ---- vehicles and the cache ----
  syncChanges: {
    channel: 'sync:changes',
    kind: 'query',
    background: true,
    access: 'agent',
    request: z.strictObject({
      cursor: z.number().int().min(0),
      limit: z.number().int().min(1).max(10_000).default(2_000)
    }),
    response: z.object({
      vehicles: z.array(vehicleDoc),
      deletedVins: z.array(z.string()),
      cursor: z.number().int(),
      head: z.number().int(),
      hasMore: z.boolean()
    })
  },
  vehicleGet: {
    channel: 'vehicle:get',
    kind: 'query',
    access: 'agent',
    request: z.strictObject({ vin: vinSchema }),
    response: vehicleDoc
  },
  /**
   * The search box answered by main (@shared/search/query): for a desktop whose offline copy is not
   * complete yet, or lacks a vehicle. In the agent's scope, ranked, at most 50 vehicles.
   */
  vehicleSearch: {
    channel: 'vehicle:search',
    kind: 'query',
    access: 'agent',
    request: z.strictObject({ query: z.string().max(200) }),
    response: vehicleList
  },
  /** Every vehicle of the customer of `vin` that the agent may see. */
  customerVehicles: {
    channel: 'vehicle:customer-vehicles',
    kind: 'query',
    access: 'agent',
    request: z.strictObject({ vin: vinSchema }),
    response: vehicleList
  },
  /** The vehicle's story: SIM commands and attempts, caller checks, withdrawals, refunds, forms, notes. */
  vehicleStory: {
    channel: 'vehicle:story',
    kind: 'query',
    access: 'agent',
    request: z.strictObject({ vin: vinSchema }),
    response: z.object({ events: z.array(storyEvent), truncated: z.boolean() })
  },
  /** An agent's note on the vehicle's story: append-only, with author and time. */
  vehicleNoteAdd: {
    channel: 'vehicle:note-add',
    kind: 'command',
    access: actingRoles,
    request: z.strictObject({ vin: vinSchema, idempotencyKey, text: printable(NOTE_MAX_LENGTH, true) }),
    response: z.object({ note: noteDoc })
  },
  fleetStats: {
    channel: 'fleet:stats',
    kind: 'query',
    access: 'agent',
    request: empty,
    response: z.object({ byMarket: z.partialRecord(market, z.number().int()) })
  },

  customerSetLanguage: {
    channel: 'customer:set-language',
    kind: 'command',
    access: actingRoles,
    request: z.strictObject({ vin: vinSchema, language: customerLanguage }),
    response: vehicleDoc
  },

  // ---- who the agent acts for (RULES.md §8) ----
  callerStatus: {
    channel: 'caller:status',
    kind: 'query',
    access: actingRoles,
    request: z.strictObject({ vin: vinSchema }),
    response: callerStatus
  },
  callerVerify: {
    channel: 'caller:verify',
    kind: 'command',
    access: ['hotline', 'supervisor'],
    request: z.strictObject({
      vin: vinSchema,
      firstName: shortText(100),
      lastName: shortText(100),
      spokenVin: shortText(40),
      customerNumber: shortText(40).optional(),
      postcode: shortText(20).optional()
    }),
    response: callerStatus.extend({ passed: z.boolean(), failures: z.array(verificationFailure) })
  },
  callerIdentityDocument: {
    channel: 'caller:identity-document',
    kind: 'command',
    access: ['dealer', 'supervisor'],
    request: z.strictObject({
      vin: vinSchema,
      kind: identityDocumentKind,
      reference: shortText(40).optional()
    }),
    response: callerStatus
  },

  // ---- SIM commands (RULES.md §2–§4) ----
  simDeactivate: {
    channel: 'sim:deactivate',
    kind: 'command',
    access: actingRoles,
    request: z.strictObject({
      vin: vinSchema,
      idempotencyKey,
      expectedTargetState: simState,
      acknowledgement: z.strictObject({ emergencyCallLoss: z.boolean(), warningsReadOut: z.boolean() }).optional(),
      /** The language the warnings were read out in; absent: the customer's language on record. */
      readOutLanguage: customerLanguage.optional(),
      reason: shortText(500).optional()
    }),
    response: commandResult
  },
  simReactivate: {
    channel: 'sim:reactivate',
    kind: 'command',
    access: actingRoles,
    request: z.strictObject({ vin: vinSchema, idempotencyKey, reason: shortText(500).optional() }),
    response: commandResult
  },
  simRetry: {
    channel: 'sim:retry',
    kind: 'command',
    access: actingRoles,
    request: z.strictObject({ commandId: z.string().regex(/^SIM-[0-9a-f-]{36}$/, { error: 'field.commandId' }), idempotencyKey }),
    response: commandResult
  },

  /**
   * SIM commands that need attention (each vehicle's latest, pending, failed or timed out), the agent's
   * own or everyone's, and how many need someone to act. Refreshed by the app on every sync push.
   */
  simAttention: {
    channel: 'sim:attention',
    kind: 'query',
    background: true,
    access: 'agent',
    request: z.strictObject({ mine: z.boolean().default(false), status: simCommandStatus.exclude(['confirmed']).optional() }),
    response: z.object({ rows: z.array(attentionRow), truncated: z.boolean(), needsAction: z.number().int(), mine: z.number().int() })
  },

  // ---- withdrawals (RULES.md §5) and the standard form (§9) ----
  withdrawalRecord: {
    channel: 'withdrawal:record',
    kind: 'command',
    access: actingRoles,
    request: z
      .strictObject({
        vin: vinSchema,
        idempotencyKey,
        subject: z.enum(['connected', 'purchase']),
        purchaseId: z.string().max(64).optional(),
        noticeChannel: recordedNoticeChannel,
        noticeSentAt: isoDate,
        noticeReceivedAt: isoDate,
        consumers: z.array(printable(120)).min(1, { error: 'field.consumersMin' }).max(2, { error: 'field.consumersMax' }),
        address: printable(400, true),
        startRequested: z.boolean(),
        serviceStartedAt: isoDate.optional(),
        agentShare: minorUnits.nonnegative().optional(),
        agentShareReason: shortText(500).optional(),
        fullyPerformed: z.boolean().optional(),
        decision: z.enum(['accept', 'refuse']),
        note: shortText(500).optional(),
        emergencyCallLossNoted: z.boolean().optional(),
        /** The language the consequences were read out in; absent: the customer's language on record. */
        readOutLanguage: customerLanguage.optional()
      })
      .refine((r) => r.subject !== 'purchase' || !!r.purchaseId, { message: 'field.purchaseRequired', path: ['purchaseId'] })
      .refine((r) => r.noticeReceivedAt >= r.noticeSentAt, { message: 'field.noticeReceivedBeforeSent', path: ['noticeReceivedAt'] }),
    response: z.object({ case: withdrawalCaseDoc, simCommandId: z.string().nullable() })
  },
  refundRecord: {
    channel: 'refund:record',
    kind: 'command',
    access: ['hotline', 'supervisor'],
    request: z.strictObject({
      caseId,
      idempotencyKey,
      amount: minorUnits.positive({ error: 'field.amountPositive' }),
      paidOn: isoDate,
      method: refundMethod,
      reference: shortText(80).optional()
    }),
    response: z.object({ case: withdrawalCaseDoc })
  },
  caseTimeline: {
    channel: 'case:timeline',
    kind: 'query',
    access: 'agent',
    request: z.strictObject({ caseId }),
    response: z.array(z.object({ at: z.string(), agentName: z.string().nullable(), action: z.string(), outcome: z.string(), reason: z.string().nullable(), details: z.unknown() }))
  },
  formRender: {
    channel: 'form:render',
    kind: 'command',
    access: 'agent',
    request: formSource,
    response: z.object({ fileName: z.string(), pdfBase64: z.string(), pages: z.number().int(), warnings: z.array(z.string()) })
  },
  formSave: {
    channel: 'form:save',
    kind: 'command',
    access: 'agent',
    request: formSource,
    response: z.object({ path: z.string().nullable() })
  },
  formOpen: {
    channel: 'form:open',
    kind: 'command',
    access: 'agent',
    request: formSource,
    response: z.object({ path: z.string() })
  },

  // ---- bulk SIM jobs (issue 16): a file of VINs, previewed, then run as one job in main ----
  bulkPreview: {
    channel: 'bulk:preview',
    kind: 'query',
    access: actingRoles,
    request: z.strictObject(bulkFile),
    response: z.object({ rows: z.array(bulkPreviewRow), counts: z.object({ ready: z.number().int(), refused: z.number().int(), notUnderstood: z.number().int() }) })
  },
  bulkStart: {
    channel: 'bulk:start',
    kind: 'command',
    access: actingRoles,
    request: z.strictObject({ ...bulkFile, idempotencyKey }),
    response: bulkJobDoc
  },
  bulkJobs: {
    channel: 'bulk:jobs',
    kind: 'query',
    access: actingRoles,
    request: empty,
    response: z.array(bulkJobDoc)
  },
  /** Polled while a job runs: not the agent's activity. */
  bulkJobGet: {
    channel: 'bulk:job',
    kind: 'query',
    background: true,
    access: actingRoles,
    request: z.strictObject({ jobId }),
    response: bulkJobDoc
  },
  bulkJobRows: {
    channel: 'bulk:job-rows',
    kind: 'query',
    access: actingRoles,
    request: z.strictObject({ jobId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(200) }),
    response: z.object({ rows: z.array(bulkJobRow), total: z.number().int() })
  },
  bulkPause: { channel: 'bulk:pause', kind: 'command', access: actingRoles, request: z.strictObject({ jobId }), response: bulkJobDoc },
  bulkResume: { channel: 'bulk:resume', kind: 'command', access: actingRoles, request: z.strictObject({ jobId }), response: bulkJobDoc },
  bulkCancel: { channel: 'bulk:cancel', kind: 'command', access: actingRoles, request: z.strictObject({ jobId }), response: bulkJobDoc },

  // ---- the acknowledgement of receipt of a withdrawal (Directive 2011/83/EU art. 11(3)) ----
  acknowledgementRender: {
    channel: 'acknowledgement:render',
    kind: 'query',
    access: 'agent',
    request: z.strictObject({ caseId }),
    response: z.object({ fileName: z.string(), pdfBase64: z.string(), pages: z.number().int(), language: customerLanguage, email: z.object({ subject: z.string(), body: z.string() }) })
  },
  /** The agent printed, downloaded or copied it for an e-mail: recorded on the case's timeline. */
  acknowledgementRecord: {
    channel: 'acknowledgement:record',
    kind: 'command',
    access: 'agent',
    request: z.strictObject({ caseId, how: z.enum(['pdf', 'email']), idempotencyKey }),
    response: z.object({ at: z.string() })
  },

  // ---- settings and audit ----
  settingsGet: {
    channel: 'settings:get',
    kind: 'query',
    access: 'agent',
    request: empty,
    response: settingsValues
  },
  settingsSet: {
    channel: 'settings:set',
    kind: 'command',
    access: ['supervisor'],
    request: settingChange,
    response: settingsValues
  },
  auditList: {
    channel: 'audit:list',
    kind: 'query',
    access: ['supervisor'],
    request: auditFilter.extend({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }),
    response: z.object({ rows: z.array(auditRow), total: z.number().int() })
  },
  auditExport: {
    channel: 'audit:export',
    kind: 'query',
    access: ['supervisor'],
    request: auditFilter,
    response: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })
  }
} as const satisfies Record<string, { channel: string; kind: Kind; background?: true; access: Access; request: z.ZodType; response: z.ZodType }>

/** Main → renderer pushes. Payloads are data only; the renderer never sees Electron's event object. */
export const events = {
  syncChanged: { channel: 'event:sync-changed', payload: z.object({ head: z.number().int() }) },
  /** An update is downloaded; sent again whenever the number of pending SIM commands may have changed. */
  updateReady: { channel: 'event:update-ready', payload: z.object({ version: z.string(), pendingCommands: z.number().int().min(0) }) }
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export type EventName = keyof typeof events
export type Request<M extends Method> = z.input<Contract[M]['request']>
export type ParsedRequest<M extends Method> = z.output<Contract[M]['request']>
export type Response<M extends Method> = z.output<Contract[M]['response']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>
export type AgentSummary = z.output<typeof agentSummary>
export type SettingsValues = z.output<typeof settingsValues>
export type Recipient = z.output<typeof recipient>
export type AuditRowDoc = z.output<typeof auditRow>
export type CallerStatusDoc = z.output<typeof callerStatus>
export type FormSource = z.output<typeof formSource>
export type StoryEventDoc = z.output<typeof storyEvent>
export type NoteDocument = z.output<typeof noteDoc>
export type AttentionRowDoc = z.output<typeof attentionRow>
export type BulkPreviewRow = z.output<typeof bulkPreviewRow>
export type BulkJobDoc = z.output<typeof bulkJobDoc>
export type BulkJobRowDoc = z.output<typeof bulkJobRow>

/** What `window.api` is, in Electron (preload) and in the harness (HTTP bridge) alike. */
export type Api = {
  [M in Method]: (request: Request<M>) => Promise<ApiResult<Response<M>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export const methods = Object.keys(contract) as Method[]
export const eventNames = Object.keys(events) as EventName[]

const byChannel = new Map<string, Method>(methods.map((m) => [contract[m].channel, m]))
export function methodForChannel(channel: string): Method | undefined {
  return byChannel.get(channel)
}

/** Calls the app makes by itself: they never count as the agent's activity (idle sign-out). */
export function isBackground(method: Method): boolean {
  return 'background' in contract[method]
}

/** Whether a role may call a method: the renderer uses it to hide controls; main enforces it. */
export function mayCall(method: Method, agentRole: Role | null): boolean {
  const access: Access = contract[method].access
  if (access === 'public') return true
  if (!agentRole) return false
  return access === 'agent' || access.includes(agentRole)
}
