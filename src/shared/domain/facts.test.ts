import { describe, expect, it } from 'vitest'
import { generateFleet } from '../fleet/generate'
import type { VehicleDoc } from '../ipc/schemas'
import { isLegalService, listServices } from '../rules'
import { toServicePurchases, toVehicleFacts } from './facts'

const fleet = generateFleet({ size: 12, referenceDate: '2026-11-21' })
function doc(i: number, patch: Partial<VehicleDoc> = {}): VehicleDoc {
  const r = fleet.records[i]!
  return { ...r.vehicle, shortVin: r.vehicle.vin.slice(-7), customer: fleet.customers.find((c) => c.id === r.vehicle.customerId)!, contract: r.contract, purchases: r.purchases, simCommand: null, cases: [], rev: 1, ...patch }
}
const services = (d: VehicleDoc, on = '2026-11-21') => listServices({ vehicle: toVehicleFacts(d)!, purchases: toServicePurchases(d) }, on).services

describe('services a vehicle is entitled to (RULES.md §6)', () => {
  it('DK GTC 8.2 — basic services come with the contract and have no end', () => {
    const list = services(doc(2))
    expect(list.find((s) => s.service === 'Teleservices')).toMatchObject({ active: true, openEnded: true })
    expect(list.find((s) => s.service === 'MINI Service Inclusive Basis 3 år / 40.000 km')).toMatchObject({ active: true, openEnded: false })
  })

  it('DK GTC 8.1 — after a termination takes effect the basic services have ended', () => {
    const d = doc(2, { contract: { ...doc(2).contract!, status: 'terminated', terminationEffectiveOn: '2026-12-21' } })
    expect(services(d, '2026-12-20').find((s) => s.service === 'Teleservices')?.active).toBe(true)
    expect(services(d, '2026-12-21').find((s) => s.service === 'Teleservices')?.active).toBe(false)
  })

  it('a withdrawn contract or purchase grants nothing; legal eCall, a type-approval function, stays', () => {
    const d = doc(2, { contract: { ...doc(2).contract!, status: 'withdrawn' }, purchases: doc(2).purchases.map((p) => ({ ...p, status: 'withdrawn' as const })) })
    expect(services(d).map((s) => s.service)).toEqual(['Legal Emergency Call'])
  })

  it('BE/LU and PT services come from the equipment catalogue, not from the contract', () => {
    expect(toServicePurchases(doc(5)).map((p) => p.code)).toEqual([])
    expect(services(doc(5)).length).toBeGreaterThan(0)
  })

  it('names the legal eCall services, which a SIM restricted to legal eCall keeps', () => {
    const names = services(doc(5)).map((s) => s.service)
    expect(names.filter(isLegalService)).toEqual(['Legal Emergency Call'])
    expect(services(doc(2)).map((s) => s.service).filter(isLegalService)).toEqual(['Legal Emergency Call'])
  })
})
