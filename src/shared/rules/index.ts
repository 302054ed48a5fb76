// The public surface of the market rules (RULES-API.md). Everything outside src/shared/rules imports
// from here (`@shared/rules`), never from the individual modules. Names and fields of RULES-API.md
// are fixed; everything else here is an addition.
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

// The markets (one list; `Market` derives from it)
export { MARKETS } from './markets'

// Clauses and decisions: what every `clauses` list holds (issue 12, point 4)
export { CLAUSES, DECISIONS, isClauseId, isDecisionId, isCitation } from './clauses'
export type { Clause, ClauseDocument, ClauseId, DecisionId, Citation } from './clauses'
export { CLAUSE_DOCUMENTS } from './clauses'

// §1 VIN
export { validateVin, normaliseVin, shortVin, VIN_LENGTH, SHORT_VIN_LENGTH } from './vin'

// §1 legal eCall (D1)
export {
  hasLegalEcall,
  hasLegalMapData,
  mustKeepSim,
  legalEcallEvidence,
  equipmentHolds,
  optionCodeVariants
} from './ecall'
export type { LegalEcallEvidence, LegalEcallSource } from './ecall'

// §2–§4 SIM
export {
  assessSimDeactivation,
  assessSimReactivation,
  deactivationTarget,
  isTargetStateAllowed,
  contractStateOn,
  isHandedOver,
  SIM_WARNING_TEXT
} from './sim'
export type {
  SimDeactivationDetail,
  SimReactivationDetail,
  SimReactivationOptions,
  SimWarningKey,
  KeptFunction,
  LostFunction,
  ContractState
} from './sim'

// §5 withdrawal
export { assessWithdrawal, withdrawalRule, withdrawalDeadline, mulDivRoundHalfUp, RECIPIENT_PLACEHOLDER } from './withdrawal'
export type { WithdrawalAssessmentDetail, WithdrawalAssessmentInput, WithdrawalInputExtras, ChargeFormula } from './withdrawal'

// D6 / D13 calendar
export {
  toPlainDate,
  isIsoDate,
  addDays,
  addWeeks,
  addMonths,
  addYears,
  daysBetween,
  compareDates,
  dayOfWeek,
  publicHolidays,
  publicHoliday,
  isWorkingDay,
  nonWorkingReason,
  rollForward,
  periodEnd,
  describeShifts
} from './calendar'
export type { DeadlineShift, NonWorkingReason, PublicHoliday, RolledDate } from './calendar'

// §6 services
export { listServices, packagesForEquipment, isAmbiguousEquipment, isLegalService } from './services'
export type {
  ServicePurchase,
  ServiceVehicle,
  ServiceValidityInput,
  ServiceGrant,
  ServiceStatus,
  ServiceValidity,
  ServiceListing
} from './services'

// §7 termination
export {
  oneMonthAfter,
  sixWeeksAfter,
  customerContractTermination,
  nextDuePaymentDate,
  recurringServiceTermination,
  vehicleSoldServiceTermination,
  ptServiceTermination,
  miniTermination,
  terminationAfterHandoverEffectiveOn
} from './termination'
export type { TerminationResult } from './termination'

// §8 caller verification (D11)
export {
  verifyCaller,
  verificationLockout,
  normaliseName,
  normalisePostcode,
  normaliseCustomerNumber
} from './verification'
export type {
  CallerRecord,
  CallerClaim,
  VerificationFailure,
  VerificationResult,
  VerificationAttempt,
  LockoutState
} from './verification'

// Catalogue data (one place, each entry citing its seed line)
export {
  MARKET_INFO,
  WITHDRAWAL_RULES,
  SIM_RULES,
  SERVICE_CATALOGUES,
  DK_SE_BASIC_SERVICES,
  LEGAL_SERVICE_NAMES,
  BE_LU_PACKAGES,
  PT_PACKAGES,
  BE_DURATIONS,
  PT_DURATIONS,
  TERMINATION_RULES,
  VERIFICATION,
  LEGAL_ECALL_OPTION_CODES,
  MISSING_INSTRUCTIONS_EXTENSION_MONTHS,
  RECIPIENT_SETTING_MARKETS,
  recipientIsSetting,
  withdrawalContracts
} from './catalogue'
export type {
  SourceRef,
  LegalEntity,
  MarketInfo,
  WithdrawalRule,
  WithdrawalRecipientData,
  SimMarketRule,
  DurationDef,
  DurationLabel,
  PackageDef,
  ServiceGrantDef,
  ServiceCatalogue,
  TerminationRules
} from './catalogue'
