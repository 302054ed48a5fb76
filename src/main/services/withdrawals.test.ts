import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, assessWithdrawal } from '@shared/rules'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { eventually, startTestBackend, TEST_TODAY, type Caller, type TestBackend } from '../testing/backend'
import { createVehicleService } from './vehicles'
import { withdrawalInput } from '@shared/domain/withdrawal-input'

/**
 * Withdrawal cases through the router (RULES.md §5): eligibility and money from the rules, the effects of
 * an accepted withdrawal (contract or purchase withdrawn, SIM to its §3 target), refusals that change
 * nothing, refunds until paid, and the standard form generated from a case.
 */
let backend: TestBackend
let hotline: Caller
let supervisor: Caller

const record = (i: number) => backend.fleet.records[i]!
const customer = (i: number) => backend.fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!
const vehicle = (vin: string): Promise<VehicleDoc> => createVehicleService(backend.db).get(vin)

function inputOf(v: VehicleDoc, details: Parameters<typeof withdrawalInput>[1]) {
  const result = withdrawalInput(v, details, null)
  if (!result.ok) throw new Error(result.key)
  return result.input
}

async function acceptable(i: number): Promise<boolean> {
  const mapped = withdrawalInput(await vehicle(record(i).vehicle.vin), notice(i), null)
  return mapped.ok && assessWithdrawal(mapped.input).eligible
}

function notice(i: number, extra: Record<string, unknown> = {}) {
  const c = customer(i)
  return {
    vin: record(i).vehicle.vin,
    idempotencyKey: randomUUID(),
    subject: 'connected' as const,
    noticeChannel: 'email' as const,
    noticeSentAt: TEST_TODAY,
    noticeReceivedAt: TEST_TODAY,
    consumers: [`${c.firstName} ${c.lastName}`],
    address: `${c.street}\n${c.postcode} ${c.city}`,
    startRequested: false,
    decision: 'accept' as const,
    ...extra
  }
}

beforeAll(async () => {
  backend = await startTestBackend({ size: 30 })
  hotline = await backend.as('hotline')
  supervisor = await backend.as('supervisor')
})
afterAll(() => backend.close())

describe('recording a withdrawal', () => {
  it('DK GTC 14 — in time: the contract is withdrawn, the SIM goes to ECALL_ONLY, all payments are owed back', async () => {
    const r = record(0)
    const before = await vehicle(r.vehicle.vin)
    const expected = assessWithdrawal(inputOf(before, notice(0)))
    const { case: c, simCommandId } = await hotline.call('withdrawalRecord', notice(0))
    expect(c).toMatchObject({ decision: 'accepted', status: 'refund-due', refund: r.contract!.paid, charge: 0, refundDueBy: expected.refundDueBy, deadline: expected.deadline })
    expect(c.id).toMatch(/^WD-2026-\d{6}$/)
    expect(simCommandId).toMatch(/^SIM-/)
    const after = await eventually(() => vehicle(r.vehicle.vin), (v) => v.simCommand?.status === 'confirmed')
    expect(after.contract?.status).toBe('withdrawn')
    expect(after.sim).toBe('ECALL_ONLY')
    const timeline = await hotline.call('caseTimeline', { caseId: c.id })
    expect(timeline.map((t) => t.action)).toEqual(['withdrawal.record', 'sim.deactivate', 'sim.confirmed'])
  })

  it('lists a case’s timeline in the order things happened, whatever digits their instants are written with', async () => {
    // A vehicle no other test here uses, whose contract can be withdrawn today.
    let index = 12
    while (!(await acceptable(index))) index++
    const { case: c } = await hotline.call('withdrawalRecord', notice(index))
    // Instants whose text compares the wrong way round ("….4Z" after "….45Z" and "….412Z"), stored in the
    // opposite order of ids so that only the instants can order them.
    for (const [action, at] of [['test.third', '2030-01-01T00:00:01Z'], ['test.second', '2030-01-01T00:00:00.45Z'], ['test.first', '2030-01-01T00:00:00.4Z']] as const) {
      await backend.db.query(`INSERT INTO audit_log (at, action, outcome, case_id) VALUES ($1, $2, 'ok', $3)`, [at, action, c.id])
    }
    const timeline = await hotline.call('caseTimeline', { caseId: c.id })
    expect(timeline.map((t) => t.action).filter((a) => a.startsWith('test.'))).toEqual(['test.first', 'test.second', 'test.third'])
  })

  it('refuses to accept a late withdrawal, and a refused case changes nothing on the vehicle', async () => {
    const r = record(2) // DK, concluded two years ago
    const late = await hotline.raw('withdrawal:record', notice(2))
    expect(late).toMatchObject({ ok: false, error: { code: 'refused', key: 'withdrawal.cannotAccept', params: { refusal: 'late' } } })
    const before = await vehicle(r.vehicle.vin)
    const { case: c } = await hotline.call('withdrawalRecord', notice(2, { decision: 'refuse', note: 'Letter received two years after purchase.' }))
    expect(c).toMatchObject({ decision: 'refused', status: 'refused', refund: 0, refundDueBy: null })
    expect(c).toMatchObject({ refusal: 'late', note: 'Letter received two years after purchase.' })
    const after = await vehicle(r.vehicle.vin)
    expect(after.contract).toEqual(before.contract)
    expect(after.sim).toBe(before.sim)
    expect(after.simCommand).toEqual(before.simCommand)
  })

  it('SE §15 — a business customer cannot withdraw (not a consumer)', async () => {
    const refused = await hotline.raw('withdrawal:record', notice(1))
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'withdrawal.cannotAccept', params: { refusal: 'not-consumer' } } })
    const { rows } = await backend.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE vin = $1 AND action = 'withdrawal.record'`, [record(1).vehicle.vin])
    expect(rows.map((x) => x.outcome)).toEqual(['refused'])
  })

  it('refuses to refuse a valid withdrawal', async () => {
    const result = await hotline.raw('withdrawal:record', notice(10, { decision: 'refuse' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', key: 'withdrawal.cannotRefuse' } })
  })

  it('DK SI 8 — a Service Inclusive package bought online: the purchase is withdrawn with a pro-rata charge', async () => {
    const r = record(2)
    const purchase = r.purchases.find((p) => p.kind === 'service-inclusive')!
    const request = notice(2, { subject: 'purchase', purchaseId: purchase.id, startRequested: true })
    const expected = assessWithdrawal(inputOf(await vehicle(r.vehicle.vin), request))
    expect(expected.charge).toBeGreaterThan(0)
    const { case: c, simCommandId } = await hotline.call('withdrawalRecord', request)
    expect(c).toMatchObject({ contractKind: 'service-inclusive', charge: expected.charge, refund: purchase.paid - expected.charge })
    expect(simCommandId).toBeNull()
    const after = await vehicle(r.vehicle.vin)
    expect(after.purchases.find((p) => p.id === purchase.id)?.status).toBe('withdrawn')
    expect(after.contract?.status).not.toBe('withdrawn')
  })

  it('D11 — a withdrawal given on the phone needs the caller verified', async () => {
    const refused = await hotline.raw('withdrawal:record', notice(10, { noticeChannel: 'phone' }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'withdrawal.phoneNeedsVerification' } })
  })

  it('D2 — dealer staff record withdrawals only for vehicles of their own market', async () => {
    const dealer = await backend.as('dealer.dk')
    const foreign = await dealer.raw('withdrawal:record', notice(11, { subject: 'purchase', purchaseId: record(11).purchases[0]!.id }))
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'vehicle.otherMarket', params: { market: 'LU' } } })
    const { rows } = await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM withdrawal_cases WHERE vin = $1', [record(11).vehicle.vin])
    expect(rows[0]!.n).toBe(0)
  })

  it('applies a repeated request once', async () => {
    const request = notice(10)
    const [a, b] = await Promise.all([hotline.call('withdrawalRecord', request), hotline.call('withdrawalRecord', request)])
    expect(a.case.id).toBe(b.case.id)
    const { rows } = await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM withdrawal_cases WHERE vin = $1', [record(10).vehicle.vin])
    expect(rows[0]!.n).toBe(1)
  })

  it('refuses bad input with a clear error and records nothing', async () => {
    const count = async () => (await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM withdrawal_cases')).rows[0]!.n
    const before = await count()
    for (const bad of [
      notice(8, { consumers: [] }),
      notice(8, { consumers: ['a', 'b', 'c'] }),
      notice(8, { consumers: ['Inês\u0007'] }),
      notice(8, { noticeSentAt: TEST_TODAY, noticeReceivedAt: addDays(TEST_TODAY, -1) }),
      notice(8, { subject: 'purchase' }),
      notice(8, { noticeReceivedAt: '2026-02-30' })
    ]) {
      expect(await hotline.raw('withdrawal:record', bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(await count()).toBe(before)
  })
})

describe('refunds', () => {
  it('a partial payment leaves the case open with the remainder; the rest closes it', async () => {
    const r = record(8) // PT consumer, concluded online 25 days ago, instructions received 15 days ago
    const { case: c } = await hotline.call('withdrawalRecord', notice(8))
    expect(c.status).toBe('refund-due')
    expect(c.refund).toBe(r.contract!.paid)
    const half = Math.floor(c.refund / 2)
    const partial = await hotline.call('refundRecord', { caseId: c.id, idempotencyKey: randomUUID(), amount: half, paidOn: TEST_TODAY, method: 'original-means' })
    expect(partial.case).toMatchObject({ status: 'refund-due', refundPaid: half })
    const tooMuch = await hotline.raw('refund:record', { caseId: c.id, idempotencyKey: randomUUID(), amount: c.refund, paidOn: TEST_TODAY, method: 'bank-transfer' })
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'refused', key: 'refund.moreThanOwed', params: { remaining: c.refund - half } } })
    const rest = await hotline.call('refundRecord', { caseId: c.id, idempotencyKey: randomUUID(), amount: c.refund - half, paidOn: TEST_TODAY, method: 'bank-transfer', reference: 'SEPA 2026-11-21' })
    expect(rest.case).toMatchObject({ status: 'closed', refundPaid: c.refund })
    expect(rest.case.payments).toHaveLength(2)
  })

  it('dealer staff cannot mark refunds paid', async () => {
    const dealer = await backend.as('dealer.dk')
    const result = await dealer.raw('refund:record', { caseId: 'WD-2026-000001', idempotencyKey: randomUUID(), amount: 1, paidOn: TEST_TODAY, method: 'other' })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('the standard form', () => {
  it('is generated from a case, a vehicle, or blank, as a PDF', async () => {
    await supervisor.call('settingsSet', { key: 'recipient', market: 'LU', value: { name: 'BMW Belux (Luxembourg)', address: 'Route d’Arlon 1, L-8009 Strassen', email: 'retractation@example.lu' } })
    const purchase = record(11).purchases[0]!
    const { case: c } = await hotline.call('withdrawalRecord', notice(11, { subject: 'purchase', purchaseId: purchase.id, consumers: ['Noémie Gœrgen', 'Αλέξανδρος Παπαδόπουλος'] }))
    const fromCase = await hotline.call('formRender', { source: 'case', caseId: c.id })
    expect(Buffer.from(fromCase.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(fromCase.fileName).toContain(c.id)
    const blank = await hotline.call('formRender', { source: 'blank', market: 'DK', contract: 'service-inclusive' })
    expect(blank.fileName).toContain('blank')
    const { rows } = await backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'form.generate' AND outcome = 'ok'`)
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2)
  })

  it('D5 — BE and LU forms are refused until a supervisor sets the recipient', async () => {
    const refused = await hotline.raw('form:render', { source: 'blank', market: 'BE', contract: 'connected' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'withdrawal.noRecipient', params: { market: 'BE' } } })
    await supervisor.call('settingsSet', { key: 'recipient', market: 'BE', value: { name: 'BMW Belux SA/NV', address: 'Lodderstraat 16, 2880 Bornem', email: 'retractation@example.be' } })
    const form = await hotline.call('formRender', { source: 'blank', market: 'BE', contract: 'connected' })
    expect(form.pages).toBe(1)
  })

  it('saving and opening files are desktop-only, and say so', async () => {
    const result = await hotline.raw('form:save', { source: 'blank', market: 'DK', contract: 'connected' })
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'form.desktopOnly' } })
  })
})
