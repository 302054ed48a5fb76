// The fixed public types of RULES-API.md. Names and field names are a contract with code outside
// this module (renderer, main process, an external acceptance suite): add fields, never rename.

export type Market = 'DK' | 'SE' | 'PT' | 'BE' | 'LU'
/** ISO calendar date `YYYY-MM-DD`: no time, no zone. */
export type IsoDate = string
export type SimState = 'ACTIVE' | 'ECALL_ONLY' | 'DEACTIVATED'
export type CustomerKind = 'consumer' | 'business'
export type SalesChannel = 'on-premises' | 'distance' | 'off-premises'
export type Currency = 'DKK' | 'SEK' | 'EUR'

export interface VehicleContract {
  concludedAt: IsoDate
  customer: CustomerKind
  channel: SalesChannel
  status: 'active' | 'withdrawn' | 'terminated'
  /** Set while a termination is pending or after it took effect. */
  terminationEffectiveOn?: IsoDate
}

export interface VehicleFacts {
  vin: string
  market: Market
  /** null: not registered yet */
  firstRegistration: IsoDate | null
  /** null: not handed over to the customer yet */
  handedOverAt: IsoDate | null
  /** Option codes as printed: '6AE', '6AC', '6AF', '6FP', '6UM', '7GH', ... */
  equipment: string[]
  /** Type-approval data, when known. */
  euEcall?: boolean
  legalMapData?: boolean
  sim: SimState
  contract: VehicleContract
}

export type VinFailureReason = 'empty' | 'length' | 'forbidden-letter' | 'invalid-character'

export type VinValidation =
  | { ok: true; vin: string }
  | { ok: false; reason: VinFailureReason; message: string }

export interface SimDeactivationAssessment {
  allowed: boolean
  refusal?: 'already-deactivated' | 'contract-withdrawn' | 'contract-ended'
  targetState: 'ECALL_ONLY' | 'DEACTIVATED'
  /** true when no emergency call of any kind will work afterwards */
  emergencyCallLost: boolean
  /** the customer must acknowledge the loss (RULES.md §3) */
  requiresAcknowledgement: boolean
  contractEffect: 'withdrawal' | 'termination' | 'none'
  /** when contractEffect is 'termination' */
  terminationEffectiveOn?: IsoDate
  /** Clause and decision ids of clauses.ts (`Citation`), e.g. ['DK GTC 1.6 a)', 'D12']. */
  clauses: string[]
}

export interface SimReactivationAssessment {
  allowed: boolean
  refusal?: 'already-active' | 'contract-withdrawn' | 'contract-ended'
  /** a pending DK/SE termination is cancelled by reactivating */
  cancelsTermination: boolean
  clauses: string[]
}

export type ContractKind = 'connected' | 'service-inclusive'

export interface WithdrawalInput {
  market: Market
  /** 'service-inclusive' exists in DK only */
  contract: ContractKind
  customer: CustomerKind
  channel: SalesChannel
  concludedAt: IsoDate
  /** undefined: given at conclusion; null: never given (D7) */
  instructionsReceivedAt?: IsoDate | null
  /** dispatch (postmark, e-mail sent, call date) */
  noticeSentAt: IsoDate
  noticeReceivedAt: IsoDate
  currency: Currency
  /** price of what is withdrawn, minor units */
  price: number
  /** paid so far, minor units */
  paid: number
  /** consumer expressly asked for the service to start in the period */
  startRequested: boolean
  serviceStartedAt?: IsoDate
  /** length of the fixed term; undefined: no fixed term */
  termDays?: number
  /** share for a service with no fixed term, set by the agent */
  agentShare?: number
  /** fully performed at the consumer's express request (D8) */
  fullyPerformed?: boolean
}

export type WithdrawalRefusal = 'not-consumer' | 'channel-excluded' | 'fully-performed' | 'late'

export interface WithdrawalRecipient {
  name: string
  email: string
  address?: string
}

export interface WithdrawalAssessment {
  eligible: boolean
  refusal?: WithdrawalRefusal
  periodStart: IsoDate
  /** last day on which dispatch is in time (D6, D7) */
  deadline: IsoDate
  inTime: boolean
  refundDueBy: IsoDate
  /** what the consumer owes for services provided, minor units */
  charge: number
  /** paid - charge, never below 0 */
  refund: number
  recipient: WithdrawalRecipient
  clauses: string[]
}
