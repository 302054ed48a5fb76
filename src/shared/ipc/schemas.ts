import { z } from 'zod'
import { MARKETS } from '../rules'

/**
 * Runtime schemas of everything that crosses the process boundary. Main validates every request against
 * them (the renderer is never trusted); the renderer validates what it stores in its cache, so a broken
 * main process cannot poison the cache either.
 */

/**
 * A calendar date this tool can mean: a real day between 1900 and 2199 (PostgreSQL stores year 0000 as
 * nothing at all, and no contract of this fleet is older or that far ahead).
 */
export const isoDate = z.iso
  .date({ error: 'field.date' })
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { error: 'field.dateUnreal' })
export const market = z.enum(MARKETS)

/**
 * A dealer number: the dealer's market, a hyphen and five digits ('DK-24031'). The market in it decides
 * where dealer staff act (D2), so the markets in the pattern are MARKETS themselves.
 */
const DEALER_NUMBER = new RegExp(`^(${MARKETS.join('|')})-\\d{5}$`)
export const dealerNumber = z.string().trim().regex(DEALER_NUMBER, { error: 'field.dealerNumber' })

/** The market a dealer number names; null when it is not a dealer number. */
export function marketOfDealerNumber(value: string): Market | null {
  return (DEALER_NUMBER.exec(value)?.[1] as Market | undefined) ?? null
}
/** The languages customers are served in (RULES.md §9); the market's first is its default. */
export const customerLanguage = z.enum(['da', 'sv', 'pt', 'fr', 'nl', 'de'])
/** The languages of the tool itself. */
export const agentLanguage = z.enum(['en', 'da', 'sv', 'pt-PT', 'fr', 'nl', 'de'])
export const simState = z.enum(['ACTIVE', 'ECALL_ONLY', 'DEACTIVATED'])
export const customerKind = z.enum(['consumer', 'business'])
export const salesChannel = z.enum(['on-premises', 'distance', 'off-premises'])
export const currency = z.enum(['DKK', 'SEK', 'EUR'])
export const role = z.enum(['dealer', 'hotline', 'supervisor'])
/** Money is integer minor units (øre, öre, cents); never floats. */
export const minorUnits = z.number().int().safe()

/** A full VIN as stored: the rules module decides validity for user input; this only guards the shape. */
export const vinSchema = z
  .string()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/, { error: 'field.vin' })

export const customerDoc = z.object({
  id: z.string(),
  kind: customerKind,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  country: z.string(),
  customerNumber: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: customerLanguage
})

export const contractDoc = z.object({
  id: z.string(),
  concludedAt: isoDate,
  customer: customerKind,
  channel: salesChannel,
  status: z.enum(['active', 'withdrawn', 'terminated']),
  terminationEffectiveOn: isoDate.nullable(),
  /** undefined/null semantics of RULES-API: `instructionsGiven` false means never given (D7). */
  instructionsGiven: z.boolean(),
  instructionsReceivedAt: isoDate.nullable(),
  currency,
  price: minorUnits,
  paid: minorUnits
})

export const purchaseDoc = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['connected-service', 'service-inclusive']),
  purchasedAt: isoDate,
  channel: salesChannel,
  currency,
  price: minorUnits,
  paid: minorUnits,
  termMonths: z.number().int().positive().nullable(),
  status: z.enum(['active', 'withdrawn', 'ended'])
})

export const simCommandStatus = z.enum(['pending', 'confirmed', 'failed', 'timed-out'])
/**
 * Why an attempt failed: the unit or the network refused (the first four), it did not answer in time, or
 * the tool stopped it (legal eCall found at execution). Codes, worded by the renderer.
 */
export const simErrorCode = z.enum(['unit-rejected', 'profile-error', 'network-refused', 'telematics-failed', 'no-answer', 'invariant-stop'])
export type SimErrorCode = z.infer<typeof simErrorCode>
export const contractEffect = z.enum(['withdrawal', 'termination', 'none', 'cancel-termination'])

export const simCommandDoc = z.object({
  id: z.string(),
  vin: vinSchema,
  action: z.enum(['deactivate', 'reactivate']),
  fromState: simState,
  targetState: simState,
  status: simCommandStatus,
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  agentName: z.string(),
  contractEffect,
  terminationEffectiveOn: isoDate.nullable(),
  /** Who asked: an agent, a withdrawal (its SIM change), the tool bringing a withdrawn contract's SIM in line, a bulk job. */
  origin: z.enum(['agent', 'withdrawal', 'reconcile', 'bulk']),
  caseId: z.string().nullable(),
  /** Commands a withdrawal or termination requires are retried by themselves: the next attempt, while waiting. */
  nextAttemptAt: z.string().nullable()
})

export const noticeChannel = z.enum(['email', 'letter', 'phone', 'form', 'sim-request'])
/** How a notice an agent records reached MINI: every channel but a SIM request, which main records itself. */
export const recordedNoticeChannel = noticeChannel.exclude(['sim-request'])
/** The identity documents dealer staff may record having checked (RULES.md §8, D11). */
export const identityDocumentKind = z.enum(['passport', 'national-id-card', 'driving-licence', 'residence-permit'])
export const refundMethod = z.enum(['original-means', 'bank-transfer', 'card-refund', 'other'])

export const withdrawalCaseDoc = z.object({
  id: z.string(),
  vin: vinSchema,
  subject: z.enum(['connected', 'purchase']),
  purchaseId: z.string().nullable(),
  contractKind: z.enum(['connected', 'service-inclusive']),
  source: z.enum(['agent', 'sim-deactivation']),
  decision: z.enum(['accepted', 'refused']),
  status: z.enum(['refund-due', 'closed', 'refused']),
  noticeChannel,
  noticeSentAt: isoDate,
  noticeReceivedAt: isoDate,
  consumers: z.array(z.string()),
  address: z.string(),
  currency,
  price: minorUnits,
  paid: minorUnits,
  charge: minorUnits,
  refund: minorUnits,
  refundDueBy: isoDate.nullable(),
  deadline: isoDate,
  refusal: z.enum(['not-consumer', 'channel-excluded', 'fully-performed', 'late']).nullable(),
  note: z.string().nullable(),
  consumerLanguage: customerLanguage.nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  closedAt: z.string().nullable(),
  refundPaid: minorUnits,
  payments: z.array(z.object({ amount: minorUnits, paidOn: isoDate, method: refundMethod, reference: z.string().nullable() }))
})

export const vehicleDoc = z.object({
  vin: vinSchema,
  shortVin: z.string().length(7),
  plate: z.string().nullable(),
  model: z.string(),
  market,
  firstRegistration: isoDate.nullable(),
  handedOverAt: isoDate.nullable(),
  equipment: z.array(z.string()),
  euEcall: z.boolean().nullable(),
  legalMapData: z.boolean().nullable(),
  sim: simState,
  dealerNumber: z.string().nullable(),
  customer: customerDoc,
  contract: contractDoc.nullable(),
  purchases: z.array(purchaseDoc),
  /** The latest SIM command (pending, or the last one finished), for the card's live status. */
  simCommand: simCommandDoc.nullable(),
  cases: z.array(withdrawalCaseDoc),
  rev: z.number().int()
})

export type Market = z.infer<typeof market>
export type SimState = z.infer<typeof simState>
export type CustomerKind = z.infer<typeof customerKind>
export type SalesChannel = z.infer<typeof salesChannel>
export type Currency = z.infer<typeof currency>
export type Role = z.infer<typeof role>
export type CustomerLanguage = z.infer<typeof customerLanguage>
export type AgentLanguage = z.infer<typeof agentLanguage>
export type CustomerDoc = z.infer<typeof customerDoc>
export type ContractDoc = z.infer<typeof contractDoc>
export type PurchaseDoc = z.infer<typeof purchaseDoc>
export type SimCommandDoc = z.infer<typeof simCommandDoc>
export type WithdrawalCaseDoc = z.infer<typeof withdrawalCaseDoc>
export type NoticeChannel = z.infer<typeof noticeChannel>
export type RecordedNoticeChannel = z.infer<typeof recordedNoticeChannel>
export type IdentityDocumentKind = z.infer<typeof identityDocumentKind>
export type RefundMethod = z.infer<typeof refundMethod>
export type VehicleDoc = z.infer<typeof vehicleDoc>
