import { describe, expect, it } from 'vitest'
import { mustKeepSim, validateVin } from '../rules'
import { toVehicleFacts } from '../domain/facts'
import { MARKETS } from '../rules'
import { generateFleet, SHOWCASES } from './generate'

const fleet = generateFleet({ size: 400, referenceDate: '2026-11-21' })
const vehicles = fleet.records.map((r) => r.vehicle)

const PLATE_FORMATS = {
  DK: /^[A-Z]{2} \d{2} \d{3}$/,
  SE: /^[A-Z]{3} \d{3}$/,
  PT: /^[A-Z]{2}-\d{2}-[A-Z]{2}$/,
  BE: /^[12]-[A-Z]{3}-\d{3}$/,
  LU: /^[A-Z]{2} \d{4}$/
} as const

describe('demo fleet', () => {
  it('is deterministic for a size, seed and date', () => {
    const again = generateFleet({ size: 400, referenceDate: '2026-11-21' })
    expect(again).toEqual(fleet)
    const otherDay = generateFleet({ size: 400, referenceDate: '2026-12-01' })
    expect(otherDay.records[0]!.contract!.concludedAt).not.toEqual(fleet.records[0]!.contract!.concludedAt)
  })

  it('covers every market with at least 300 vehicles in all', () => {
    expect(vehicles.length).toBeGreaterThanOrEqual(300)
    for (const m of MARKETS) expect(vehicles.filter((v) => v.market === m).length).toBeGreaterThan(40)
  })

  it('has only VINs the rules accept, all different', () => {
    for (const v of vehicles) expect(validateVin(v.vin)).toEqual({ ok: true, vin: v.vin })
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length)
  })

  it('has two vehicles that share their last 7 VIN characters', () => {
    const byShort = new Map<string, number>()
    for (const v of vehicles) byShort.set(v.vin.slice(-7), (byShort.get(v.vin.slice(-7)) ?? 0) + 1)
    expect([...byShort.values()].some((n) => n >= 2)).toBe(true)
  })

  it('gives registered vehicles a plate in their country format, and none to unregistered ones', () => {
    for (const v of vehicles) {
      if (v.firstRegistration) expect(v.plate).toMatch(PLATE_FORMATS[v.market])
      else expect(v.plate).toBeNull()
    }
  })

  it('writes names and addresses in each country’s letters', () => {
    const text = fleet.customers.map((c) => `${c.firstName} ${c.lastName} ${c.street} ${c.city}`).join(' ')
    for (const letter of ['ø', 'å', 'æ', 'ä', 'ö', 'ç', 'ã', 'é', 'ë']) expect(text).toContain(letter)
  })

  it('mixes handover states, customers, channels, SIM states and eCall evidence', () => {
    expect(vehicles.some((v) => v.handedOverAt)).toBe(true)
    expect(vehicles.some((v) => !v.handedOverAt)).toBe(true)
    const contracts = fleet.records.map((r) => r.contract!)
    for (const kind of ['consumer', 'business'] as const) expect(contracts.some((c) => c.customer === kind)).toBe(true)
    for (const ch of ['on-premises', 'distance', 'off-premises'] as const) expect(contracts.some((c) => c.channel === ch)).toBe(true)
    for (const s of ['ACTIVE', 'ECALL_ONLY', 'DEACTIVATED'] as const) expect(vehicles.some((v) => v.sim === s)).toBe(true)
    expect(vehicles.some((v) => ['6AF', '6FP', '6UM'].some((c) => v.equipment.includes(c)))).toBe(true)
    expect(vehicles.some((v) => v.equipment.includes('6AC') && !['6AF', '6FP', '6UM'].some((c) => v.equipment.includes(c)) && v.euEcall !== true)).toBe(true)
    expect(vehicles.some((v) => v.euEcall === true && !['6AF', '6FP', '6UM'].some((c) => v.equipment.includes(c)))).toBe(true)
    expect(new Set(fleet.records.flatMap((r) => r.purchases.map((p) => p.currency)))).toEqual(new Set(['DKK', 'SEK', 'EUR']))
  })

  it('never has a legal-eCall vehicle with a DEACTIVATED SIM', () => {
    for (const r of fleet.records) {
      const facts = toVehicleFacts({ ...r.vehicle, shortVin: r.vehicle.vin.slice(-7), customer: fleet.customers[0]!, contract: r.contract, purchases: r.purchases, simCommand: null, cases: [], rev: 0, sim: r.vehicle.sim })
      if (facts && mustKeepSim(facts)) expect(r.vehicle.sim).not.toBe('DEACTIVATED')
    }
  })

  it('starts with the showcases, in order', () => {
    SHOWCASES.forEach((s, i) => {
      expect(fleet.records[i]!.showcase).toBe(s.showcase)
      expect(fleet.records[i]!.vehicle.market).toBe(s.market)
    })
  })

  it('scales to large fleets with unique VINs', () => {
    const big = generateFleet({ size: 20_000, referenceDate: '2026-11-21' })
    expect(new Set(big.records.map((r) => r.vehicle.vin)).size).toBe(20_000)
  })
})
