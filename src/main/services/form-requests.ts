import type { WithdrawalFormRequest } from '@shared/forms'
import type { FormSource } from '@shared/ipc/contract'
import type { VehicleDoc } from '@shared/ipc/schemas'
import type { Clock } from '../config'
import type { Database } from '../db/database'
import { ServiceError } from './errors'
import type { VehicleService } from './vehicles'
import type { WithdrawalService } from './withdrawals'

/**
 * Which form, filled with what (RULES.md §9). The renderer names a source (blank, a vehicle, a case);
 * main fills the form from its own records, so what is printed is what the database holds.
 */
function consumerName(v: VehicleDoc): string {
  return [v.customer.firstName, v.customer.lastName].filter(Boolean).join(' ') || (v.customer.companyName ?? '')
}

function addressOf(v: VehicleDoc): string {
  return `${v.customer.street}\n${v.customer.postcode} ${v.customer.city}\n${v.customer.country}`
}

export function createFormRequests(db: Database, clock: Clock, vehicles: VehicleService, withdrawals: WithdrawalService) {
  function recipient(market: VehicleDoc['market']) {
    const r = withdrawals.recipientFor(market)
    return r ? { recipient: r } : {}
  }

  return {
    async build(source: FormSource): Promise<WithdrawalFormRequest> {
      const generatedOn = clock.today()
      if (source.source === 'blank') {
        return { market: source.market, contract: source.contract, mode: 'blank', generatedOn, ...recipient(source.market) }
      }
      if (source.source === 'vehicle') {
        const v = await vehicles.get(source.vin)
        const purchase = source.purchaseId ? v.purchases.find((p) => p.id === source.purchaseId) : undefined
        if (source.purchaseId && !purchase) throw new ServiceError('not-found', 'That purchase is not on this vehicle.')
        if (!purchase && !v.contract) throw new ServiceError('refused', 'This vehicle has no MINI Connected contract on record.')
        return {
          market: v.market,
          contract: purchase?.kind === 'service-inclusive' ? 'service-inclusive' : 'connected',
          mode: 'prefilled',
          consumers: [consumerName(v)],
          address: addressOf(v),
          orderedOn: purchase?.purchasedAt ?? v.contract!.concludedAt,
          services: purchase ? purchase.name : 'MINI Connected',
          generatedOn,
          ...recipient(v.market)
        }
      }
      const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [source.caseId])).rows[0]
      if (!found) throw new ServiceError('not-found', `There is no case ${source.caseId}.`)
      const v = await vehicles.get(found.vin)
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
        ...recipient(v.market)
      }
    }
  }
}

/** The desktop's own file handling (Electron only): the harness has none and says so. */
export interface DesktopPort {
  /** Asks where to save; resolves with the path, or null when the agent cancelled. */
  saveFile(defaultName: string, bytes: Uint8Array): Promise<string | null>
  /** Writes a temporary copy and opens it in the system's PDF viewer. */
  openFile(name: string, bytes: Uint8Array): Promise<string>
}

export function requireDesktop(desktop: DesktopPort | undefined): DesktopPort {
  if (!desktop) throw new ServiceError('unavailable', 'Saving and opening files needs the desktop app; in this browser, use Download.')
  return desktop
}
