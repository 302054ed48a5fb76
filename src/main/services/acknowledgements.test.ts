import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CallFailed, startTestBackend, type Caller, type TestBackend } from '../testing/backend'
import { inspectPdf, squash } from './forms/testing/pdf-inspect'
import { createVehicleService } from './vehicles'

/**
 * The acknowledgement of receipt of a withdrawal from a case, on both engines: the PDF read back, the
 * e-mail text, the consumer's language, the trader as sender; printing or copying it is recorded on the
 * case's timeline; a refused case, a missing BE/LU trader and another market's case are refused.
 */
let backend: TestBackend
let supervisor: Caller

const words = (s: string) => squash(s.replace(/[\u00a0\u202f]/g, ' '))

async function failure(work: Promise<unknown>): Promise<CallFailed> {
  try {
    await work
  } catch (error) {
    if (error instanceof CallFailed) return error
    throw error
  }
  throw new Error('the call succeeded')
}

/** A withdrawal case on a showcase vehicle: its SIM deactivation before handover is one (D12). */
async function caseOf(index: number): Promise<string> {
  const { vehicle: v } = backend.fleet.records[index]!
  await supervisor.call('callerIdentityDocument', { vin: v.vin, kind: 'passport' })
  const { command } = await supervisor.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
  expect(command.contractEffect).toBe('withdrawal')
  return (await createVehicleService(backend.db).get(v.vin)).cases[0]!.id
}

beforeAll(async () => {
  backend = await startTestBackend({ size: 20 })
  supervisor = await backend.as('supervisor')
})
afterAll(() => backend.close())

describe('the acknowledgement of receipt', () => {
  it('is drawn from the case in the consumer’s language, with the trader as sender, and changes nothing', async () => {
    const caseId = await caseOf(0) // DK, before handover
    const v = await createVehicleService(backend.db).get(backend.fleet.records[0]!.vehicle.vin)
    const c = v.cases[0]!
    const audits = async () => (await backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1`, [caseId])).rows[0]!.n
    const before = await audits()
    const ack = await supervisor.call('acknowledgementRender', { caseId })
    expect(ack.language).toBe('da')
    expect(ack.email.subject).toContain(caseId)
    expect(ack.email.subject).toContain('fortrydelse')
    expect(ack.email.body).toContain(c.consumers[0]!)
    const pdf = await inspectPdf(Uint8Array.from(Buffer.from(ack.pdfBase64, 'base64')))
    const text = words(pdf.text)
    expect(text).toContain(caseId)
    expect(text).toContain(words(c.consumers[0]!))
    // The trader of the DK MINI Connected contract (GTC 14) confirms.
    expect(text).toContain('BMW Northern Europe AB')
    expect(ack.fileName).toMatch(/\.pdf$/)
    expect(await audits()).toBe(before)
  })

  it('printing it or copying it for an e-mail is recorded on the case’s timeline', async () => {
    const caseId = (await createVehicleService(backend.db).get(backend.fleet.records[0]!.vehicle.vin)).cases[0]!.id
    const key = randomUUID()
    await supervisor.call('acknowledgementRecord', { caseId, how: 'email', idempotencyKey: key })
    await supervisor.call('acknowledgementRecord', { caseId, how: 'email', idempotencyKey: key }) // a double click
    await supervisor.call('acknowledgementRecord', { caseId, how: 'pdf', idempotencyKey: randomUUID() })
    const timeline = await supervisor.call('caseTimeline', { caseId })
    expect(timeline.filter((e) => e.action.startsWith('case.acknowledgement')).map((e) => e.action)).toEqual(['case.acknowledgement-email', 'case.acknowledgement-pdf'])
  })

  it('is refused for a refused case, for another market, and for LU until a supervisor has set the trader (D5)', async () => {
    const notice = (vin: string, over: Record<string, unknown>) => ({
      vin,
      idempotencyKey: randomUUID(),
      subject: 'connected' as const,
      noticeChannel: 'letter' as const,
      noticeSentAt: backend.clock.today(),
      noticeReceivedAt: backend.clock.today(),
      consumers: ['Test Consumer'],
      address: 'Street 1\n1000 City',
      startRequested: false,
      decision: 'accept' as const,
      ...over
    })
    // DK, concluded two years ago: late, recorded and refused.
    const late = await supervisor.call('withdrawalRecord', notice(backend.fleet.records[2]!.vehicle.vin, { decision: 'refuse' }))
    expect(late.case.decision).toBe('refused')
    expect(await failure(supervisor.call('acknowledgementRender', { caseId: late.case.id }))).toMatchObject({ code: 'refused', key: 'acknowledgement.notAccepted' })

    const dkCase = (await createVehicleService(backend.db).get(backend.fleet.records[0]!.vehicle.vin)).cases[0]!.id
    const se = await backend.as('dealer.se')
    expect(await failure(se.call('acknowledgementRender', { caseId: dkCase }))).toMatchObject({ code: 'forbidden', key: 'vehicle.otherMarket' })
    expect(await failure(se.call('acknowledgementRecord', { caseId: dkCase, how: 'pdf', idempotencyKey: randomUUID() }))).toMatchObject({ code: 'forbidden' })

    // LU: a store service bought online a week ago, withdrawn; the trader is the supervisor's setting.
    const lu = backend.fleet.records[11]!
    const trader = { name: 'MINI Luxembourg Test S.A.', address: 'Route d’Arlon 1\n8008 Strassen', email: 'retractation@example.com' }
    await supervisor.call('settingsSet', { key: 'recipient', market: 'LU', value: trader })
    const { case: luCase } = await supervisor.call('withdrawalRecord', notice(lu.vehicle.vin, { subject: 'purchase', purchaseId: lu.purchases[0]!.id }))
    expect(luCase.decision).toBe('accepted')
    const ack = await supervisor.call('acknowledgementRender', { caseId: luCase.id })
    const pdf = await inspectPdf(Uint8Array.from(Buffer.from(ack.pdfBase64, 'base64')))
    expect(words(pdf.text)).toContain(trader.name)
    expect(words(pdf.text)).toContain(words(lu.purchases[0]!.name))
    await supervisor.call('settingsSet', { key: 'recipient', market: 'LU', value: null })
    expect(await failure(supervisor.call('acknowledgementRender', { caseId: luCase.id }))).toMatchObject({ code: 'refused', key: 'withdrawal.noRecipient', params: { market: 'LU' } })
    expect(await failure(supervisor.call('acknowledgementRecord', { caseId: luCase.id, how: 'email', idempotencyKey: randomUUID() }))).toMatchObject({ key: 'withdrawal.noRecipient' })
  })
})
