// Test helpers only: not exported from index.ts, never imported by app code.
import type { VehicleFacts } from './types'

export function vehicle(over: Partial<Omit<VehicleFacts, 'contract'>> & { contract?: Partial<VehicleFacts['contract']> } = {}): VehicleFacts {
  const { contract, ...rest } = over
  return {
    vin: 'WMW11DK0X02T12345',
    market: 'DK',
    firstRegistration: '2026-01-15',
    handedOverAt: '2026-01-20',
    equipment: [],
    sim: 'ACTIVE',
    ...rest,
    contract: {
      concludedAt: '2026-01-10',
      customer: 'consumer',
      channel: 'on-premises',
      status: 'active',
      ...contract
    }
  }
}
