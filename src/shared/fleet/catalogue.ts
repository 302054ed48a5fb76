/**
 * What the demo fleet can be equipped with and buy, per market. Option codes follow the seeds: BE/LU
 * packages (seed 000 L65–L131), PT services (seed 004 I.1–I.2, written without the `SA` prefix as the
 * vehicle order prints them), DK/SE Teleservices / eCall codes (seed 001, 003 service descriptions).
 * Prices are invented but plausible, in integer minor units.
 */
import type { Market, PurchaseDoc } from '../ipc/schemas'
import { LEGAL_ECALL_OPTION_CODES } from '../rules'

export const MODELS: { name: string; vds: string; electric: boolean }[] = [
  { name: 'MINI Cooper C', vds: '11DH', electric: false },
  { name: 'MINI Cooper S', vds: '21DJ', electric: false },
  { name: 'MINI Cooper E', vds: '31EA', electric: true },
  { name: 'MINI Cooper SE', vds: '41EB', electric: true },
  { name: 'MINI Countryman C', vds: '51GA', electric: false },
  { name: 'MINI Countryman SE ALL4', vds: '61GB', electric: true },
  { name: 'MINI Aceman E', vds: '71KA', electric: true },
  { name: 'MINI John Cooper Works', vds: '81DK', electric: false },
  { name: 'MINI Cooper Cabrio', vds: '91CF', electric: false }
]

/** Optional equipment an order may add, per market. */
export const OPTIONAL_CODES: Record<Market, string[]> = {
  BE: ['6AK', '6AM', '6AN', '6AP', '7GG', '7GH', '7GK'],
  LU: ['6AK', '6AM', '6AN', '6AP', '7GG', '7GH', '7GK'],
  PT: ['6AK', '6AN', '6AM', '6AP', '6CP'],
  DK: ['6AK', '6AP', '6AM', '7GH'],
  SE: ['6AK', '6AP', '6AM', '7GH']
}

/** Equipment that carries Teleservices / Intelligent eCall as standard in each market. */
export const BASIC_CODES: Record<Market, string[]> = {
  BE: [],
  LU: [],
  PT: ['6AE', '6AC'],
  DK: ['6AE', '6AC'],
  SE: ['6AE', '6AC']
}

/**
 * The legal eCall option codes vehicles of each market are built with: BE/LU order any of the codes the
 * rules read as legal eCall; DK, SE and PT vehicles carry 6AF (with Intelligent eCall, 6AC).
 */
export const LEGAL_ECALL_CODES: Record<Market, readonly string[]> = {
  BE: LEGAL_ECALL_OPTION_CODES,
  LU: LEGAL_ECALL_OPTION_CODES,
  PT: ['6AF'],
  DK: ['6AF'],
  SE: ['6AF']
}

/** Equipment an electric MINI carries in each market (eDrive services, where the market sells them). */
export const ELECTRIC_CODES: Record<Market, readonly string[]> = {
  BE: ['6AG'],
  LU: ['6AG'],
  PT: ['6AG'],
  DK: [],
  SE: []
}

export type ProductTemplate = Pick<PurchaseDoc, 'code' | 'name' | 'kind' | 'price' | 'termMonths'>

export const STORE_PRODUCTS: Record<Market, ProductTemplate[]> = {
  DK: [
    { code: '7GH-12M', name: 'Connected Navigation 12 måneder', kind: 'connected-service', price: 109_500, termMonths: 12 },
    { code: '6AP-24M', name: 'Remote Services 24 måneder', kind: 'connected-service', price: 79_500, termMonths: 24 },
    { code: 'SI-BASIS-36', name: 'MINI Service Inclusive Basis 3 år / 40.000 km', kind: 'service-inclusive', price: 699_500, termMonths: 36 },
    { code: 'SI-PLUS-60', name: 'MINI Service Inclusive Plus 5 år / 80.000 km', kind: 'service-inclusive', price: 1_249_500, termMonths: 60 }
  ],
  SE: [
    { code: '7GH-12M', name: 'Connected Navigation 12 månader', kind: 'connected-service', price: 129_000, termMonths: 12 },
    { code: '6AP-24M', name: 'Remote Services 24 månader', kind: 'connected-service', price: 89_000, termMonths: 24 }
  ],
  PT: [
    { code: '6AM-12M', name: 'Real Time Traffic Information 12 meses', kind: 'connected-service', price: 9_900, termMonths: 12 },
    { code: '6AP-12M', name: 'Remote Services 12 meses', kind: 'connected-service', price: 6_900, termMonths: 12 }
  ],
  BE: [
    { code: '7GK-12M', name: 'Connected Navigation Plus 12 mois', kind: 'connected-service', price: 14_900, termMonths: 12 },
    { code: '6AM-6M', name: 'Real Time Traffic Information 6 mois', kind: 'connected-service', price: 5_900, termMonths: 6 }
  ],
  LU: [
    { code: '7GK-12M', name: 'Connected Navigation Plus 12 mois', kind: 'connected-service', price: 14_900, termMonths: 12 },
    { code: '6AP-1M', name: 'Remote Services 1 mois', kind: 'connected-service', price: 990, termMonths: 1 }
  ]
}

/** Price of a MINI Connected contract beyond the free basic services (0 = basic services only). */
export const CONNECTED_PRICES: Record<Market, number[]> = {
  DK: [0, 0, 249_500],
  SE: [0, 0, 299_000],
  PT: [0, 0, 24_900],
  BE: [0, 0, 29_900],
  LU: [0, 0, 29_900]
}
