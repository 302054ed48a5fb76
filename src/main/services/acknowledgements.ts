import type { AcknowledgementRequest } from '@shared/forms'
import type { ParsedRequest } from '@shared/ipc/contract'
import { recipientIsSetting } from '@shared/rules'
import type { VehicleDoc, WithdrawalCaseDoc } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { lockVehicle } from '../db/sql-locks'
import type { Audit } from './audit'
import { refuse, runOnce } from './command'
import { notFound, refused } from './errors'
import type { FormService } from './forms'
import type { Idempotency } from './idempotency'
import { mayActOnMarket, otherMarket } from './scope'
import type { VehicleService } from './vehicles'
import type { WithdrawalService } from './withdrawals'

/**
 * The acknowledgement of receipt of a withdrawal (Directive 2011/83/EU art. 11(3)): drawn from the case as
 * main holds it (the content and the PDF are the forms module's, src/shared/forms/acknowledgement.ts), in
 * the consumer's language, with the trader as sender (the rules catalogue's recipient, or the
 * market's recipient setting, D5). Showing it changes nothing; printing it or copying it into an e-mail is recorded on the
 * case's timeline (a command, audited).
 */
export interface AcknowledgementDeps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  withdrawals: Pick<WithdrawalService, 'recipientFor'>
  forms: FormService
  idempotency: Idempotency
}

export function createAcknowledgements(deps: AcknowledgementDeps) {
  const { db, clock, audit, vehicles, withdrawals, forms, idempotency } = deps

  async function caseOf(agent: SessionAgent, caseId: string): Promise<{ vehicle: VehicleDoc; c: WithdrawalCaseDoc }> {
    const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [caseId])).rows[0]
    if (!found) throw notFound('case.notFound', { caseId })
    const vehicle = await vehicles.getFor(agent, found.vin)
    return { vehicle, c: vehicle.cases.find((x) => x.id === caseId)! }
  }

  function request(vehicle: VehicleDoc, c: WithdrawalCaseDoc): AcknowledgementRequest {
    // A refused withdrawal is answered with its refusal, not with a confirmation that it takes effect.
    if (c.decision !== 'accepted') throw refused('acknowledgement.notAccepted')
    const trader = withdrawals.recipientFor(vehicle.market)
    if (recipientIsSetting(vehicle.market) && !trader) throw refused('withdrawal.noRecipient', { market: vehicle.market })
    const purchase = c.purchaseId ? vehicle.purchases.find((p) => p.id === c.purchaseId) : undefined
    return {
      caseNumber: c.id,
      market: vehicle.market,
      language: c.consumerLanguage ?? vehicle.customer.language,
      consumers: c.consumers,
      address: c.address,
      withdrawn: purchase
        ? { kind: 'purchase', name: purchase.name, reference: purchase.id, contract: c.contractKind }
        : { kind: 'connected-contract', reference: vehicle.contract?.id ?? c.id },
      noticeReceivedOn: c.noticeReceivedAt,
      refund: { currency: c.currency, amount: c.refund, charge: c.charge, ...(c.refundDueBy ? { dueOn: c.refundDueBy } : {}) },
      ...(trader ? { trader } : {}),
      issuedOn: clock.today()
    }
  }

  return {
    async render(agent: SessionAgent, caseId: string) {
      const { vehicle, c } = await caseOf(agent, caseId)
      const rendered = await forms.renderAcknowledgement(request(vehicle, c))
      return { fileName: rendered.fileName, pdfBase64: Buffer.from(rendered.bytes).toString('base64'), pages: rendered.pages, language: rendered.language, email: rendered.email }
    },

    async record(agent: SessionAgent, input: ParsedRequest<'acknowledgementRecord'>): Promise<{ at: string }> {
      // Two actions, so that the timeline and the audit say in words what was done with the letter.
      const action = input.how === 'pdf' ? 'case.acknowledgement-pdf' : 'case.acknowledgement-email'
      const { idempotencyKey, ...asked } = input
      const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [input.caseId])).rows[0]
      if (!found) throw notFound('case.notFound', { caseId: input.caseId })
      const { result } = await runOnce(db, audit, idempotency, { agentId: agent.id, method: 'acknowledgementRecord', key: idempotencyKey, request: asked, actor: agent, action }, async (tx) => {
        await lockVehicle(tx, found.vin)
        const vehicle = await vehicles.get(found.vin, tx)
        if (!mayActOnMarket(agent, vehicle.market)) refuse(otherMarket(vehicle.market), { actor: agent, action, vin: found.vin, caseId: input.caseId })
        const c = vehicle.cases.find((x) => x.id === input.caseId)!
        let built: AcknowledgementRequest
        try {
          built = request(vehicle, c)
        } catch (error) {
          refuse(error as never, { actor: agent, action, vin: found.vin, caseId: input.caseId })
        }
        const at = clock.now().toString()
        await audit.record(
          { actor: agent, action, vin: found.vin, caseId: input.caseId, outcome: 'ok', details: { how: input.how, language: built.language, issuedOn: built.issuedOn, refund: c.refund, currency: c.currency, refundDueBy: c.refundDueBy } },
          tx
        )
        return { at }
      })
      return result
    }
  }
}

export type Acknowledgements = ReturnType<typeof createAcknowledgements>
