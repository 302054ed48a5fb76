// Market catalogue: every market fact the rules need, as DATA, each entry citing its clause.
// Seeds: ../shared/seeds (000 BE/LU, 001 DK, 003 SE, 004 PT); line-referenced extractions:
// ../shared/spec/sources. Code elsewhere reads these tables; it does not branch on markets for facts.
// Tables keyed by market are `Record<Market, …>`: a market added to MARKETS is named by the compiler
// in every table that lacks it.
import type { Citation } from './clauses'
import { MARKETS } from './markets'
import type { ContractKind, Currency, Market, SalesChannel } from './types'

/** Where a single fact is written: the clause (or decision) it rests on, and the exact seed line(s). */
export interface SourceRef {
  /** A clause or decision id of clauses.ts, e.g. 'DK GTC 14'. */
  ref: Citation
  /** Seed file and line(s) of this fact, for a lawyer (finer than the clause's own source). */
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
    }
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
    }
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
    }
  },
  BE: {
    market: 'BE',
    holidayCountry: 'BE',
    currency: 'EUR',
    minorPerMajor: 100,
    language: 'fr',
    // Seed 000 names no legal entity (D5).
    contractParty: { name: '', source: { ref: 'D5', seed: '000 (not stated)' } }
  },
  LU: {
    market: 'LU',
    holidayCountry: 'LU',
    currency: 'EUR',
    minorPerMajor: 100,
    language: 'fr',
    contractParty: { name: '', source: { ref: 'D5', seed: '000 (not stated)' } }
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
  /** Who counts as a consumer. */
  consumerClauses: readonly Citation[]
  /** Channels whose contracts carry the right. */
  channels: readonly SalesChannel[]
  channelClauses: readonly Citation[]
  periodDays: number
  /** 'conclusion', or PT: receipt of the written instructions, never before conclusion. */
  periodFrom: 'conclusion' | 'instructions-receipt'
  /** The period, and that dispatch within it is enough. */
  periodClauses: readonly Citation[]
  refundDays: number
  refundClauses: readonly Citation[]
  /** The share owed for services provided at the consumer's request. */
  proRataClauses: readonly Citation[]
  /** The right lapses once fully performed at the consumer's express request. */
  lapseClauses: readonly Citation[]
  /** null: not in the seed; a setting (D5). */
  recipient: WithdrawalRecipientData | null
  /** Cited with the recipient: the recipient's clause, and D15 where the seed gives two addresses. */
  recipientClauses: readonly Citation[]
  /** Form (RULES.md §9) and its language. */
  form: { title: string; language: 'da' | 'sv' | 'pt' | 'fr' }
}

const ALL_CHANNELS: readonly SalesChannel[] = ['on-premises', 'distance', 'off-premises']
const DISTANCE_OR_OFF: readonly SalesChannel[] = ['distance', 'off-premises']

/** BE and LU: no seed text on withdrawal; Directive 2011/83/EU applies (RULES.md §5). */
function directiveRule(market: Market): WithdrawalRule {
  return {
    market,
    contract: 'connected',
    consumerClauses: ['EU 2011/83 art. 2(1)'],
    channels: DISTANCE_OR_OFF,
    channelClauses: ['EU 2011/83 art. 9'],
    periodDays: 14,
    periodFrom: 'conclusion',
    periodClauses: ['EU 2011/83 art. 9(2)(a)', 'EU 2011/83 art. 11(2)'],
    refundDays: 14,
    refundClauses: ['EU 2011/83 art. 13'],
    proRataClauses: ['EU 2011/83 art. 14(3)'],
    lapseClauses: ['EU 2011/83 art. 16(a)'],
    recipient: null,
    recipientClauses: ['D5'],
    form: { title: 'Modèle de formulaire de rétractation', language: 'fr' }
  }
}

/** Per market: the MINI Connected contract, and in DK the Service Inclusive packages. */
export const WITHDRAWAL_RULES: Readonly<Record<Market, { connected: WithdrawalRule; 'service-inclusive'?: WithdrawalRule }>> = {
  DK: {
    connected: {
      market: 'DK',
      contract: 'connected',
      consumerClauses: ['DK GTC 14'],
      channels: ALL_CHANNELS,
      channelClauses: ['DK GTC 14'],
      periodDays: 14,
      periodFrom: 'conclusion',
      periodClauses: ['DK GTC 14'],
      refundDays: 14,
      refundClauses: ['DK GTC 14'],
      proRataClauses: ['DK GTC 14'],
      lapseClauses: ['EU 2011/83 art. 16(a)'],
      recipient: {
        name: 'BMW Northern Europe AB',
        department: 'ConnectedDrive Kundeservice',
        email: 'miniconnected.dk@mini.dk',
        source: { ref: 'DK GTC 14', seed: '001 L762–L763, form L789–L790' }
      },
      recipientClauses: ['DK GTC 14'],
      form: { title: 'Standardfortrydelsesformular', language: 'da' }
    },
    'service-inclusive': {
      market: 'DK',
      contract: 'service-inclusive',
      consumerClauses: ['DK SI 2.7'],
      // SI 8: «fjernsalgsaftale» only (seed 001 L1100–L1101).
      channels: ['distance'],
      channelClauses: ['DK SI 8'],
      periodDays: 14,
      periodFrom: 'conclusion',
      periodClauses: ['DK SI 8'],
      refundDays: 14,
      refundClauses: ['DK SI 8'],
      proRataClauses: ['DK SI 8'],
      lapseClauses: ['EU 2011/83 art. 16(a)'],
      recipient: {
        name: 'BMW Danmark A/S',
        email: 'miniconnected.dk@mini.dk',
        address: 'Borgmester Christiansens Gade 50, 2450 København SV',
        // SI 8 instruction text gives another address; RULES.md D15 takes the annex form's (L1268–L1270).
        alternativeEmails: ['connecteddrive.dk@bmw.dk'],
        source: { ref: 'DK SI Bilag', seed: '001 L1268–L1270' }
      },
      recipientClauses: ['DK SI Bilag', 'D15'],
      form: { title: 'Fortrydelsesformular', language: 'da' }
    }
  },
  SE: {
    connected: {
      market: 'SE',
      contract: 'connected',
      consumerClauses: ['SE GTC 15', 'SE Lag 2005:59 1 kap. 2 §'],
      channels: DISTANCE_OR_OFF,
      channelClauses: ['SE GTC 15'],
      periodDays: 14,
      periodFrom: 'conclusion',
      periodClauses: ['SE GTC 15'],
      refundDays: 14,
      refundClauses: ['SE GTC 15'],
      proRataClauses: ['SE GTC 15'],
      lapseClauses: ['EU 2011/83 art. 16(a)'],
      recipient: {
        name: 'BMW Northern Europe AB',
        department: 'Mini Connected Kundservice',
        email: 'miniconnected.se@mini.se',
        address: 'Vetenskapsvägen 10, 191 38 Sollentuna',
        source: { ref: 'SE GTC 15', seed: '003 form L724–L728' }
      },
      recipientClauses: ['SE GTC 15'],
      form: { title: 'Formulär för utövande av ångerrätt', language: 'sv' }
    }
  },
  PT: {
    connected: {
      market: 'PT',
      contract: 'connected',
      // II.6 defines the consumer by reference to DL 143/2001 (seed 004 L403).
      consumerClauses: ['PT II.6'],
      channels: ALL_CHANNELS,
      channelClauses: ['PT II.6'],
      periodDays: 14,
      periodFrom: 'instructions-receipt',
      periodClauses: ['PT II.6'],
      refundDays: 30,
      refundClauses: ['PT II.6'],
      // II.6: loss of value / payments up to the withdrawal (seed 004 L435).
      proRataClauses: ['PT II.6'],
      // II.6 «caduca … não seja cumprido» (L443), read as "fully performed" (D8).
      lapseClauses: ['PT II.6', 'D8'],
      recipient: {
        name: 'BMW Portugal, Lda.',
        email: 'info@MINI.pt',
        address: 'Lagoas Park, Edifício 11, 2.º Piso, 2740-422 Porto Salvo',
        source: { ref: 'PT II.6', seed: '004 L419–L427' }
      },
      recipientClauses: ['PT II.6'],
      form: { title: 'Modelo de formulário de livre resolução', language: 'pt' }
    }
  },
  BE: { connected: directiveRule('BE') },
  LU: { connected: directiveRule('LU') }
}

/**
 * D5: whether the market's terms leave the recipient of withdrawals unnamed (a withdrawal rule of the
 * market has no `recipient`). For such a market the recipient is a supervisor setting, and forms and
 * acknowledgements are refused until it is set. Everything outside the rules asks this (or reads
 * `RECIPIENT_SETTING_MARKETS`) instead of naming markets.
 */
export function recipientIsSetting(market: Market): boolean {
  return Object.values(WITHDRAWAL_RULES[market]).some((rule) => rule.recipient === null)
}

/** The contracts with withdrawal terms of their own in the market: MINI Connected, and in DK Service Inclusive. */
export function withdrawalContracts(market: Market): readonly ContractKind[] {
  return Object.values(WITHDRAWAL_RULES[market]).map((rule) => rule.contract)
}

/** The markets whose withdrawal recipient is a supervisor setting (D5), in the order of MARKETS. */
export const RECIPIENT_SETTING_MARKETS: readonly Market[] = Object.freeze(MARKETS.filter(recipientIsSetting))

/** D7 (Directive art. 10(1)): missing instructions extend the period by 12 months. */
export const MISSING_INSTRUCTIONS_EXTENSION_MONTHS = 12

// ---------------------------------------------------------------------------------------------
// SIM deactivation (RULES.md §3)

export interface SimMarketRule {
  market: Market
  /**
   * DK/SE (GTC 1.6 a, b): after handover a deactivation ends the contract under §8, one month after
   * the request (D13; services stop at once without refund, DK 8.7, SE 8.8); before handover it is a
   * withdrawal where `d12` says so (DK any customer; SE a consumer whose contract was concluded that
   * way), citing `refs.withdrawal`. null: the contract is not affected (PT, BE, LU).
   */
  contract: {
    terminationNoticeMonths: number
    d12: { anyCustomer: true } | { anyCustomer: false; consumerChannels: readonly SalesChannel[] }
  } | null
  /** Functions unlocked by an activation code keep working offline (DK/SE GTC 1.6 c). */
  activatedFunctionsStayOffline: boolean
  /** The clauses cited in each situation. */
  refs: {
    /** Who may ask and who executes (D2: dealer staff and hotline agents in every market). */
    who: readonly Citation[]
    /** The request is a withdrawal (before handover, D12). */
    withdrawal: readonly Citation[]
    /** The request ends the contract one month later (D13). */
    termination: readonly Citation[]
    /** A termination is already pending: its date stands, no new month of notice (no D13). */
    terminationPending: readonly Citation[]
    /** The contract is not affected (PT, BE, LU). */
    noEffect: readonly Citation[]
    /** The SIM stays on for legal eCall. */
    legalEcall: readonly Citation[]
    /** The SIM stays on for legal map data (DK/SE 1.6 b; elsewhere RULES.md §1 alone, no clause). */
    legalMapData: readonly Citation[]
    /** Code-unlocked functions keep working offline. */
    activatedFunctions: readonly Citation[]
    /** No emergency call of any kind remains. */
    emergencyCallLost: readonly Citation[]
    /** Reactivation (RULES.md §4). */
    reactivation: readonly Citation[]
  }
  /** Services whose deactivation is the request (PT II.5.1), for the UI. */
  servicesSwitchedOff?: { code: string; name: string }[]
  /** Cited when a pre-handover request is a termination (SE 1.6 a gap); keyed by cause. */
  preHandoverTermination?: { notConsumer: readonly Citation[]; onPremises: readonly Citation[] }
  /** Reactivating during a pending termination cancels it (RULES.md §4: DK/SE). */
  reactivationCancelsTermination: boolean
}

const NO_CITATIONS: readonly Citation[] = []

/** BE and LU share seed 000 (one catalogue for both). */
function beLuSimRule(market: 'BE' | 'LU'): SimMarketRule {
  return {
    market,
    contract: null,
    activatedFunctionsStayOffline: false,
    refs: {
      who: ['BE/LU deactivation', 'D2'],
      withdrawal: NO_CITATIONS,
      termination: NO_CITATIONS,
      terminationPending: NO_CITATIONS,
      // L143: deactivating the base services blocks the SIM; nothing about the contract or a refund.
      noEffect: ['BE/LU deactivation'],
      // L147: with the legally required EU eCall the SIM stays active.
      legalEcall: ['BE/LU deactivation'],
      legalMapData: NO_CITATIONS,
      activatedFunctions: NO_CITATIONS,
      // L143: «aucun des Services, et en particulier de l'Appel d'Urgence Intelligent».
      emergencyCallLost: ['BE/LU deactivation'],
      // L143: reactivation at any time while a service's validity runs.
      reactivation: ['BE/LU deactivation', 'D4']
    },
    reactivationCancelsTermination: false
  }
}

export const SIM_RULES: Readonly<Record<Market, SimMarketRule>> = {
  DK: {
    market: 'DK',
    contract: { terminationNoticeMonths: 1, d12: { anyCustomer: true } },
    activatedFunctionsStayOffline: true,
    refs: {
      who: ['DK GTC 1.6', 'D2'],
      withdrawal: ['DK GTC 1.6 a)', 'D12', 'D17'],
      termination: ['DK GTC 1.6 b)', 'DK GTC 8.1', 'DK GTC 8.7', 'D13'],
      terminationPending: ['DK GTC 1.6 b)', 'DK GTC 8.1', 'DK GTC 8.7'],
      noEffect: NO_CITATIONS,
      legalEcall: ['DK GTC 1.6 b)', 'DK SD Emergency Call Service'],
      legalMapData: ['DK GTC 1.6 b)'],
      activatedFunctions: ['DK GTC 1.6 c)'],
      // 1.6: deactivation switches off every service except the legally required functions.
      emergencyCallLost: ['DK GTC 1.6'],
      reactivation: ['D4']
    },
    reactivationCancelsTermination: true
  },
  SE: {
    market: 'SE',
    contract: { terminationNoticeMonths: 1, d12: { anyCustomer: false, consumerChannels: DISTANCE_OR_OFF } },
    activatedFunctionsStayOffline: true,
    refs: {
      who: ['SE GTC 1.6', 'D2'],
      withdrawal: ['SE GTC 1.6 a)', 'D12'],
      termination: ['SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D13'],
      terminationPending: ['SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8'],
      noEffect: NO_CITATIONS,
      legalEcall: ['SE GTC 1.6 b)', 'SE SD Emergency Call'],
      legalMapData: ['SE GTC 1.6 b)'],
      activatedFunctions: ['SE GTC 1.6 c)'],
      emergencyCallLost: ['SE GTC 1.6'],
      reactivation: ['D4']
    },
    preHandoverTermination: {
      // 1.6 a) second sentence: a customer who is not a consumer terminates under §8.
      notConsumer: ['SE GTC 1.6 a)'],
      // 1.6 a) covers distance and off-premises contracts only; on the premises: §8 (D16).
      onPremises: ['SE GTC 1.6 a)', 'D16']
    },
    reactivationCancelsTermination: true
  },
  PT: {
    market: 'PT',
    contract: null,
    activatedFunctionsStayOffline: false,
    refs: {
      who: ['PT II.5.1', 'D2'],
      withdrawal: NO_CITATIONS,
      termination: NO_CITATIONS,
      terminationPending: NO_CITATIONS,
      // II.5.1: the SIM goes off with the basic services; the contract is not affected. II.2.2: they are free.
      noEffect: ['PT II.5.1', 'PT II.2.2'],
      legalEcall: ['D14'],
      legalMapData: NO_CITATIONS,
      activatedFunctions: NO_CITATIONS,
      // II.5.1 «a chamada de emergência no veículo deixará de funcionar».
      emergencyCallLost: ['PT II.5.1'],
      reactivation: ['D4']
    },
    servicesSwitchedOff: [
      { code: 'SA6AE', name: 'TeleServices' },
      { code: 'SA6AC', name: 'eCall Inteligente' }
    ],
    // PT: the deactivation does not touch the contract, so a pending notice is a separate matter.
    reactivationCancelsTermination: false
  },
  BE: beLuSimRule('BE'),
  LU: beLuSimRule('LU')
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
  unlimited: { label: 'unlimited', printed: 'Illimité', openEnded: true, source: { ref: 'BE/LU durations', seed: '000 L49–L51' } },
  '3y': { label: '3y', printed: '3 Ans', years: 3, openEnded: false, source: { ref: 'BE/LU durations', seed: '000 L53–L55' } },
  '1y': { label: '1y', printed: '1 An', years: 1, openEnded: false, source: { ref: 'BE/LU durations', seed: '000 L57–L59' } },
  '3m': { label: '3m', printed: '3 mois', months: 3, openEnded: false, source: { ref: 'BE/LU durations', seed: '000 L61–L63' } },
  // D9: '5 Ans' is used by 6AG (L73) but never defined; read as 5 years from first registration.
  '5y': { label: '5y', printed: '5 Ans', years: 5, openEnded: false, assumption: 'D9', source: { ref: 'BE/LU durations', seed: '000 L73 (undefined label)' } }
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
  /** Cited with every listing: where the durations and their start come from. */
  clauses: readonly Citation[]
  /** Cited on a purchase-record grant (seed lines, for a lawyer). */
  purchaseSeedLine: string
}

export const SERVICE_CATALOGUES: Readonly<Record<Market, ServiceCatalogue>> = {
  // BE/LU: durations run from the date of first registration (seed 000 L55–L63).
  BE: { basis: 'equipment-from-first-registration', packages: BE_LU_PACKAGES, clauses: ['BE/LU durations'], purchaseSeedLine: '000 L135 (Store purchase or renewal)' },
  LU: { basis: 'equipment-from-first-registration', packages: BE_LU_PACKAGES, clauses: ['BE/LU durations'], purchaseSeedLine: '000 L135 (Store purchase or renewal)' },
  PT: { basis: 'equipment-from-first-registration', packages: PT_PACKAGES, clauses: ['PT I.1', 'PT I.2', 'D10'], purchaseSeedLine: '004 II.3.2 (purchase record)' },
  // DK/SE: no per-service durations in the seed; basic services indefinite, additional services
  // carry their own term from their purchase (DK GTC 8.2, SE GTC 8.3).
  DK: { basis: 'purchases', packages: [], clauses: ['DK GTC 8.2'], purchaseSeedLine: '001 L511 (DK GTC 8.2)' },
  SE: { basis: 'purchases', packages: [], clauses: ['SE GTC 8.3'], purchaseSeedLine: '003 L479 (SE GTC 8.3)' }
}

// ---------------------------------------------------------------------------------------------
// Termination (RULES.md §7)

/** A notice period and the clauses it rests on. */
export interface NoticeRule<P> {
  period: P
  clauses: readonly Citation[]
}

/** null wherever the seed gives no such rule: the tool invents no date. */
export interface TerminationRules {
  /** Customer ends the contract: months after notice (D13), or weeks. */
  contractNotice: NoticeRule<{ months: number } | { weeks: number }> | null
  /** Unlimited service with recurring payments ends on the next due payment date. */
  recurringEndsOnNextDue: readonly Citation[] | null
  /** Vehicle sold: a limited-duration service ends after this many weeks, no refund. */
  vehicleSold: NoticeRule<{ weeks: number }> | null
  /** Any service, weeks of notice (PT II.5.3); no pro-rata refund (II.5.2). */
  serviceNotice: NoticeRule<{ weeks: number }> | null
  /** MINI may end the contract / an unlimited service only this many years after it began. */
  mini: NoticeRule<{ earliestYears: number; noticeMonths: number }> | null
}

/** BE/LU: seed 000 has no termination rules. */
const NO_TERMINATION_RULES: TerminationRules = { contractNotice: null, recurringEndsOnNextDue: null, vehicleSold: null, serviceNotice: null, mini: null }

export const TERMINATION_RULES: Readonly<Record<Market, TerminationRules>> = {
  DK: {
    contractNotice: { period: { months: 1 }, clauses: ['DK GTC 8.1'] },
    recurringEndsOnNextDue: ['DK GTC 8.5 a)'],
    vehicleSold: { period: { weeks: 6 }, clauses: ['DK GTC 8.6'] },
    serviceNotice: null,
    // 8.1 the contract, 8.4 an unlimited service.
    mini: { period: { earliestYears: 5, noticeMonths: 1 }, clauses: ['DK GTC 8.1', 'DK GTC 8.4'] }
  },
  SE: {
    contractNotice: { period: { months: 1 }, clauses: ['SE GTC 8.1'] },
    recurringEndsOnNextDue: ['SE GTC 8.6 a)'],
    vehicleSold: { period: { weeks: 6 }, clauses: ['SE GTC 8.7'] },
    serviceNotice: null,
    // 8.2 the contract, 8.5 an unlimited service.
    mini: { period: { earliestYears: 5, noticeMonths: 1 }, clauses: ['SE GTC 8.2', 'SE GTC 8.5'] }
  },
  PT: {
    contractNotice: { period: { weeks: 6 }, clauses: ['PT II.5.3'] },
    recurringEndsOnNextDue: null,
    // II.7 refers to II.5.3 for the six weeks.
    vehicleSold: { period: { weeks: 6 }, clauses: ['PT II.7', 'PT II.5.3'] },
    serviceNotice: { period: { weeks: 6 }, clauses: ['PT II.5.3', 'PT II.5.2'] },
    // PT seed states no ordinary termination right for MINI (sources/seed-004-pt.md PT-TERM-12).
    mini: null
  },
  BE: NO_TERMINATION_RULES,
  LU: NO_TERMINATION_RULES
}

// ---------------------------------------------------------------------------------------------
// Caller verification (RULES.md §8, D11)

export const VERIFICATION = {
  maxFailures: 3,
  lockMinutes: 15,
  clauses: ['D11', 'CA FAQ Associez votre compte'] as readonly Citation[]
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
