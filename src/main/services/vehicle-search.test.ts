import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type Caller, type TestBackend } from '../testing/backend'
import { persistentDatabase } from '../testing/databases'

/**
 * The search box answered by main (vehicleSearch, customerVehicles) on both engines: every kind of input
 * finds its vehicle, Danish spellings fold alike, the full name and exact identifiers rank first, dealer
 * staff find their market only, and names changed after the seed (or folded another way) are found.
 * The 40-vehicle demo fleet: showcases first; customer C0000029 owns vehicles 28 and 33 (BE).
 */
let backend: TestBackend
let hotline: Caller
const record = (i: number) => backend.fleet.records[i]!
const customerOf = (i: number) => backend.fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!
/** The vehicles of customers with this first and last name, in fleet order. */
const named = (first: string, last: string) =>
  backend.fleet.records.filter((r) => {
    const c = backend.fleet.customers.find((x) => x.id === r.vehicle.customerId)!
    return c.firstName === first && c.lastName === last
  }).map((r) => r.vehicle.vin)
const vins = async (caller: Caller, query: string) => (await caller.call('vehicleSearch', { query })).vehicles.map((v) => v.vin)

beforeAll(async () => {
  backend = await startTestBackend({ size: 40 })
  hotline = await backend.as('hotline')
})
afterAll(() => backend.close())

describe('vehicleSearch', () => {
  it('finds a vehicle by full VIN, last 7 (every vehicle sharing it), plate and customer number', async () => {
    const { vin } = record(2).vehicle
    expect(await vins(hotline, vin.toLowerCase())).toEqual([vin])
    expect((await vins(hotline, record(0).vehicle.vin.slice(-7))).sort()).toEqual([record(0).vehicle.vin, record(1).vehicle.vin].sort())
    const plate = record(2).vehicle.plate!
    expect(await vins(hotline, plate.replace(/\s/g, '').toLowerCase())).toContain(vin)
    expect(await vins(hotline, plate.slice(0, 4))).toContain(vin)
    expect(await vins(hotline, customerOf(2).customerNumber)).toEqual([vin])
  })

  it('finds a phone number in any spacing, with or without its country code', async () => {
    const { vin } = record(0).vehicle
    const phone = customerOf(0).phone! // "+45 53585844"
    const national = phone.split(' ')[1]!
    for (const typed of [phone, phone.replace(/\s/g, ''), `00${phone.slice(1)}`, national, national.replace(/(\d\d)/g, '$1 ').trim(), national.slice(-6)]) {
      expect(await vins(hotline, typed), typed).toContain(vin)
    }
    expect(await vins(hotline, national), 'the whole national number ranks first')
      .toEqual(expect.arrayContaining([vin]))
    expect((await vins(hotline, national))[0]).toBe(vin)
  })

  it('finds an e-mail address as it is typed, and a case number however it is spaced', async () => {
    const { vin } = record(0).vehicle
    const email = customerOf(0).email!
    expect(await vins(hotline, email.toUpperCase())).toEqual([vin])
    expect(await vins(hotline, email.slice(0, email.indexOf('@') + 3))).toContain(vin)
    // A case: the deactivation of the first showcase before handover is a withdrawal (GTC 1.6 a).
    const c = customerOf(3)
    const v = record(3).vehicle
    await hotline.call('callerVerify', { vin: v.vin, firstName: c.firstName!, lastName: c.lastName!, spokenVin: v.vin, postcode: c.postcode })
    await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    const caseId = (await hotline.call('vehicleGet', { vin: v.vin })).cases[0]!.id
    const [, year, n] = /^WD-(\d{4})-(\d{6})$/.exec(caseId)!
    expect(await vins(hotline, caseId)).toEqual([v.vin])
    expect(await vins(hotline, `wd ${year} ${Number(n)}`)).toEqual([v.vin])
  })

  it('folds Danish and Norwegian spellings alike, and puts the full name first', async () => {
    expect(await vins(hotline, 'soren aero oestergaard')).toEqual([record(0).vehicle.vin])
    expect(await vins(hotline, 'Søren Ærø Østergård')).toEqual([record(0).vehicle.vin])
    const [ida] = named('Ida', 'Bækgaard')
    for (const typed of ['ida baekgaard', 'Ida Bækgård', 'bakgard', 'BÆKGA']) expect(await vins(hotline, typed), typed).toContain(ida)
    // Two customers named Björn Nyström, and other Björns: the two come first.
    const nystrom = named('Björn', 'Nyström')
    expect(nystrom).toHaveLength(2)
    const found = await vins(hotline, 'bjorn nystrom')
    expect(found.slice(0, 2).sort()).toEqual(nystrom.sort())
    const bjorns = await vins(hotline, 'Björn')
    expect(bjorns.length).toBeGreaterThan(2)
  })

  it('lists the vehicles of one customer, in the agent’s scope', async () => {
    const [a, b] = [record(28).vehicle.vin, record(33).vehicle.vin]
    expect((await hotline.call('customerVehicles', { vin: a })).vehicles.map((v) => v.vin).sort()).toEqual([a, b].sort())
    const be = await backend.as('dealer.be')
    expect((await be.call('customerVehicles', { vin: b })).vehicles.map((v) => v.vin).sort()).toEqual([a, b].sort())
    const dk = await backend.as('dealer.dk')
    await expect(dk.call('customerVehicles', { vin: b })).rejects.toMatchObject({ code: 'forbidden', key: 'vehicle.otherMarket' })
  })

  it('gives dealer staff their market only', async () => {
    const dk = await backend.as('dealer.dk')
    expect(await vins(dk, record(1).vehicle.vin)).toEqual([]) // a Swedish vehicle
    expect(await vins(dk, 'sjoberg')).toEqual([])
    expect(await vins(dk, record(0).vehicle.vin.slice(-7))).toEqual([record(0).vehicle.vin])
    const all = (await dk.call('vehicleSearch', { query: 'a' })).vehicles
    expect(all.length).toBeGreaterThan(0)
    expect(all.every((v) => v.market === 'DK')).toBe(true)
  })

  it('finds nothing, and refuses nothing, for input that is no lookup', async () => {
    for (const query of ['', '   ', '+', '@', 'WMW11DJ0X0234567O', '12']) expect(await vins(hotline, query), query).toEqual([])
    const tooLong = await hotline.raw('vehicle:search', { query: 'x'.repeat(201) })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad-request', issues: [{ key: 'field.tooLong' }] } })
  })

  it('finds a customer renamed after the seed by the new name', async () => {
    const [vin] = named('Ben', 'Weber')
    const customerId = backend.fleet.records.find((r) => r.vehicle.vin === vin)!.vehicle.customerId
    await backend.db.query(`UPDATE customers SET last_name = 'Aagaard' WHERE id = $1`, [customerId])
    expect(await vins(hotline, 'ben agard')).toEqual([vin])
    expect(await vins(hotline, 'ben weber')).not.toContain(vin)
  })
})

describe('search words of a database from before them (or folded another way)', () => {
  it('are computed at start, and name lookups wait for them', async () => {
    const storage = await persistentDatabase({ size: 40, referenceDate: backend.clock.today() })
    try {
      const db = await storage.open()
      await db.query('DELETE FROM customer_search_words')
      await db.query(`DELETE FROM meta WHERE key = 'search_fold'`)
      await db.close()
      const restarted = await startTestBackend({ size: 40, database: await storage.open() })
      try {
        const agent = await restarted.as('hotline')
        expect(await vins(agent, 'oestergaard')).toEqual([record(0).vehicle.vin])
        const { rows } = await restarted.db.query<{ n: number }>('SELECT count(DISTINCT customer_id)::int AS n FROM customer_search_words')
        expect(rows[0]!.n).toBe(backend.fleet.customers.length)
      } finally {
        await restarted.close()
      }
    } finally {
      await storage.drop()
    }
  })
})
