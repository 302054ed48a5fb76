import type { StoryEventDoc } from '@shared/ipc/contract'
import { formatInstant, formatList, formatMoney } from './format'

type Translate = (key: string, params?: Record<string, unknown>) => string

/**
 * A story event in the agent's language: a title (what happened), a detail line (how it ended, why),
 * and the tone of its marker. Main sends codes and data (src/main/services/vehicle-story.ts); every
 * word is here. Keys are written out in full so that the i18n lint follows each one.
 */
export interface StoryLine {
  title: string
  detail: string | null
  tone: 'primary' | 'success' | 'warning' | 'danger' | 'info'
}

function failureWord(code: string, t: Translate): string {
  switch (code) {
    case 'name-mismatch':
      return t('story.failure.name')
    case 'vin-invalid':
    case 'vin-mismatch':
      return t('story.failure.vin')
    case 'customer-number-mismatch':
      return t('story.failure.customerNumber')
    case 'postcode-mismatch':
      return t('story.failure.postcode')
    default:
      return t('story.failure.secondFact')
  }
}

function requestTitle(e: Extract<StoryEventDoc, { kind: 'sim-request' }>, t: Translate): string {
  const target = t(`sim.state.${e.targetState}`)
  switch (e.origin) {
    case 'withdrawal':
      return t('story.simRequest.withdrawal', { target })
    case 'reconcile':
      return t('story.simRequest.reconcile', { target })
    case 'bulk':
      return t('story.simRequest.bulk', { target })
    default:
      return e.action === 'reactivate' ? t('story.simRequest.reactivate', { target }) : t('story.simRequest.deactivate', { target })
  }
}

function effectLine(e: Extract<StoryEventDoc, { kind: 'sim-request' }>, t: Translate): string | null {
  switch (e.contractEffect) {
    case 'withdrawal':
      return e.caseId ? t('story.effect.withdrawalCase', { id: e.caseId }) : t('story.effect.withdrawal')
    case 'termination':
      return t('story.effect.termination')
    case 'cancel-termination':
      return t('story.effect.cancelTermination')
    default:
      return e.caseId && e.origin !== 'agent' ? t('story.effect.forCase', { id: e.caseId }) : null
  }
}

function attemptLine(e: Extract<StoryEventDoc, { kind: 'sim-attempt' }>, t: Translate): StoryLine {
  const target = t(`sim.state.${e.targetState}`)
  const n = e.attempt ?? 1
  const cause = e.error ? t(`simError.${e.error}`) : null
  const next = e.nextAttemptAt ? t('story.attempt.nextAt', { time: formatInstant(e.nextAttemptAt) }) : null
  switch (e.outcome) {
    case 'confirmed':
      return { title: t('story.attempt.confirmed', { target }), detail: t('story.attempt.number', { n }), tone: 'success' }
    case 'failed':
      return { title: t('story.attempt.failed', { n }), detail: [cause, next].filter(Boolean).join(' ') || null, tone: 'danger' }
    case 'timed-out':
      return { title: t('story.attempt.timedOut', { n }), detail: next, tone: 'warning' }
    case 'retried':
      return { title: t('story.attempt.retried', { n }), detail: null, tone: 'primary' }
    case 'resumed':
      return { title: t('story.attempt.resumed', { n }), detail: null, tone: 'info' }
    default:
      return { title: t('story.attempt.stopped'), detail: cause, tone: 'danger' }
  }
}

export function storyLine(e: StoryEventDoc, t: Translate): StoryLine {
  switch (e.kind) {
    case 'note':
      return { title: t('story.note'), detail: e.text, tone: 'info' }
    case 'caller-verification':
      return e.passed
        ? { title: t('story.verified'), detail: null, tone: 'success' }
        : { title: t('story.verificationFailed'), detail: t('story.didNotMatch', { list: formatList([...new Set(e.failures.map((f) => failureWord(f, t)))]) }), tone: 'warning' }
    case 'identity-document':
      return { title: t('story.identityDocument', { document: t(`caller.documents.${e.document}`) }), detail: null, tone: 'success' }
    case 'sim-request':
      return { title: requestTitle(e, t), detail: effectLine(e, t), tone: 'primary' }
    case 'sim-attempt':
      return attemptLine(e, t)
    case 'withdrawal':
      return {
        title: e.decision === 'accepted' ? t('story.withdrawalAccepted', { id: e.caseId }) : t('story.withdrawalRefused', { id: e.caseId }),
        detail: [t(`cases.subject.${e.subject}`), e.source === 'sim-deactivation' ? t('story.fromSimRequest') : null].filter(Boolean).join(' · '),
        tone: e.decision === 'accepted' ? 'primary' : 'warning'
      }
    case 'refund':
      return { title: t('story.refund', { amount: formatMoney(e.amount, e.currency) }), detail: `${t(`refund.methods.${e.method}`)} · ${e.caseId}`, tone: 'success' }
    case 'form':
      return { title: e.blank ? t('story.formBlank') : t('story.form'), detail: e.caseId ? t('story.forCase', { id: e.caseId }) : e.contract === 'service-inclusive' ? t('story.formServiceInclusive') : t('story.formConnected'), tone: 'info' }
  }
}
