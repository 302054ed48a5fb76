import { describe, expect, it } from 'vitest'
import { bulkJobDoc, bulkJobRow, bulkPreviewRow, contract } from '@shared/ipc/contract'
import { ERROR_CODES } from '@shared/ipc/errors'
import { AUDIT_REASONS, MESSAGE_KEYS } from '@shared/ipc/messages'
import { contractDoc, contractEffect, customerKind, market, noticeChannel, purchaseDoc, refundMethod, role, salesChannel, simCommandDoc, simCommandStatus, simErrorCode, simState, withdrawalCaseDoc } from '@shared/ipc/schemas'
import type { ChargeFormula, ContractKind, KeptFunction, LostFunction, NonWorkingReason, ServiceStatus, SimDeactivationAssessment, SimReactivationAssessment, VerificationFailure, WithdrawalRefusal } from '@shared/rules'
import { CLAUSE_DOCUMENTS } from '../clauses'
import { UI_LOCALES } from './locales'
import en from './locales/en.json'

/**
 * What the linter cannot follow (eslint.config.js, DYNAMIC_KEY_NAMESPACES): keys built from a data value
 * must exist for every value and for nothing else. Type-only unions are listed as objects the compiler
 * checks for completeness, so a new value fails the typecheck until it has words.
 */
const all = <T extends string>(values: Record<T, true>) => Object.keys(values)
const auditOutcome = contract.auditList.response.shape.rows.element.shape.outcome

const NAMESPACES: Record<string, readonly string[]> = {
  'errors.code': ERROR_CODES,
  market: market.options,
  role: role.options,
  channel: salesChannel.options,
  customerKind: customerKind.options,
  'sim.state': simState.options,
  'sim.refusal': all<NonNullable<SimDeactivationAssessment['refusal']>>({ 'already-deactivated': true, 'contract-withdrawn': true, 'contract-ended': true }),
  'sim.reactivationRefusal': all<NonNullable<SimReactivationAssessment['refusal']>>({ 'already-active': true, 'contract-withdrawn': true, 'contract-ended': true }),
  'assessment.kept': all<KeptFunction>({ 'legal-ecall': true, 'psap-voice-call': true, 'legal-map-data': true }),
  'assessment.lost': all<LostFunction>({ 'intelligent-ecall': true, 'connected-services': true, 'emergency-call': true, 'online-parts-of-activated-functions': true }),
  'assessment.effect': contractEffect.options,
  'contract.statuses': contractDoc.shape.status.options,
  'purchases.statuses': purchaseDoc.shape.status.options,
  'services.statuses': all<ServiceStatus>({ active: true, expired: true, 'not-started': true, 'pending-registration': true }),
  'simCommand.status': simCommandStatus.options,
  'simCommand.action': simCommandDoc.shape.action.options,
  'simCommand.explain': simCommandStatus.options.filter((s) => s === 'failed' || s === 'timed-out'),
  'caller.documents': contract.callerIdentityDocument.request.shape.kind.options,
  'caller.failures': all<VerificationFailure>({ 'name-mismatch': true, 'vin-invalid': true, 'vin-mismatch': true, 'no-second-factor': true, 'customer-number-mismatch': true, 'postcode-mismatch': true }),
  'withdrawal.channels': noticeChannel.options,
  'withdrawal.refusals': all<WithdrawalRefusal>({ 'not-consumer': true, 'channel-excluded': true, 'fully-performed': true, late: true }),
  'withdrawal.formula': all<ChargeFormula['kind']>({ none: true, 'pro-rata': true, 'agent-set': true, 'agent-required': true, 'no-start-date': true, 'all-refunded': true }),
  'withdrawal.dayKinds': all<NonWorkingReason>({ saturday: true, sunday: true, holiday: true }),
  'cases.subject': withdrawalCaseDoc.shape.subject.options,
  'cases.status': withdrawalCaseDoc.shape.status.options,
  'cases.decisions': withdrawalCaseDoc.shape.decision.options,
  'refund.methods': refundMethod.options,
  'audit.outcomes': auditOutcome.options,
  'audit.reasons': AUDIT_REASONS,
  'clauses.documents': CLAUSE_DOCUMENTS,
  simError: simErrorCode.options,
  'forms.contracts': all<ContractKind>({ connected: true, 'service-inclusive': true }),
  'bulk.outcome': bulkPreviewRow.shape.outcome.options,
  'bulk.action': bulkPreviewRow.shape.action.unwrap().options,
  'bulk.jobStatus': bulkJobDoc.shape.status.options,
  'bulk.rowStatus': bulkJobRow.shape.status.options,
  'errors.refusal': all<WithdrawalRefusal>({ 'not-consumer': true, 'channel-excluded': true, 'fully-performed': true, late: true })
}

/** Audit actions main records (src/main/services), by message key: dots become dashes. */
const AUDIT_ACTIONS = [
  'agent.create', 'agent.create-first-supervisor', 'auth.sign-in', 'auth.sign-out', 'caller.verify', 'caller.identity-document', 'settings.change',
  'sim.deactivate', 'sim.reactivate', 'sim.confirmed', 'sim.failed', 'sim.timed-out', 'sim.retry', 'sim.resumed', 'sim.invariant-stop',
  'withdrawal.record', 'refund.record', 'form.generate', 'sim.reconcile', 'agent.set-language', 'app.update-install',
  'contract.ended', 'case.acknowledgement-pdf', 'case.acknowledgement-email',
  'bulk.start', 'bulk.pause', 'bulk.resume', 'bulk.cancel', 'bulk.done', 'bulk.resumed'
].map((a) => a.replace(/\./g, '-'))

type Tree = { [key: string]: string | Tree }
function at(tree: Tree, path: string): Tree {
  return path.split('.').reduce<Tree>((node, part) => node[part] as Tree, tree)
}
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v)
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv)
  }
  return out
}
const placeholders = (message: string) => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
const forms = (message: string) => message.split(' | ').length

const locales = Object.fromEntries(await Promise.all(UI_LOCALES.map(async (l) => [l, (await import(`./locales/${l}.json`)).default as Tree]))) as Record<string, Tree>

describe('message files', () => {
  it.each(Object.entries(NAMESPACES))('%s has words for exactly its values', (namespace, values) => {
    expect(Object.keys(at(en, namespace)).sort()).toEqual([...values].sort())
  })

  it('has words for every message main can send, with its parameters', () => {
    const english = leaves(en)
    for (const key of MESSAGE_KEYS) {
      const message = english.get(`errors.${key}`)
      expect(message, `errors.${key}`).toBeDefined()
    }
    for (const key of english.keys()) {
      if (!key.startsWith('errors.') || /^errors\.(code|refusal|unavailable|fieldsNeedAttention)/.test(key)) continue
      expect(MESSAGE_KEYS as readonly string[], `${key} is not a message main sends`).toContain(key.slice('errors.'.length))
    }
  })

  it('cases.events has words only for actions main records', () => {
    for (const key of Object.keys(en.cases.events)) expect(AUDIT_ACTIONS).toContain(key)
  })

  it.each(UI_LOCALES.filter((l) => l !== 'en'))('%s has every English key, no other, with the same placeholders and plural forms', (locale) => {
    const mine = leaves(locales[locale]!)
    const english = leaves(en)
    expect([...mine.keys()].sort()).toEqual([...english.keys()].sort())
    for (const [key, message] of english) {
      expect(placeholders(mine.get(key)!), `${locale} ${key}`).toEqual(placeholders(message))
      expect(forms(mine.get(key)!), `${locale} ${key}`).toBe(forms(message))
    }
  })
})
