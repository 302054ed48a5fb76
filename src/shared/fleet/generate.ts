/**
 * The deterministic demo fleet: the same (size, seed, reference date) gives the same vehicles, customers,
 * contracts and purchases on every machine. The first vehicles are hand-written showcases that tests and
 * demos rely on (one per legal situation); the rest are drawn at random with realistic proportions.
 */
import type { ContractDoc, CustomerDoc, CustomerKind, Market, PurchaseDoc, SalesChannel, SimState } from '../ipc/schemas'
import { stripAccents } from '../search/fold'
import { addDays, MARKET_INFO, MARKETS, SIM_RULES, WITHDRAWAL_RULES, type IsoDate } from '../rules'
import { BASIC_CODES, CONNECTED_PRICES, ELECTRIC_CODES, LEGAL_ECALL_CODES, MODELS, OPTIONAL_CODES, STORE_PRODUCTS, type ProductTemplate } from './catalogue'
import { PEOPLE } from './people'
import { defaultLanguage } from '../domain/languages'
import { Random } from './random'
import { buildVin } from './vin'

export interface VehicleRow {
  vin: string
  plate: string | null
  model: string
  market: Market
  firstRegistration: IsoDate | null
  handedOverAt: IsoDate | null
  equipment: string[]
  euEcall: boolean | null
  legalMapData: boolean | null
  sim: SimState
  dealerNumber: string
  customerId: string
}

export interface FleetRecord {
  vehicle: VehicleRow
  contract: ContractDoc | null
  purchases: PurchaseDoc[]
  /** A short English description of why this vehicle exists (showcases only). */
  showcase?: string
}

export interface Fleet {
  customers: CustomerDoc[]
  records: FleetRecord[]
}

export interface FleetOptions {
  size: number
  seed?: number
  /** "Today" of the fleet: handovers, contracts and purchases are placed relative to it. */
  referenceDate: IsoDate
}

/** How a vehicle's legal eCall evidence looks (D1 cases). */
type EcallProfile = 'codes' | 'flag-only' | 'conflict' | 'intelligent-only' | 'none' | 'map-data'

interface Scenario {
  showcase: string
  market: Market
  /** days before the reference date of first registration; null = not registered */
  registeredDaysAgo: number | null
  handedOver: boolean
  ecall: EcallProfile
  equipment?: string[]
  sim: SimState
  customer: CustomerKind
  channel: SalesChannel
  concludedDaysAgo: number
  contractStatus?: ContractDoc['status']
  terminationInDays?: number
  instructions?: 'given' | 'never' | { receivedDaysAgo: number }
  connectedPrice?: number
  person?: { first: string; last: string; company?: string }
  products?: { code: string; daysAgo: number; channel: SalesChannel }[]
  /** reuse the plant+serial (last 7 of the VIN) of the vehicle at this index */
  shareShortVinWith?: number
}

/** The showcase vehicles, in this order, are always the first of any fleet of at least this many. */
export const SHOWCASES: Scenario[] = [
  { showcase: 'DK consumer, new vehicle at the dealer (not handed over), legal eCall by 6AF', market: 'DK', registeredDaysAgo: null, handedOver: false, ecall: 'codes', equipment: ['6AE', '6AC', '6AF', '6AK'], sim: 'ACTIVE', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 5, connectedPrice: 249_500, person: { first: 'Søren Ærø', last: 'Østergård' } },
  { showcase: 'SE business vehicle sharing its last 7 VIN characters with the first showcase', market: 'SE', registeredDaysAgo: 400, handedOver: true, ecall: 'codes', equipment: ['6AE', '6AC', '6AF'], sim: 'ACTIVE', customer: 'business', channel: 'on-premises', concludedDaysAgo: 400, person: { first: 'Göran', last: 'Sjöberg', company: 'Sjöberg Bygg AB' }, shareShortVinWith: 0 },
  { showcase: 'DK consumer, handed over two years ago, legal eCall: deactivation is a termination', market: 'DK', registeredDaysAgo: 730, handedOver: true, ecall: 'codes', equipment: ['6AE', '6AC', '6AF', '7GH'], sim: 'ACTIVE', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 730, person: { first: 'Mette', last: 'Kjær' }, products: [{ code: 'SI-BASIS-36', daysAgo: 6, channel: 'distance' }] },
  { showcase: 'SE consumer, bought at a distance, not handed over: deactivation is a withdrawal', market: 'SE', registeredDaysAgo: null, handedOver: false, ecall: 'flag-only', equipment: ['6AE', '6AC'], sim: 'ACTIVE', customer: 'consumer', channel: 'distance', concludedDaysAgo: 30, connectedPrice: 299_000, person: { first: 'Åsa', last: 'Bäckström' } },
  { showcase: 'PT consumer without legal eCall: full deactivation needs the acknowledgement', market: 'PT', registeredDaysAgo: 2900, handedOver: true, ecall: 'intelligent-only', equipment: ['6AE', '6AC'], sim: 'ACTIVE', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 2900, person: { first: 'José', last: 'Conceição' } },
  { showcase: 'BE consumer with 6AF: stays ECALL_ONLY, Intelligent eCall lost', market: 'BE', registeredDaysAgo: 500, handedOver: true, ecall: 'codes', equipment: ['6AF', '6AC', '6AK', '7GH'], sim: 'ACTIVE', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 500, person: { first: 'Hélène', last: 'Lefèvre' } },
  { showcase: 'BE consumer, SIM deactivated, no legal eCall, 6AK 3-year services expired', market: 'BE', registeredDaysAgo: 1500, handedOver: true, ecall: 'none', equipment: ['6AK', '7GH'], sim: 'DEACTIVATED', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 1500, person: { first: 'Jérôme', last: 'Dupré' } },
  { showcase: 'LU business vehicle with 6FP, SIM restricted to legal eCall', market: 'LU', registeredDaysAgo: 1200, handedOver: true, ecall: 'codes', equipment: ['6FP', '7GG'], sim: 'ECALL_ONLY', customer: 'business', channel: 'on-premises', concludedDaysAgo: 1200, person: { first: 'Léa', last: 'Reuter', company: 'Reuter Logistique S.à r.l.' } },
  { showcase: 'PT consumer who received the withdrawal instructions 17 days after concluding online', market: 'PT', registeredDaysAgo: 20, handedOver: true, ecall: 'codes', equipment: ['6AE', '6AC', '6AF', '6AM'], sim: 'ACTIVE', customer: 'consumer', channel: 'distance', concludedDaysAgo: 25, instructions: { receivedDaysAgo: 8 }, connectedPrice: 24_900, person: { first: 'Inês', last: 'Magalhães' } },
  { showcase: 'DK consumer in the month of notice after a termination (reactivation cancels it)', market: 'DK', registeredDaysAgo: 900, handedOver: true, ecall: 'codes', equipment: ['6AE', '6AC', '6AF'], sim: 'ECALL_ONLY', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 900, contractStatus: 'terminated', terminationInDays: 20, person: { first: 'Bjørn', last: 'Frølund' } },
  { showcase: 'SE consumer, off-premises sale, never given the withdrawal instructions (D7)', market: 'SE', registeredDaysAgo: 60, handedOver: true, ecall: 'codes', equipment: ['6AE', '6AC', '6AF'], sim: 'ACTIVE', customer: 'consumer', channel: 'off-premises', concludedDaysAgo: 60, instructions: 'never', connectedPrice: 299_000, person: { first: 'Linnéa', last: 'Åström' } },
  { showcase: 'LU consumer bought a store service online a week ago (withdrawal candidate)', market: 'LU', registeredDaysAgo: 300, handedOver: true, ecall: 'flag-only', equipment: ['6AC', '7GK'], sim: 'ACTIVE', customer: 'consumer', channel: 'on-premises', concludedDaysAgo: 300, person: { first: 'Noémie', last: 'Gœrgen' }, products: [{ code: '7GK-12M', daysAgo: 7, channel: 'distance' }] }
]

const PLANTS = ['2', 'T', '5']

export function generateFleet(options: FleetOptions): Fleet {
  const rng = new Random(options.seed ?? 20261101)
  const ref = options.referenceDate
  const customers: CustomerDoc[] = []
  const records: FleetRecord[] = []
  const plateCounters = Object.fromEntries(MARKETS.map((m) => [m, 0])) as Record<Market, number>
  const lastCustomerByMarket: Partial<Record<Market, CustomerDoc>> = {}

  for (let i = 0; i < options.size; i++) {
    const scenario = SHOWCASES[i] ?? randomScenario(rng, MARKETS[i % MARKETS.length]!)
    const m = scenario.market
    const people = PEOPLE[m]

    // A customer now and then owns a second vehicle: name searches must list both.
    const reuse = !SHOWCASES[i] && scenario.customer === 'consumer' && rng.chance(0.08) ? lastCustomerByMarket[m] : undefined
    const customer = reuse ?? makeCustomer(rng, m, scenario, customers.length)
    if (!reuse) customers.push(customer)
    if (customer.kind === 'consumer') lastCustomerByMarket[m] = customer

    const model = SHOWCASES[i] ? MODELS[i % MODELS.length]! : rng.pick(MODELS)
    const firstRegistration = scenario.registeredDaysAgo === null ? null : addDays(ref, -scenario.registeredDaysAgo)
    const handedOverAt = scenario.handedOver ? (firstRegistration ?? addDays(ref, -scenario.concludedDaysAgo)) : null
    const buildYear = Number((firstRegistration ?? ref).slice(0, 4))

    const serialSource = scenario.shareShortVinWith ?? i
    const serial = String((serialSource * 7919 + 12_345) % 1_000_000).padStart(6, '0')
    const plant = PLANTS[Math.floor(serialSource / 1_000_000) % PLANTS.length]!
    const vds = scenario.shareShortVinWith !== undefined ? alternateVds(model.vds) : model.vds
    const vin = buildVin(vds, buildYear, plant, serial)

    const equipment = scenario.equipment ?? randomEquipment(rng, m, scenario.ecall, model.electric)
    const { euEcall, legalMapData } = ecallFlags(scenario.ecall)
    const plate = firstRegistration ? makePlate(rng, m, plateCounters[m]++) : null

    const contract = makeContract(rng, m, scenario, ref, i)
    const purchases = makePurchases(rng, m, scenario, ref, i)

    records.push({
      vehicle: {
        vin,
        plate,
        model: model.name,
        market: m,
        firstRegistration,
        handedOverAt,
        equipment,
        euEcall,
        legalMapData,
        sim: scenario.sim,
        dealerNumber: rng.pick(people.dealers).number,
        customerId: customer.id
      },
      contract,
      purchases,
      ...(SHOWCASES[i] ? { showcase: scenario.showcase } : {})
    })
  }
  return { customers, records }
}

function alternateVds(vds: string): string {
  // A different model code keeps the full VIN unique while the last 7 characters stay shared.
  return vds.slice(0, 3) + (vds[3] === 'Z' ? 'Y' : 'Z')
}

function randomScenario(rng: Random, market: Market): Scenario {
  const handedOver = rng.chance(0.82)
  const registeredDaysAgo = handedOver ? rng.int(1, 2700) : rng.chance(0.3) ? rng.int(0, 10) : null
  const ecall = rng.weighted<EcallProfile>({ codes: 60, 'flag-only': 12, conflict: 3, 'intelligent-only': 12, none: 8, 'map-data': 5 })
  const legal = ecall === 'codes' || ecall === 'flag-only' || ecall === 'conflict' || ecall === 'map-data'
  // The invariant holds in the demo data too: legal eCall vehicles are never DEACTIVATED.
  const sim: SimState = rng.chance(0.85) ? 'ACTIVE' : legal ? 'ECALL_ONLY' : 'DEACTIVATED'
  const customer: CustomerKind = rng.chance(0.8) ? 'consumer' : 'business'
  const channel = rng.weighted<SalesChannel>({ 'on-premises': 60, distance: 25, 'off-premises': 15 })
  const concludedDaysAgo = registeredDaysAgo ?? rng.int(0, 40)
  // Where a SIM change withdraws or terminates the contract (DK, SE), a changed SIM has changed it.
  const afterHandoverChange = SIM_RULES[market].contract !== null && sim !== 'ACTIVE'
  const contractStatus: ContractDoc['status'] = afterHandoverChange ? (handedOver ? 'terminated' : 'withdrawn') : 'active'
  return {
    showcase: '',
    market,
    registeredDaysAgo,
    handedOver,
    ecall,
    sim,
    customer,
    channel,
    concludedDaysAgo,
    contractStatus,
    terminationInDays: contractStatus === 'terminated' ? rng.int(-400, 25) : undefined,
    instructions: rng.chance(0.04) ? 'never' : 'given',
    products: rng.chance(0.35)
      ? [{ code: rng.pick(STORE_PRODUCTS[market]).code, daysAgo: rng.int(0, Math.max(0, Math.min(1200, concludedDaysAgo))), channel: rng.chance(0.7) ? 'distance' : 'on-premises' }]
      : []
  }
}

function ecallFlags(profile: EcallProfile): { euEcall: boolean | null; legalMapData: boolean | null } {
  switch (profile) {
    case 'codes':
      return { euEcall: true, legalMapData: null }
    case 'flag-only':
      return { euEcall: true, legalMapData: null }
    case 'conflict':
      // The record says no, the equipment says yes: D1 treats it as fitted and reports the conflict.
      return { euEcall: false, legalMapData: null }
    case 'map-data':
      return { euEcall: false, legalMapData: true }
    case 'intelligent-only':
      return { euEcall: false, legalMapData: false }
    case 'none':
      return { euEcall: null, legalMapData: null }
  }
}

function randomEquipment(rng: Random, market: Market, profile: EcallProfile, electric: boolean): string[] {
  const codes = new Set<string>(BASIC_CODES[market])
  if (profile === 'codes' || profile === 'conflict') {
    // One code draws nothing: the fleet stays the same for the same seed (tests pick vehicles by index).
    const choices = LEGAL_ECALL_CODES[market]
    const legal = choices.length === 1 ? choices[0]! : rng.pick(choices)
    codes.add(legal)
    if (legal === '6AF') codes.add('6AC')
  }
  if (profile === 'flag-only' || profile === 'map-data' || profile === 'intelligent-only') codes.add('6AC')
  if (profile === 'none') codes.delete('6AC')
  for (const code of OPTIONAL_CODES[market]) if (rng.chance(0.25)) codes.add(code)
  if (electric) for (const code of ELECTRIC_CODES[market]) codes.add(code)
  return [...codes].sort()
}

function makeCustomer(rng: Random, m: Market, scenario: Scenario, index: number): CustomerDoc {
  const people = PEOPLE[m]
  const first = scenario.person?.first ?? rng.pick(people.firstNames)
  const last = scenario.person?.last ?? rng.pick(people.lastNames)
  const company =
    scenario.customer === 'business'
      ? (scenario.person?.company ?? `${rng.pick(people.lastNames)} ${rng.pick(people.companyWords)} ${rng.pick(people.companySuffixes)}`)
      : null
  const place = rng.pick(people.places)
  const houseNumber = rng.int(1, 180)
  const street = people.streetLine(rng.pick(people.streets), houseNumber)
  const local = stripAccents(`${first}.${last}`).replace(/[^a-z.]/g, '')
  return {
    id: `C${String(index + 1).padStart(7, '0')}`,
    kind: scenario.customer,
    firstName: first,
    lastName: last,
    companyName: company,
    street,
    postcode: place.postcode,
    city: place.city,
    country: people.country,
    customerNumber: String(40_000_000 + ((index * 104_729 + 7) % 10_000_000)),
    email: `${local}@${people.emailDomain}`,
    phone: `${people.phonePrefix} ${String(rng.int(20_000_000, 99_999_999))}`,
    language: place.language ?? defaultLanguage(m)
  }
}

function makeContract(rng: Random, m: Market, s: Scenario, ref: IsoDate, index: number): ContractDoc {
  const concludedAt = addDays(ref, -s.concludedDaysAgo)
  const instructions = s.instructions ?? 'given'
  const price = s.connectedPrice ?? rng.pick(CONNECTED_PRICES[m])
  const given = s.contractStatus ?? 'active'
  const terminationEffectiveOn = given === 'terminated' ? addDays(ref, s.terminationInDays ?? 0) : null
  // A termination whose date has not come is pending: the contract is active until then (dated-effects.ts).
  const status = given === 'terminated' && terminationEffectiveOn && terminationEffectiveOn > ref ? 'active' : given
  return {
    id: `MC-${m}-${String(index + 1).padStart(6, '0')}`,
    concludedAt,
    customer: s.customer,
    channel: s.channel,
    status,
    terminationEffectiveOn,
    instructionsGiven: instructions !== 'never',
    instructionsReceivedAt:
      typeof instructions === 'object'
        ? addDays(ref, -instructions.receivedDaysAgo)
        : // Where the period runs from receipt of the instructions (PT), given instructions have a date.
          WITHDRAWAL_RULES[m].connected.periodFrom === 'instructions-receipt' && instructions === 'given'
          ? concludedAt
          : null,
    currency: MARKET_INFO[m].currency,
    price,
    paid: price
  }
}

function makePurchases(rng: Random, m: Market, s: Scenario, ref: IsoDate, index: number): PurchaseDoc[] {
  return (s.products ?? []).map((p, n) => {
    const template: ProductTemplate = STORE_PRODUCTS[m].find((t) => t.code === p.code) ?? STORE_PRODUCTS[m][0]!
    const paid = rng.chance(0.9) ? template.price : 0
    return {
      id: `P-${m}-${String(index + 1).padStart(6, '0')}-${n + 1}`,
      code: template.code,
      name: template.name,
      kind: template.kind,
      purchasedAt: addDays(ref, -p.daysAgo),
      channel: p.channel,
      currency: MARKET_INFO[m].currency,
      price: template.price,
      paid,
      termMonths: template.termMonths,
      status: 'active'
    }
  })
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'
const SE_LETTERS = 'ABCDEFGHJKLMNOPRSTUWXYZ'

/** Plates in each country's current format; the counter keeps them unique within a market. */
export function makePlate(rng: Random, m: Market, n: number): string {
  const letters = (alphabet: string, count: number, value: number): string => {
    let out = ''
    for (let k = 0; k < count; k++) {
      out = alphabet[value % alphabet.length]! + out
      value = Math.floor(value / alphabet.length)
    }
    return out
  }
  const digits = (count: number, value: number): string => String(value % 10 ** count).padStart(count, '0')
  const spread = (n * 7919 + 3) // a permutation modulo powers of ten: neighbours get unrelated plates
  switch (m) {
    case 'DK':
      return `${letters(LETTERS, 2, rng.int(0, 528) + Math.floor(n / 100_000))} ${digits(2, Math.floor((spread % 100_000) / 1000))} ${digits(3, spread % 1000)}`
    case 'SE':
      return `${letters(SE_LETTERS, 3, Math.floor(n / 1000) + 37)} ${digits(3, spread)}`
    case 'PT':
      return `${letters(LETTERS, 2, Math.floor(n / 100) + 11)}-${digits(2, spread)}-${letters(LETTERS, 2, rng.int(0, 528))}`
    case 'BE':
      return `${1 + (Math.floor(n / 1_000_000) % 2)}-${letters(LETTERS, 3, Math.floor(n / 1000) + 100)}-${digits(3, spread)}`
    case 'LU':
      return `${letters(LETTERS, 2, Math.floor(n / 10_000) + 25)} ${digits(4, spread)}`
  }
}
