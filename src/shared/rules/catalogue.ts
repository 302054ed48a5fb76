// Market catalogue: every market fact the rules need, as DATA, each entry citing its source line.
// Seeds: /work/shared/seeds (000 BE/LU, 001 DK, 003 SE, 004 PT); line-referenced extractions:
// /work/shared/spec/sources. Code elsewhere reads these tables; it does not branch on markets for facts.
import type { ContractKind, Currency, Market, SalesChannel } from './types'

export const MARKETS: readonly Market[] = ['DK', 'SE', 'PT', 'BE', 'LU']

/** A citation: the reference an agent can read out, and where it is in the seed. */
export interface SourceRef {
  /** Starts every clause string, e.g. 'DK GTC 14'. */
  ref: string
  /** Seed file and line(s), for a lawyer. */
  seed: string
}

export interface LegalEntity {
  name: string
  address?: string
  companyId?: string
  source: SourceRef
}

export interface MarketInfo {
  market: Market
  /** ISO 3166-1 alpha-2 code used for the public-holiday library (D6). */
  holidayCountry: string
  currency: Currency
  /** Minor units per major unit (øre, öre, cent): all three currencies use 100. */
  minorPerMajor: number
  language: 'da' | 'sv' | 'pt' | 'fr'
  contractParty: LegalEntity
  /** How the clause references of this market are prefixed, e.g. 'DK GTC'. */
  termsRef: string
}

export const MARKET_INFO: Readonly<Record<Market, MarketInfo>> = {
  DK: {
    market: 'DK',
    holidayCountry: 'DK',
    currency: 'DKK',
    minorPerMajor: 100,
    language: 'da',
    contractParty: {
      name: 'BMW Danmark A/S',
      address: 'Borgmester Christiansens Gade 50, DK-2450 København SV',
      companyId: '10068622',
      source: { ref: 'DK GTC 1.1', seed: '001 L5' }
    },
    termsRef: 'DK GTC'
  },
  SE: {
    market: 'SE',
    holidayCountry: 'SE',
    currency: 'SEK',
    minorPerMajor: 100,
    language: 'sv',
    contractParty: {
      name: 'BMW Northern Europe AB',
      address: 'Vetenskapsvägen 10, 191 38 Sollentuna, Sverige',
      companyId: '556313-5002',
      source: { ref: 'SE GTC 1.1', seed: '003 L3' }
    },
    termsRef: 'SE GTC'
  },
  PT: {
    market: 'PT',
    holidayCountry: 'PT',
    currency: 'EUR',
    minorPerMajor: 100,
    language: 'pt',
    contractParty: {
      name: 'BMW Portugal, Lda',
      address: 'Lagoas Park, Edifício 11, Piso 2, Porto Salvo',
      companyId: '506 698 521',
      source: { ref: 'PT II.1', seed: '004 L265' }
    },
    termsRef: 'PT'
  },
  BE: {
    market: 'BE',
    holidayCountry: 'BE',
    currency: 'EUR',
    minorPerMajor: 100,
    language: 'fr',
    // Seed 000 names no legal entity (D5).
    contractParty: { name: '', source: { ref: 'D5', seed: '000 (not stated)' } },
    termsRef: 'BE'
  },
  LU: {
    market: 'LU',
    holidayCountry: 'LU',
    currency: 'EUR',
    minorPerMajor: 100,
    language: 'fr',
    contractParty: { name: '', source: { ref: 'D5', seed: '000 (not stated)' } },
    termsRef: 'BE'
  }
}

// ---------------------------------------------------------------------------------------------
// Withdrawal (RULES.md §5)

export interface WithdrawalRecipientData {
  name: string
  /** Attention line (department), printed under the name. */
  department?: string
  email: string
  address?: string
  /** Other addresses the seed gives for the same purpose (shown, not used). */
  alternativeEmails?: string[]
  source: SourceRef
}

export interface WithdrawalRule {
  market: Market
  contract: ContractKind
  /** Who counts as a consumer, as the clause words it (read out by the agent). */
  consumerSource: SourceRef
  /** Channels whose contracts carry the right. */
  channels: readonly SalesChannel[]
  channelSource: SourceRef
  periodDays: number
  /** 'conclusion', or PT: receipt of the written instructions, never before conclusion. */
  periodFrom: 'conclusion' | 'instructions-receipt'
  periodSource: SourceRef
  refundDays: number
  refundSource: SourceRef
  proRataSource: SourceRef
  /** D8: where the lapse on full performance comes from. */
  lapseSource: SourceRef
  /** null: not in the seed; a setting (D5). */
  recipient: WithdrawalRecipientData | null
  /** Form (RULES.md §9) and its language. */
  form: { title: string; language: 'da' | 'sv' | 'pt' | 'fr' }
}

const ALL_CHANNELS: readonly SalesChannel[] = ['on-premises', 'distance', 'off-premises']
const DISTANCE_OR_OFF: readonly SalesChannel[] = ['distance', 'off-premises']

const EU_DIRECTIVE = 'Directive 2011/83/EU'

export const WITHDRAWAL_RULES: readonly WithdrawalRule[] = [
  {
    market: 'DK',
    contract: 'connected',
    consumerSource: { ref: 'DK GTC 14', seed: '001 L746–L747' },
    channels: ALL_CHANNELS,
    channelSource: { ref: 'DK GTC 14', seed: '001 L743–L783 (no channel restriction)' },
    periodDays: 14,
    periodFrom: 'conclusion',
    periodSource: { ref: 'DK GTC 14', seed: '001 L753' },
    refundDays: 14,
    refundSource: { ref: 'DK GTC 14', seed: '001 L771–L777' },
    proRataSource: { ref: 'DK GTC 14', seed: '001 L779–L783' },
    lapseSource: { ref: `${EU_DIRECTIVE} art. 16(a)`, seed: 'no seed text' },
    recipient: {
      name: 'BMW Northern Europe AB',
      department: 'ConnectedDrive Kundeservice',
      email: 'miniconnected.dk@mini.dk',
      source: { ref: 'DK GTC 14', seed: '001 L762–L763, form L789–L790' }
    },
    form: { title: 'Standardfortrydelsesformular', language: 'da' }
  },
  {
    market: 'DK',
    contract: 'service-inclusive',
    consumerSource: { ref: 'DK SI 2.7', seed: '001 SI 2.7' },
    channels: ['distance'],
    channelSource: { ref: 'DK SI 8', seed: '001 L1100–L1101 (fjernsalgsaftale only)' },
    periodDays: 14,
    periodFrom: 'conclusion',
    periodSource: { ref: 'DK SI 8', seed: '001 L1120' },
    refundDays: 14,
    refundSource: { ref: 'DK SI 8', seed: '001 L1139–L1146' },
    proRataSource: { ref: 'DK SI 8', seed: '001 L1152–L1154' },
    lapseSource: { ref: `${EU_DIRECTIVE} art. 16(a)`, seed: 'no seed text' },
    recipient: {
      name: 'BMW Danmark A/S',
      email: 'miniconnected.dk@mini.dk',
      address: 'Borgmester Christiansens Gade 50, 2450 København SV',
      // SI 8 instruction text gives another address; RULES.md §5 takes the annex form's (L1268–L1270).
      alternativeEmails: ['connecteddrive.dk@bmw.dk'],
      source: { ref: 'DK SI Bilag', seed: '001 L1268–L1270' }
    },
    form: { title: 'Fortrydelsesformular', language: 'da' }
  },
  {
    market: 'SE',
    contract: 'connected',
    consumerSource: { ref: 'SE §15', seed: '003 L680–L686 (1 kap. 2 § Lag 2005:59)' },
    channels: DISTANCE_OR_OFF,
    channelSource: { ref: 'SE §15', seed: '003 L680–L684' },
    periodDays: 14,
    periodFrom: 'conclusion',
    periodSource: { ref: 'SE §15', seed: '003 L693' },
    refundDays: 14,
    refundSource: { ref: 'SE §15', seed: '003 L705–L710' },
    proRataSource: { ref: 'SE §15', seed: '003 L715–L718' },
    lapseSource: { ref: `${EU_DIRECTIVE} art. 16(a)`, seed: 'no seed text' },
    recipient: {
      name: 'BMW Northern Europe AB',
      department: 'Mini Connected Kundservice',
      email: 'miniconnected.se@mini.se',
      address: 'Vetenskapsvägen 10, 191 38 Sollentuna',
      source: { ref: 'SE §15', seed: '003 form L724–L728' }
    },
    form: { title: 'Formulär för utövande av ångerrätt', language: 'sv' }
  },
  {
    market: 'PT',
    contract: 'connected',
    consumerSource: { ref: 'PT II.6', seed: '004 L403 (DL 143/2001)' },
    channels: ALL_CHANNELS,
    channelSource: { ref: 'PT II.6', seed: '004 L403–L415 (no channel restriction)' },
    periodDays: 14,
    periodFrom: 'instructions-receipt',
    periodSource: { ref: 'PT II.6', seed: '004 L415' },
    refundDays: 30,
    refundSource: { ref: 'PT II.6', seed: '004 L435' },
    proRataSource: { ref: 'PT II.6', seed: '004 L435 (loss of value / payments up to withdrawal)' },
    lapseSource: { ref: 'PT II.6', seed: '004 L443 (D8: «não seja cumprido» read as fully performed)' },
    recipient: {
      name: 'BMW Portugal, Lda.',
      email: 'info@MINI.pt',
      address: 'Lagoas Park, Edifício 11, 2.º Piso, 2740-422 Porto Salvo',
      source: { ref: 'PT II.6', seed: '004 L419–L427' }
    },
    form: { title: 'Modelo de formulário de livre resolução', language: 'pt' }
  },
  {
    market: 'BE',
    contract: 'connected',
    consumerSource: { ref: `${EU_DIRECTIVE} art. 2(1)`, seed: 'no seed text' },
    channels: DISTANCE_OR_OFF,
    channelSource: { ref: `${EU_DIRECTIVE} art. 9`, seed: 'no seed text' },
    periodDays: 14,
    periodFrom: 'conclusion',
    periodSource: { ref: `${EU_DIRECTIVE} art. 9(2)(a)`, seed: 'no seed text' },
    refundDays: 14,
    refundSource: { ref: `${EU_DIRECTIVE} art. 13`, seed: 'no seed text' },
    proRataSource: { ref: `${EU_DIRECTIVE} art. 14(3)`, seed: 'no seed text' },
    lapseSource: { ref: `${EU_DIRECTIVE} art. 16(a)`, seed: 'no seed text' },
    recipient: null,
    form: { title: 'Modèle de formulaire de rétractation', language: 'fr' }
  },
  {
    market: 'LU',
    contract: 'connected',
    consumerSource: { ref: `${EU_DIRECTIVE} art. 2(1)`, seed: 'no seed text' },
    channels: DISTANCE_OR_OFF,
    channelSource: { ref: `${EU_DIRECTIVE} art. 9`, seed: 'no seed text' },
    periodDays: 14,
    periodFrom: 'conclusion',
    periodSource: { ref: `${EU_DIRECTIVE} art. 9(2)(a)`, seed: 'no seed text' },
    refundDays: 14,
    refundSource: { ref: `${EU_DIRECTIVE} art. 13`, seed: 'no seed text' },
    proRataSource: { ref: `${EU_DIRECTIVE} art. 14(3)`, seed: 'no seed text' },
    lapseSource: { ref: `${EU_DIRECTIVE} art. 16(a)`, seed: 'no seed text' },
    recipient: null,
    form: { title: 'Modèle de formulaire de rétractation', language: 'fr' }
  }
]

/** D7 (Directive art. 10(1)): missing instructions extend the period by 12 months. */
export const MISSING_INSTRUCTIONS_EXTENSION_MONTHS = 12

// ---------------------------------------------------------------------------------------------
// SIM deactivation (RULES.md §3)

export interface SimMarketRule {
  market: Market
  /**
   * What a deactivation does to the contract:
   * - 'handover': DK, withdrawal before handover (any customer, D12), termination after;
   * - 'handover-consumer-distance': SE, withdrawal only for a consumer, before handover, distance or
   *   off-premises; termination otherwise;
   * - 'none': PT, BE, LU: the contract is unaffected.
   */
  contractEffect: 'handover' | 'handover-consumer-distance' | 'none'
  /** Channels whose contract a pre-handover deactivation withdraws (SE 1.6 a). */
  withdrawalChannels: readonly SalesChannel[]
  /** Termination notice after handover (DK/SE 8.1): months (D13). */
  terminationNoticeMonths: number
  /** Services stop at once, without refund (DK 8.7, SE 8.8). */
  refundOnTermination: 'none'
  /** Functions unlocked by an activation code keep working offline (DK/SE GTC 1.6 c). */
  activatedFunctionsStayOffline: boolean
  /** Clause references read out for each situation. */
  refs: {
    who: string[]
    withdrawal: string[]
    termination: string[]
    legalFunctions: string[]
    noEffect: string[]
    activatedFunctions: string[]
    emergencyCallLost: string[]
  }
  /** Services whose deactivation is the request (PT II.5.1), for the UI. */
  servicesSwitchedOff?: { code: string; name: string }[]
  /** Reference for legal map data as a type-approval function. */
  legalMapDataRef: string
  /** Clause read out when a pre-handover request is a termination (SE 1.6 a gap); keyed by cause. */
  preHandoverTermination?: { notConsumer: string; onPremises: string }
  /** Reactivation: does the seed itself allow it (BE L143), or does D4 extend the BE rule? */
  reactivationFromSeed: boolean
  /** Reactivating during a pending termination cancels it (RULES.md §4: DK/SE). */
  reactivationCancelsTermination: boolean
  /** D12 as a withdrawal (RULES.md §3): who may withdraw by a SIM request before handover. */
  d12?: { anyCustomer: boolean; clauses: string[] }
}

export const SIM_RULES: Readonly<Record<Market, SimMarketRule>> = {
  DK: {
    market: 'DK',
    contractEffect: 'handover',
    withdrawalChannels: ALL_CHANNELS,
    terminationNoticeMonths: 1,
    refundOnTermination: 'none',
    activatedFunctionsStayOffline: true,
    refs: {
      who: ['DK GTC 1.6 — the customer may have the SIM deactivated at any time by an authorised MINI dealer, a MINI subsidiary or an authorised MINI workshop (seed 001 L60–L63)'],
      withdrawal: [
        'DK GTC 1.6 a) — request before handover is a withdrawal from the MINI Connected contract (seed 001 L64–L65)',
        'D12 — before handover this is a withdrawal for any customer and at any time; all payments are refunded'
      ],
      termination: [
        'DK GTC 1.6 b) — request after handover: the contract ends under GTC §8 (seed 001 L69–L71)',
        'DK GTC 8.1 — the contract ends one month after the request',
        'DK GTC 8.7 — services are suspended at once, without refund',
        'D13 — one month later: same day number next month, or that month\'s last day'
      ],
      legalFunctions: ['DK GTC 1.6 b) — with legal eCall or legal map data the SIM cannot be fully deactivated; it stays on for legally required functions (seed 001 L66–L69)'],
      noEffect: [],
      activatedFunctions: ['DK GTC 1.6 c) — functions unlocked by an activation code keep working offline; their online parts stop'],
      emergencyCallLost: ['DK GTC 1.6 — without legal eCall, deactivating the SIM switches off every service, the emergency call included']
    },
    legalMapDataRef: 'DK GTC 1.6 b)',
    reactivationFromSeed: false,
    reactivationCancelsTermination: true,
    d12: {
      anyCustomer: true,
      clauses: [
        'DK GTC 1.6 a) — SIM deactivation requested before handover is a withdrawal from the MINI Connected contract',
        'D12 — any customer, at any time before handover; all payments are refunded'
      ]
    }
  },
  SE: {
    market: 'SE',
    contractEffect: 'handover-consumer-distance',
    withdrawalChannels: DISTANCE_OR_OFF,
    terminationNoticeMonths: 1,
    refundOnTermination: 'none',
    activatedFunctionsStayOffline: true,
    refs: {
      who: ['SE GTC 1.6 — the customer may have the SIM deactivated at any time by an authorised MINI dealer, a MINI subsidiary or an authorised MINI workshop (seed 003 L46–L48)'],
      withdrawal: [
        'SE GTC 1.6 a) — consumer, before handover, contract concluded at a distance or off-premises: the request is an exercise of the right of withdrawal (seed 003 L50–L56)',
        'D12 — this counts as a withdrawal even after the 14 days; all payments are refunded'
      ],
      termination: [
        'SE GTC 1.6 b) — otherwise the contract ends under §8 (seed 003 L59–L62)',
        'SE GTC 8.1 — the contract ends one month after the request',
        'SE GTC 8.8 — services are switched off at once, without refund',
        'D13 — one month later: same day number next month, or that month\'s last day'
      ],
      legalFunctions: ['SE GTC 1.6 b) — with eCall or legal map data the SIM cannot be fully deactivated; it stays on for legally required functions (seed 003 L57–L59)'],
      noEffect: [],
      activatedFunctions: ['SE GTC 1.6 c) — functions unlocked by an activation code keep working offline; their online parts stop'],
      emergencyCallLost: ['SE GTC 1.6 — without legal eCall, deactivating the SIM switches off every service, the emergency call included']
    },
    legalMapDataRef: 'SE GTC 1.6 b)',
    preHandoverTermination: {
      notConsumer: 'SE GTC 1.6 a) — the customer is not a consumer: the request ends the contract under §8',
      onPremises: 'SE GTC 1.6 a) — the contract was concluded on MINI\'s premises: the request ends the contract under §8 (RULES.md §3)'
    },
    reactivationFromSeed: false,
    reactivationCancelsTermination: true,
    d12: {
      anyCustomer: false,
      clauses: [
        'SE GTC 1.6 a) — a consumer\'s SIM deactivation request before handover, contract concluded at a distance or off-premises, is an exercise of the right of withdrawal',
        'D12 — even after the 14 days; all payments are refunded'
      ]
    }
  },
  PT: {
    market: 'PT',
    contractEffect: 'none',
    withdrawalChannels: [],
    terminationNoticeMonths: 0,
    refundOnTermination: 'none',
    activatedFunctionsStayOffline: false,
    refs: {
      who: ['PT II.5.1 — the customer may deactivate the basic services at any time through MINI customer service, a MINI dealer or a MINI authorised repairer (seed 004 L375)'],
      withdrawal: [],
      termination: [],
      legalFunctions: ['D1 — legal eCall is fitted: the SIM stays on for legally required functions (RULES.md §3: every market)'],
      noEffect: [
        'PT II.5.1 — deactivating TeleServices (SA6AE) and eCall Inteligente (SA6AC) also deactivates the SIM; the contract is not affected',
        'PT II.2.2 — the basic services are free: there is nothing to refund (seed 004 L279)'
      ],
      activatedFunctions: [],
      emergencyCallLost: ['PT II.5.1 — «a chamada de emergência no veículo deixará de funcionar»: the emergency call in the vehicle will stop working']
    },
    servicesSwitchedOff: [
      { code: 'SA6AE', name: 'TeleServices' },
      { code: 'SA6AC', name: 'eCall Inteligente' }
    ],
    legalMapDataRef: 'RULES.md §1',
    reactivationFromSeed: false,
    // PT: the deactivation does not touch the contract, so a pending notice is a separate matter.
    reactivationCancelsTermination: false
  },
  BE: {
    market: 'BE',
    contractEffect: 'none',
    withdrawalChannels: [],
    terminationNoticeMonths: 0,
    refundOnTermination: 'none',
    activatedFunctionsStayOffline: false,
    refs: {
      who: ['BE L143 — the base MINI Connected services can be deactivated at any time by a MINI dealer or authorised repairer (seed 000 L143)'],
      withdrawal: [],
      termination: [],
      legalFunctions: ['BE L147 — with the legally required EU emergency call the SIM is not deactivated; it stays on so that the EU eCall works at all times (seed 000 L147)'],
      noEffect: ['BE L143 — deactivating the base services blocks the SIM; the contract is not affected and nothing is refunded'],
      activatedFunctions: [],
      emergencyCallLost: ['BE L143 — no service will be available any more, in particular the Intelligent Emergency Call («Appel d\'Urgence Intelligent»)']
    },
    legalMapDataRef: 'RULES.md §1',
    reactivationFromSeed: true,
    reactivationCancelsTermination: false
  },
  LU: {
    market: 'LU',
    contractEffect: 'none',
    withdrawalChannels: [],
    terminationNoticeMonths: 0,
    refundOnTermination: 'none',
    activatedFunctionsStayOffline: false,
    refs: {
      who: ['BE L143 — (BE/LU catalogue) the base MINI Connected services can be deactivated at any time by a MINI dealer or authorised repairer (seed 000 L143)'],
      withdrawal: [],
      termination: [],
      legalFunctions: ['BE L147 — (BE/LU catalogue) with the legally required EU emergency call the SIM is not deactivated; it stays on so that the EU eCall works at all times (seed 000 L147)'],
      noEffect: ['BE L143 — (BE/LU catalogue) deactivating the base services blocks the SIM; the contract is not affected and nothing is refunded'],
      activatedFunctions: [],
      emergencyCallLost: ['BE L143 — (BE/LU catalogue) no service will be available any more, in particular the Intelligent Emergency Call («Appel d\'Urgence Intelligent»)']
    },
    legalMapDataRef: 'RULES.md §1',
    reactivationFromSeed: true,
    reactivationCancelsTermination: false
  }
}

// ---------------------------------------------------------------------------------------------
// Legal eCall evidence (RULES.md §1, D1)

/**
 * D1: option codes whose package contains Legal Emergency Call (BE catalogue, seed 000 L77 6AF,
 * L118–L123 6FP, L125–L131 6UM; sources/seed-000-002-be-ca.md §1.4).
 */
export const LEGAL_ECALL_OPTION_CODES: readonly string[] = ['6AF', '6FP', '6UM']

// ---------------------------------------------------------------------------------------------
// Service catalogues (RULES.md §6)

/** A duration as the seed words it. */
export type DurationLabel = 'unlimited' | '5y' | '3y' | '1y' | '3m'

export interface DurationDef {
  label: DurationLabel
  /** As printed in the seed. */
  printed: string
  years?: number
  months?: number
  /** No end. */
  openEnded: boolean
  /** Not defined by the seed: the value is an assumption (D9). */
  assumption?: 'D9'
  source: SourceRef
}

/** BE/LU durations (seed 000 L49–L63), PT uses the same shapes (seed 004 I.1–I.2). */
export const BE_DURATIONS: Readonly<Record<DurationLabel, DurationDef>> = {
  unlimited: { label: 'unlimited', printed: 'Illimité', openEnded: true, source: { ref: 'BE L51', seed: '000 L49–L51' } },
  '3y': { label: '3y', printed: '3 Ans', years: 3, openEnded: false, source: { ref: 'BE L55', seed: '000 L53–L55' } },
  '1y': { label: '1y', printed: '1 An', years: 1, openEnded: false, source: { ref: 'BE L59', seed: '000 L57–L59' } },
  '3m': { label: '3m', printed: '3 mois', months: 3, openEnded: false, source: { ref: 'BE L63', seed: '000 L61–L63' } },
  // D9: '5 Ans' is used by 6AG (L73) but never defined; read as 5 years from first registration.
  '5y': { label: '5y', printed: '5 Ans', years: 5, openEnded: false, assumption: 'D9', source: { ref: 'BE L73', seed: '000 L73 (undefined label)' } }
}

export const PT_DURATIONS: Readonly<Record<'lifetime' | '3y', DurationDef>> = {
  lifetime: { label: 'unlimited', printed: 'Vitalício', openEnded: true, source: { ref: 'PT I.1', seed: '004 L19' } },
  '3y': { label: '3y', printed: '3 Anos', years: 3, openEnded: false, source: { ref: 'PT I.2', seed: '004 I.2.1–I.2.7' } }
}

export interface ServiceGrantDef {
  /** Normalised name: leading '/' removed, spaces collapsed (seed 000 note D3). */
  service: string
  /** As printed in the seed. */
  printed: string
  duration: DurationDef
  seedLine: string
}

export interface PackageDef {
  /** Option code as printed, e.g. '6AK', '606/6UM', 'SA6AE'. */
  code: string
  /** Bare codes an equipment entry may carry to mean this package. */
  matchCodes: readonly string[]
  name: string
  seedLines: string
  grants: readonly ServiceGrantDef[]
  /** Basic service (PT I.1). */
  basic?: boolean
  /** The code also names another package (seed 000 note D4: 6UM). */
  ambiguousWith?: string
}

const be = BE_DURATIONS
function g(service: string, duration: DurationDef, seedLine: string, printed = service): ServiceGrantDef {
  return { service, printed, duration, seedLine }
}

/** BE/LU: 13 packages (seed 000 L65–L131; sources/seed-000-002-be-ca.md §1.4). */
export const BE_LU_PACKAGES: readonly PackageDef[] = [
  {
    code: '6AK', matchCodes: ['6AK'], name: 'ConnectedDrive Services', seedLines: '000 L65–L71',
    grants: [
      g('Customer Hotline', be.unlimited, 'L67'),
      g('Intelligent Voice Control', be['3y'], 'L68'),
      g('My Info', be.unlimited, 'L69'),
      g('MINI Apps - MINI Online', be['3y'], 'L70', '/MINI Apps - /MINI Online'),
      g('Send to Car', be['3y'], 'L71')
    ]
  },
  { code: '6AG', matchCodes: ['6AG'], name: 'MINI eDrive Services', seedLines: '000 L73', grants: [g('MINI eDrive Services', be['5y'], 'L73', '/ MINI eDrive Services')] },
  { code: '6AC', matchCodes: ['6AC'], name: 'Intelligent Emergency Call', seedLines: '000 L75', grants: [g('Intelligent Emergency Call', be.unlimited, 'L75')] },
  { code: '6AF', matchCodes: ['6AF'], name: 'Legal Emergency Call', seedLines: '000 L77', grants: [g('Legal Emergency Call', be.unlimited, 'L77')] },
  {
    code: '606/6UM', matchCodes: ['606', '6UM'], name: 'USB Mises à jour des cartes', seedLines: '000 L79',
    grants: [g('USB Mises à jour des cartes', be['3y'], 'L79')],
    ambiguousWith: '6UM'
  },
  {
    code: '6AM', matchCodes: ['6AM'], name: 'Real Time Traffic Information', seedLines: '000 L81–L85',
    grants: [
      g('Online Routing', be['3y'], 'L83'),
      g('Real Time Traffic Information', be['3y'], 'L84'),
      g('On-Street Parking Information', be['3y'], 'L85')
    ]
  },
  { code: '6AN', matchCodes: ['6AN'], name: 'Service Conciergerie', seedLines: '000 L87', grants: [g('Service Conciergerie', be['3y'], 'L87')] },
  { code: '6AP', matchCodes: ['6AP'], name: 'Remote Services', seedLines: '000 L89–L91', grants: [g('Remote Services', be.unlimited, 'L91')] },
  {
    code: '7GG', matchCodes: ['7GG'], name: 'Connected Media', seedLines: '000 L93–L97',
    grants: [
      g('My Info', be.unlimited, 'L95'),
      g('Remote Services', be.unlimited, 'L96'),
      g('MINI Apps - MINI Online', be['3y'], 'L97')
    ]
  },
  {
    code: '7GH', matchCodes: ['7GH'], name: 'Connected Navigation', seedLines: '000 L99–L106',
    grants: [
      g('My Info', be.unlimited, 'L101'),
      g('Online Routing', be['3y'], 'L102'),
      g('Remote Services', be.unlimited, 'L103'),
      g('Real Time Traffic Information', be['3y'], 'L104'),
      g('Send to Car', be.unlimited, 'L105'),
      g('MINI Apps - MINI Online', be['3y'], 'L106')
    ]
  },
  {
    code: '7GK', matchCodes: ['7GK'], name: 'Connected Navigation Plus', seedLines: '000 L108–L116',
    grants: [
      g('Service Conciergerie', be['3y'], 'L110'),
      g('My Info', be.unlimited, 'L111'),
      g('Online Routing', be['3y'], 'L112'),
      g('Remote Services', be.unlimited, 'L113'),
      g('Real Time Traffic Information', be['3y'], 'L114'),
      g('Send to Car', be.unlimited, 'L115'),
      g('MINI Apps - MINI Online', be['3y'], 'L116')
    ]
  },
  {
    code: '6FP', matchCodes: ['6FP'], name: 'Radio MINI Visual Boost', seedLines: '000 L118–L123',
    grants: [
      g('Customer Hotline', be.unlimited, 'L120'),
      g('Intelligent Emergency Call', be.unlimited, 'L121'),
      g('Legal Emergency Call', be.unlimited, 'L122'),
      g('Teleservices', be.unlimited, 'L123')
    ]
  },
  {
    code: '6UM', matchCodes: ['6UM'], name: 'Système Navigation', seedLines: '000 L125–L131',
    grants: [
      g('Customer Hotline', be.unlimited, 'L127'),
      g('Intelligent Emergency Call', be.unlimited, 'L128'),
      g('Legal Emergency Call', be.unlimited, 'L129'),
      g('USB Mises à jour des cartes', be['3y'], 'L130'),
      g('Teleservices', be.unlimited, 'L131')
    ],
    ambiguousWith: '606/6UM'
  }
]

const pt = PT_DURATIONS
/**
 * PT (seed 004 I.1–I.2). D10: every duration runs from first registration, although the text
 * mixes acquisition, delivery and first registration.
 */
export const PT_PACKAGES: readonly PackageDef[] = [
  { code: 'SA6AE', matchCodes: ['6AE'], name: 'TeleServices', seedLines: '004 I.1.1', basic: true, grants: [g('TeleServices', pt.lifetime, 'I.1.1')] },
  { code: 'SA6AC', matchCodes: ['6AC'], name: 'eCall Inteligente', seedLines: '004 I.1.2', basic: true, grants: [g('eCall Inteligente', pt.lifetime, 'I.1.2')] },
  {
    code: 'SA6AK', matchCodes: ['6AK'], name: 'Serviços ConnectedDrive', seedLines: '004 I.2.1–I.2.3',
    grants: [
      g('Serviços ConnectedDrive', pt['3y'], 'I.2.1'),
      g('MINI Online', pt['3y'], 'I.2.2'),
      g('Mensagens', pt['3y'], 'I.2.3')
    ]
  },
  { code: 'SA6AN', matchCodes: ['6AN'], name: 'Serviços Concierge', seedLines: '004 I.2.4', grants: [g('Serviços Concierge', pt['3y'], 'I.2.4')] },
  { code: 'SA6AM', matchCodes: ['6AM'], name: 'RTTI - Informação de Trânsito em Tempo Real', seedLines: '004 I.2.5', grants: [g('RTTI - Informação de Trânsito em Tempo Real', pt['3y'], 'I.2.5')] },
  { code: 'SA6AP', matchCodes: ['6AP'], name: 'Serviços Remote', seedLines: '004 I.2.6', grants: [g('Serviços Remote', pt['3y'], 'I.2.6')] },
  { code: 'SA6AG', matchCodes: ['6AG'], name: 'Serviços eDrive', seedLines: '004 I.2.7', grants: [g('Serviços eDrive', pt['3y'], 'I.2.7')] },
  { code: 'SA6CP', matchCodes: ['6CP'], name: 'Preparação para Apple Car Play', seedLines: '004 I.2.8', grants: [g('Preparação para Apple Car Play', pt.lifetime, 'I.2.8')] }
]

export interface ServiceCatalogue {
  /** Where service validity comes from. */
  basis: 'equipment-from-first-registration' | 'purchases'
  packages: readonly PackageDef[]
  source: SourceRef
  /** Read out with every listing. */
  clause: string
  /** Cited on a purchase-record grant. */
  purchaseSeedLine: string
}

export const SERVICE_CATALOGUES: Readonly<Record<Market, ServiceCatalogue>> = {
  BE: {
    basis: 'equipment-from-first-registration', packages: BE_LU_PACKAGES, source: { ref: 'BE L55', seed: '000 L35–L131' },
    clause: 'BE L55 — durations run from the date of first registration', purchaseSeedLine: '000 L135 (Store purchase or renewal)'
  },
  LU: {
    basis: 'equipment-from-first-registration', packages: BE_LU_PACKAGES, source: { ref: 'BE L55', seed: '000 L35–L131' },
    clause: 'BE L55 — (BE/LU catalogue) durations run from the date of first registration', purchaseSeedLine: '000 L135 (Store purchase or renewal)'
  },
  PT: {
    basis: 'equipment-from-first-registration', packages: PT_PACKAGES, source: { ref: 'PT I.1', seed: '004 I.1–I.2' },
    clause: 'D10 — every PT duration runs from first registration', purchaseSeedLine: '004 II.3.2 (purchase record)'
  },
  // DK/SE: no per-service durations in the seed; basic services indefinite, additional services
  // carry their own term from their purchase (DK GTC 8.2, SE GTC 8.3).
  DK: {
    basis: 'purchases', packages: [], source: { ref: 'DK GTC 8.2', seed: '001 L511' },
    clause: 'DK GTC 8.2 — basic services are indefinite; additional services run for their own term from purchase', purchaseSeedLine: '001 L511 (DK GTC 8.2)'
  },
  SE: {
    basis: 'purchases', packages: [], source: { ref: 'SE GTC 8.3', seed: '003 L479' },
    clause: 'SE GTC 8.3 — basic services are indefinite; additional services run for their own term from purchase', purchaseSeedLine: '003 L479 (SE GTC 8.3)'
  }
}

// ---------------------------------------------------------------------------------------------
// Termination (RULES.md §7)

export interface TerminationRules {
  /** Customer ends the contract: months after notice (D13), or weeks; null: not in the seed. */
  contractNotice: { months: number } | { weeks: number } | null
  contractNoticeSource: SourceRef | null
  /** Unlimited service with recurring payments ends on the next due payment date. */
  recurringEndsOnNextDue: SourceRef | null
  /** Vehicle sold: limited-duration service, weeks of notice, no refund. */
  vehicleSoldWeeks: number | null
  vehicleSoldSource: SourceRef | null
  /** Any service, weeks of notice (PT II.5.3). */
  serviceNoticeWeeks: number | null
  serviceNoticeSource: SourceRef | null
  /** MINI may end the contract / an unlimited service only this many years after it began. */
  miniEarliestYears: number | null
  miniNoticeMonths: number | null
  miniSource: SourceRef | null
}

export const TERMINATION_RULES: Readonly<Record<Market, TerminationRules>> = {
  DK: {
    contractNotice: { months: 1 },
    contractNoticeSource: { ref: 'DK GTC 8.1', seed: '001 L499' },
    recurringEndsOnNextDue: { ref: 'DK GTC 8.5 a)', seed: '001 L528' },
    vehicleSoldWeeks: 6,
    vehicleSoldSource: { ref: 'DK GTC 8.6', seed: '001 L539' },
    serviceNoticeWeeks: null,
    serviceNoticeSource: null,
    miniEarliestYears: 5,
    miniNoticeMonths: 1,
    miniSource: { ref: 'DK GTC 8.1', seed: '001 L499 (8.1), L523 (8.4)' }
  },
  SE: {
    contractNotice: { months: 1 },
    contractNoticeSource: { ref: 'SE GTC 8.1', seed: '003 L467' },
    recurringEndsOnNextDue: { ref: 'SE GTC 8.6 a)', seed: '003 L497' },
    vehicleSoldWeeks: 6,
    vehicleSoldSource: { ref: 'SE GTC 8.7', seed: '003 L509' },
    serviceNoticeWeeks: null,
    serviceNoticeSource: null,
    miniEarliestYears: 5,
    miniNoticeMonths: 1,
    miniSource: { ref: 'SE GTC 8.2', seed: '003 L473 (8.2), L491 (8.5)' }
  },
  PT: {
    contractNotice: { weeks: 6 },
    contractNoticeSource: { ref: 'PT II.5.3', seed: '004 L387' },
    recurringEndsOnNextDue: null,
    vehicleSoldWeeks: 6,
    vehicleSoldSource: { ref: 'PT II.7', seed: '004 II.7, II.5.3' },
    serviceNoticeWeeks: 6,
    serviceNoticeSource: { ref: 'PT II.5.3', seed: '004 L387' },
    // PT seed states no ordinary termination right for MINI (sources/seed-004-pt.md PT-TERM-12).
    miniEarliestYears: null,
    miniNoticeMonths: null,
    miniSource: null
  },
  BE: {
    contractNotice: null, contractNoticeSource: null, recurringEndsOnNextDue: null,
    vehicleSoldWeeks: null, vehicleSoldSource: null, serviceNoticeWeeks: null, serviceNoticeSource: null,
    miniEarliestYears: null, miniNoticeMonths: null, miniSource: null
  },
  LU: {
    contractNotice: null, contractNoticeSource: null, recurringEndsOnNextDue: null,
    vehicleSoldWeeks: null, vehicleSoldSource: null, serviceNoticeWeeks: null, serviceNoticeSource: null,
    miniEarliestYears: null, miniNoticeMonths: null, miniSource: null
  }
}

// ---------------------------------------------------------------------------------------------
// Caller verification (RULES.md §8, D11)

export const VERIFICATION = {
  maxFailures: 3,
  lockMinutes: 15,
  source: { ref: 'D11', seed: 'seed 002 L104–L135 (pattern)' } as SourceRef
} as const

// ---------------------------------------------------------------------------------------------------
// DK/SE basic services and the legal functions among services (RULES.md §6, §2)

/**
 * DK/SE basic services («Basistjenester»: standard equipment, no extra charge), by the option code that
 * carries them; indefinite, they run with the MINI Connected contract (DK GTC 8.2, SE GTC 8.3). Names as
 * in the DK catalogue overview (seed 001 L1302–L1494: «Emergency Call Service: Intelligent Emergency
 * Call; Legal Emergency Call») and the service descriptions' option codes (SA6AE Teleservices).
 */
export const DK_SE_BASIC_SERVICES: Readonly<Record<string, string>> = {
  '6AE': 'Teleservices',
  '6AC': 'Intelligent Emergency Call',
  '6AF': 'Legal Emergency Call'
}

/** Services that are the legally required function itself: a SIM restricted to ECALL_ONLY keeps them (RULES.md §2). */
export const LEGAL_SERVICE_NAMES: readonly string[] = ['Legal Emergency Call']
