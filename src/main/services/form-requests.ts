import type { WithdrawalFormRequest } from '@shared/forms'
import type { FormSource } from '@shared/ipc/contract'
import { recipientIsSetting } from '@shared/rules'
import type { VehicleDoc } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import type { Audit } from './audit'
import { notFound, refused, ServiceError } from './errors'
import type { FormService, RenderedForm } from './forms'
import type { VehicleService } from './vehicles'
import type { WithdrawalService } from './withdrawals'

/**
 * Which form, filled with what (RULES.md §9), and its printing. The renderer names a source (blank, a
 * vehicle, a case); main fills the form from its own records, so what is printed is what the database
 * holds, and only for a vehicle the agent may see. Every print is audited (and shows on the timeline).
 */
function consumerName(v: VehicleDoc): string {
  return [v.customer.firstName, v.customer.lastName].filter(Boolean).join(' ') || (v.customer.companyName ?? '')
}

function addressOf(v: VehicleDoc): string {
  return `${v.customer.street}\n${v.customer.postcode} ${v.customer.city}\n${v.customer.country}`
}

/** The desktop's own file handling (Electron only): the harness has none and says so. */
export interface DesktopPort {
  /** Asks where to save; resolves with the path, or null when the agent cancelled. */
  saveFile(defaultName: string, bytes: Uint8Array): Promise<string | null>
  /** Writes a temporary copy and opens it in the system's PDF viewer. */
  openFile(name: string, bytes: Uint8Array): Promise<string>
}

export function requireDesktop(desktop: DesktopPort | undefined): DesktopPort {
  if (!desktop) throw new ServiceError('unavailable', 'form.desktopOnly')
  return desktop
}

export function createFormPrinting(deps: { db: Database; clock: Clock; audit: Audit; vehicles: VehicleService; withdrawals: WithdrawalService; forms: FormService }) {
  const { db, clock, audit, vehicles, withdrawals, forms } = deps

  function recipient(market: VehicleDoc['market']) {
    const r = withdrawals.recipientFor(market)
    if (recipientIsSetting(market) && !r) throw refused('withdrawal.noRecipient', { market })
    return r ? { recipient: r } : {}
  }

  async function build(source: FormSource, agent: SessionAgent): Promise<WithdrawalFormRequest> {
    const generatedOn = clock.today()
    if (source.source === 'blank') {
      return { market: source.market, contract: source.contract, mode: 'blank', generatedOn, ...(source.language ? { language: source.language } : {}), ...recipient(source.market) }
    }
    if (source.source === 'vehicle') {
      const v = await vehicles.getFor(agent, source.vin)
      const purchase = source.purchaseId ? v.purchases.find((p) => p.id === source.purchaseId) : undefined
      if (source.purchaseId && !purchase) throw notFound('form.noPurchase')
      if (!purchase && !v.contract) throw refused('form.noContract')
      return {
        market: v.market,
        contract: purchase?.kind === 'service-inclusive' ? 'service-inclusive' : 'connected',
        mode: 'prefilled',
        consumers: [consumerName(v)],
        address: addressOf(v),
        orderedOn: purchase?.purchasedAt ?? v.contract!.concludedAt,
        services: purchase ? purchase.name : 'MINI Connected',
        generatedOn,
        // RULES.md §9: the consumer's language, where the market has several.
        language: v.customer.language,
        ...recipient(v.market)
      }
    }
    const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [source.caseId])).rows[0]
    if (!found) throw notFound('case.notFound', { caseId: source.caseId })
    const v = await vehicles.getFor(agent, found.vin)
    const c = v.cases.find((x) => x.id === source.caseId)!
    const purchase = c.purchaseId ? v.purchases.find((p) => p.id === c.purchaseId) : undefined
    return {
      market: v.market,
      contract: c.contractKind,
      mode: 'prefilled',
      consumers: c.consumers,
      address: c.address,
      orderedOn: purchase?.purchasedAt ?? v.contract?.concludedAt ?? c.noticeSentAt,
      services: purchase ? purchase.name : 'MINI Connected',
      signedOn: c.noticeSentAt,
      caseNumber: c.id,
      generatedOn,
      language: c.consumerLanguage ?? v.customer.language,
      ...recipient(v.market)
    }
  }

  return {
    /** Builds and draws the form, and audits it (also when refused). */
    async render(source: FormSource, agent: SessionAgent, how: 'download' | 'save' | 'open'): Promise<RenderedForm> {
      const where = { caseId: source.source === 'case' ? source.caseId : null, vin: source.source === 'vehicle' ? source.vin : null }
      try {
        const request = await build(source, agent)
        const rendered = await forms.render(request)
        await audit.record({ actor: agent, action: 'form.generate', ...where, outcome: 'ok', details: { how, market: request.market, contract: request.contract, mode: request.mode, fileName: rendered.fileName } })
        return rendered
      } catch (error) {
        const key = error instanceof ServiceError ? error.key : 'form.failed'
        await audit.record({ actor: agent, action: 'form.generate', ...where, outcome: error instanceof ServiceError && error.code === 'forbidden' ? 'denied' : 'refused', reason: key })
        throw error
      }
    }
  }
}

export type FormPrinting = ReturnType<typeof createFormPrinting>
