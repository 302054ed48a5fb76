import type { MessageKey, MessageParams } from '../ipc/messages'
import type { PurchaseDoc, VehicleDoc } from '../ipc/schemas'
import { addMonths, daysBetween, type WithdrawalAssessmentInput, type WithdrawalRecipient } from '../rules'

/**
 * What the agent enters about a withdrawal notice, mapped onto RULES-API `assessWithdrawal` with the
 * vehicle's records. The renderer's live preview and main's decision use this one mapping, so the
 * preview shows exactly what main will decide.
 */
export interface WithdrawalDetails {
  vin: string
  subject: 'connected' | 'purchase'
  purchaseId?: string | undefined
  noticeChannel: 'email' | 'letter' | 'phone' | 'form'
  noticeSentAt: string
  noticeReceivedAt: string
  consumers: string[]
  address: string
  startRequested: boolean
  serviceStartedAt?: string | undefined
  agentShare?: number | undefined
  agentShareReason?: string | undefined
  fullyPerformed?: boolean | undefined
}

export type WithdrawalInputResult =
  | { ok: true; input: WithdrawalAssessmentInput; purchase: PurchaseDoc | null }
  | { ok: false; code: 'no-contract' | 'no-purchase'; key: MessageKey }

export function withdrawalInput(vehicle: VehicleDoc, details: WithdrawalDetails, recipient: WithdrawalRecipient | null): WithdrawalInputResult {
  const contract = vehicle.contract
  if (!contract) return { ok: false, code: 'no-contract', key: 'withdrawal.noContract' }
  let purchase: PurchaseDoc | null = null
  if (details.subject === 'purchase') {
    purchase = vehicle.purchases.find((p) => p.id === details.purchaseId) ?? null
    if (!purchase) return { ok: false, code: 'no-purchase', key: 'withdrawal.noPurchase' }
  }
  const base = {
    market: vehicle.market,
    customer: contract.customer,
    noticeSentAt: details.noticeSentAt,
    noticeReceivedAt: details.noticeReceivedAt,
    startRequested: details.startRequested,
    ...(details.fullyPerformed ? { fullyPerformed: true } : {}),
    ...(details.agentShare !== undefined ? { agentShare: details.agentShare } : {}),
    ...(recipient ? { recipient } : {})
  }
  if (purchase) {
    const termDays = purchase.termMonths ? daysBetween(purchase.purchasedAt, addMonths(purchase.purchasedAt, purchase.termMonths)) : undefined
    return {
      ok: true,
      purchase,
      input: {
        ...base,
        contract: purchase.kind === 'service-inclusive' ? 'service-inclusive' : 'connected',
        channel: purchase.channel,
        concludedAt: purchase.purchasedAt,
        currency: purchase.currency,
        price: purchase.price,
        paid: purchase.paid,
        // SI 2.10: a package is activated as soon as it is paid; a store service starts when bought.
        ...(details.startRequested ? { serviceStartedAt: details.serviceStartedAt ?? purchase.purchasedAt } : {}),
        ...(termDays !== undefined ? { termDays } : {})
      }
    }
  }
  return {
    ok: true,
    purchase: null,
    input: {
      ...base,
      contract: 'connected',
      channel: contract.channel,
      concludedAt: contract.concludedAt,
      // D7: undefined = given at conclusion, null = never given, a date = received later.
      ...(contract.instructionsGiven ? (contract.instructionsReceivedAt ? { instructionsReceivedAt: contract.instructionsReceivedAt } : {}) : { instructionsReceivedAt: null }),
      currency: contract.currency,
      price: contract.price,
      paid: contract.paid,
      ...(details.startRequested && details.serviceStartedAt ? { serviceStartedAt: details.serviceStartedAt } : {})
    }
  }
}

export interface NoticeProblem {
  key: MessageKey
  params?: MessageParams
  /** `field` of the form the problem belongs to. */
  field: 'noticeSentAt' | 'noticeReceivedAt'
}

/**
 * Dates a notice cannot have: received before it was sent, received after today, or sent before the
 * contract or purchase was concluded (there was nothing to withdraw from yet). Main refuses them; the
 * dialog shows the same problems before the agent submits.
 */
export function noticeProblems(vehicle: VehicleDoc, details: Pick<WithdrawalDetails, 'subject' | 'purchaseId' | 'noticeSentAt' | 'noticeReceivedAt'>, today: string): NoticeProblem[] {
  const problems: NoticeProblem[] = []
  if (details.noticeReceivedAt < details.noticeSentAt) problems.push({ key: 'withdrawal.receivedBeforeSent', field: 'noticeReceivedAt' })
  if (details.noticeReceivedAt > today) problems.push({ key: 'withdrawal.receivedInFuture', field: 'noticeReceivedAt' })
  const concludedAt = details.subject === 'purchase' ? vehicle.purchases.find((p) => p.id === details.purchaseId)?.purchasedAt : vehicle.contract?.concludedAt
  if (concludedAt && details.noticeSentAt < concludedAt) problems.push({ key: 'withdrawal.sentBeforeConclusion', params: { concludedAt }, field: 'noticeSentAt' })
  return problems
}
