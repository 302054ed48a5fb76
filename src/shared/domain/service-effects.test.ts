import { describe, expect, it } from 'vitest'
import { generateFleet } from '../fleet/generate'
import type { VehicleDoc } from '../ipc/schemas'
import { serviceEffects, type ServiceLine } from './service-effects'

/** Issue 13, defect 3: the card and both SIM dialogs say the same about what the customer keeps and loses. */
const TODAY = '2026-11-21'
const fleet = generateFleet({ size: 12, referenceDate: TODAY })
function doc(i: number, patch: Partial<VehicleDoc> = {}): VehicleDoc {
  const r = fleet.records[i]!
  return { ...r.vehicle, shortVin: r.vehicle.vin.slice(-7), customer: fleet.customers.find((c) => c.id === r.vehicle.customerId)!, contract: r.contract, purchases: r.purchases, simCommand: null, cases: [], rev: 1, ...patch }
}
const named = (lines: ServiceLine[]) => lines.map((s) => s.service)
const line = (lines: ServiceLine[], name: string) => lines.find((s) => s.service === name)

/** Showcase 2: DK, handed over, legal eCall by 6AF, a Service Inclusive package bought 6 days ago. */
const dk = doc(2)
const terminated = (d: VehicleDoc, on: string): VehicleDoc => ({ ...d, contract: { ...d.contract!, status: 'terminated', terminationEffectiveOn: on } })

describe('the card’s services (RULES.md §1, §6)', () => {
  it('Legal Emergency Call never ends with the contract: no end date after a termination, active after it took effect', () => {
    const pending = serviceEffects(terminated(dk, '2026-12-21'), TODAY).services
    expect(line(pending, 'Legal Emergency Call')).toMatchObject({ kind: 'legal', openEnded: true, end: null, active: true })
    // The contract's own basic services end the day before the termination takes effect (DK GTC 8.1).
    expect(line(pending, 'Teleservices')).toMatchObject({ kind: 'connected', openEnded: false, end: '2026-12-20' })
    const after = serviceEffects(terminated(dk, '2026-12-21'), '2026-12-21').services
    expect(line(after, 'Teleservices')?.active).toBe(false)
    expect(line(after, 'Legal Emergency Call')).toMatchObject({ active: true, end: null })
  })

  it('a withdrawn contract grants nothing, but legal eCall is still fitted and listed', () => {
    const withdrawn = { ...dk, contract: { ...dk.contract!, status: 'withdrawn' as const }, purchases: [] }
    expect(named(serviceEffects(withdrawn, TODAY).services)).toEqual(['Legal Emergency Call'])
  })

  it('Service Inclusive is a contract of its own, not a connected service', () => {
    const si = serviceEffects(dk, TODAY).services.find((s) => s.codes.includes('SI-BASIS-36'))
    expect(si).toMatchObject({ kind: 'own-contract', active: true })
  })
})

describe('the deactivation dialog', () => {
  it('lists as stopping only what the card shows as a connected service; Service Inclusive and legal eCall go on', () => {
    const effects = serviceEffects(dk, TODAY)
    const d = effects.deactivation!
    const si = effects.services.find((s) => s.kind === 'own-contract')!
    expect(named(d.stop)).not.toContain(si.service)
    expect(named(d.unaffected)).toEqual([si.service])
    expect(named(d.keep)).toEqual(['Legal Emergency Call'])
    expect(named(d.stop)).toEqual(expect.arrayContaining(['Teleservices', 'Intelligent Emergency Call']))
  })

  it('every service active on the card is said once: it stops, is kept, or is not affected', () => {
    for (let i = 0; i < fleet.records.length; i++) {
      const effects = serviceEffects(doc(i), TODAY)
      if (!effects.deactivation) continue
      const { stop, keep, unaffected } = effects.deactivation
      const said = [...stop, ...keep, ...unaffected].map((s) => s.service).sort()
      expect(said, `vehicle ${i}`).toEqual(effects.services.filter((s) => s.active).map((s) => s.service).sort())
    }
  })

  it('a vehicle without legal eCall keeps nothing (PT showcase)', () => {
    const d = serviceEffects(doc(4), TODAY).deactivation!
    expect(d.assessment.targetState).toBe('DEACTIVATED')
    expect(d.keep).toEqual([])
  })
})

describe('the reactivation dialog', () => {
  /** Showcase 9: DK, in the month of notice (termination in 20 days), SIM restricted to legal eCall. */
  const notice = doc(9)

  it('lists what comes back with the end dates the card shows once it is back: a cancelled termination ends nothing', () => {
    const effects = serviceEffects(notice, TODAY)
    const r = effects.reactivation!
    expect(r.assessment.cancelsTermination).toBe(true)
    // Today the card shows the basic services ending with the termination…
    expect(line(effects.services, 'Teleservices')?.end).not.toBeNull()
    // …reactivating cancels it, so they come back with no end, as the card will then show them.
    expect(line(r.restored, 'Teleservices')).toMatchObject({ openEnded: true, end: null })
    const cardAfter = serviceEffects({ ...notice, sim: 'ACTIVE', contract: { ...notice.contract!, status: 'active', terminationEffectiveOn: null } }, TODAY).services
    for (const s of r.restored) expect(line(cardAfter, s.service), s.service).toMatchObject({ end: s.end, openEnded: s.openEnded })
  })

  it('legal eCall is not said to come back on a SIM that kept it', () => {
    const r = serviceEffects(notice, TODAY).reactivation!
    expect(named(r.alreadyOn)).toEqual(['Legal Emergency Call'])
    expect(named(r.restored)).not.toContain('Legal Emergency Call')
  })

  it('expired services stay off (BE showcase, 3-year services ended)', () => {
    const r = serviceEffects(doc(6), TODAY).reactivation!
    expect(named(r.stayOff)).toContain('Intelligent Voice Control')
    expect(named(r.restored)).toContain('My Info')
  })
})
