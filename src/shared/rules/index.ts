// The public surface of the market rules (RULES-API.md). Everything outside src/shared/rules imports
// from here (`@shared/rules`), never from the individual modules.
export type {
  Market,
  IsoDate,
  SimState,
  CustomerKind,
  SalesChannel,
  Currency,
  VehicleContract,
  VehicleFacts,
  VinFailureReason,
  VinValidation,
  SimDeactivationAssessment,
  SimReactivationAssessment,
  ContractKind,
  WithdrawalInput,
  WithdrawalRefusal,
  WithdrawalRecipient,
  WithdrawalAssessment
} from './types'
export { validateVin, normaliseVin, shortVin, VIN_LENGTH, SHORT_VIN_LENGTH } from './vin'
export {
  hasLegalEcall,
  hasLegalMapData,
  mustKeepSim,
  legalEcallEvidence,
  equipmentHolds,
  optionCodeVariants
} from './ecall'
export type { LegalEcallEvidence, LegalEcallSource } from './ecall'
export { LEGAL_ECALL_OPTION_CODES } from './catalogue'
