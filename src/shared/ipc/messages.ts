/**
 * Every message main can send the renderer: a key, and the names of its parameters. The renderer's message
 * files translate `errors.<key>` (src/renderer/src/i18n); the i18n check fails when a key here has no
 * translation in a locale. Parameters are data (dates ISO, amounts in minor units with their currency,
 * codes), formatted by the renderer in the agent's language.
 */
export const MESSAGES = {
  // ---- the request itself ----
  'request.unknownChannel': [],
  'request.forbiddenSender': [],
  'request.invalid': [],
  'request.unstorableText': [],
  'request.keyReused': [],
  'request.internal': [],
  'request.invalidAnswer': [],
  'request.unavailable': [],
  'request.rateLimited': ['retryAfterSeconds'],
  'request.tooLarge': [],

  // ---- fields of a request (issues) ----
  'field.required': [],
  'field.invalid': [],
  'field.notAllowed': [],
  'field.choice': [],
  'field.tooShort': ['min'],
  'field.tooLong': ['max'],
  'field.tooSmall': ['min'],
  'field.tooBig': ['max'],
  'field.whole': [],
  'field.date': [],
  'field.dateUnreal': [],
  'field.email': [],
  'field.vin': [],
  'field.uuid': [],
  'field.username': [],
  'field.passwordShort': ['min'],
  'field.dealerNumber': [],
  'field.dealerNeedsNumber': [],
  'field.caseId': [],
  'field.commandId': [],
  'field.controlCharacter': [],
  'field.unstorable': [],
  'field.noticeReceivedBeforeSent': [],
  'field.purchaseRequired': [],
  'field.consumersMin': [],
  'field.consumersMax': ['max'],
  'field.amountPositive': [],
  'field.maxLatencyBelowMin': [],

  // ---- signing in and accounts ----
  'auth.signedOut': [],
  'auth.roleForbidden': ['role'],
  'auth.wrongPassword': ['maxFailures', 'lockMinutes'],
  'auth.wrongPasswordLocked': ['minutes'],
  'auth.locked': ['until'],
  'auth.firstSupervisorExists': [],
  'agent.usernameTaken': ['username'],

  // ---- vehicles and who the agent acts for ----
  'vehicle.notFound': ['vin'],
  'vehicle.otherMarket': ['market'],
  'caller.locked': ['until'],
  'customer.languageNotServed': ['market', 'language'],
  'caller.verifyFirst': [],
  'caller.identityDocumentFirst': [],

  // ---- SIM commands ----
  'sim.noContract': [],
  'sim.legalEcallKept': [],
  'sim.assessmentChanged': ['expected', 'actual'],
  'sim.pending': [],
  'sim.alreadyRestricted': [],
  'sim.alreadyDeactivated': [],
  'sim.contractWithdrawn': [],
  'sim.contractEnded': [],
  'sim.acknowledgementRequired': [],
  'sim.alreadyActive': [],
  'sim.reactivateWithdrawn': [],
  'sim.reactivateEnded': [],
  'sim.commandNotFound': [],
  'sim.retryNotLatest': [],
  'sim.retryNotFailed': ['status'],

  // ---- withdrawals and refunds ----
  'withdrawal.noContract': [],
  'withdrawal.noPurchase': [],
  'withdrawal.receivedBeforeSent': [],
  'withdrawal.receivedInFuture': [],
  'withdrawal.sentBeforeConclusion': ['concludedAt'],
  'withdrawal.alreadyWithdrawn': [],
  'withdrawal.phoneNeedsVerification': [],
  'withdrawal.caseOpen': ['caseId'],
  'withdrawal.cannotAccept': ['refusal'],
  'withdrawal.cannotRefuse': [],
  'withdrawal.shareRequired': [],
  'withdrawal.shareReasonRequired': [],
  'withdrawal.emergencyCallLossNotice': [],
  'withdrawal.noRecipient': ['market'],
  'case.notFound': ['caseId'],
  'refund.nothingOwed': ['caseId'],
  'refund.moreThanOwed': ['remaining', 'currency'],
  'refund.inFuture': [],
  'refund.beforeNotice': [],

  // ---- settings ----
  'settings.recipientFixed': ['market'],

  // ---- bulk SIM jobs ----
  'bulk.notText': [],
  'bulk.fileEmpty': [],
  'bulk.fileTooLarge': ['maxKb'],
  'bulk.tooManyRows': ['max', 'rows'],
  'bulk.fileMalformed': ['line'],
  'bulk.columns': ['line', 'found'],
  'bulk.vinInvalid': ['vin'],
  'bulk.actionUnknown': ['action'],
  'bulk.duplicate': ['line'],
  'bulk.reasonInvalid': ['max'],
  'bulk.needsAcknowledgement': [],
  'bulk.nothingToRun': [],
  'bulk.roleForbidden': ['role'],
  'bulk.jobNotFound': [],
  'bulk.jobStatus': ['status'],

  // ---- the acknowledgement of receipt ----
  'acknowledgement.notAccepted': [],

  // ---- forms ----
  'form.noContract': [],
  'form.noPurchase': [],
  'form.desktopOnly': [],
  'form.noRecipient': [],
  'form.missingGlyph': ['character', 'codePoint'],
  'form.failed': [],

  // ---- updates of the desktop app ----
  'update.unavailable': [],
  'update.notDownloaded': [],
  'update.waitForCommands': ['count'],
  'update.waitForCalls': []
} as const satisfies Record<string, readonly string[]>

export type MessageKey = keyof typeof MESSAGES
export type MessageParams = Record<string, string | number | boolean | null>
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[]

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value)
}

/**
 * Why main recorded an audit line of its own (no agent's refusal): codes the renderer words under
 * `audit.reasons.<code>`, as the audit log and the case and vehicle timelines show them.
 */
export const AUDIT_REASONS = ['signed-out', 'taken-over', 'legal-ecall-at-confirmation', 'termination-effective'] as const
export type AuditReason = (typeof AUDIT_REASONS)[number]
