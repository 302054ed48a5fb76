/**
 * The vehicle as the back office sees it: one aggregate per VIN, denormalised so that the renderer cache
 * can answer a lookup with a single read. The main-process database is normalised; this is the shape that
 * crosses IPC and lives in Dexie. Zod schemas live in `../ipc/schemas.ts`; these types are inferred there
 * and re-exported here so domain code does not depend on the transport.
 */
export type {
  Market,
  SimState,
  CustomerKind,
  SalesChannel,
  Currency,
  CustomerDoc,
  ContractDoc,
  PurchaseDoc,
  VehicleDoc,
  SimCommandDoc,
  WithdrawalCaseDoc
} from '../ipc/schemas'

export const MARKETS = ['DK', 'SE', 'PT', 'BE', 'LU'] as const
export const SIM_STATES = ['ACTIVE', 'ECALL_ONLY', 'DEACTIVATED'] as const
export const CURRENCY_BY_MARKET = { DK: 'DKK', SE: 'SEK', PT: 'EUR', BE: 'EUR', LU: 'EUR' } as const
