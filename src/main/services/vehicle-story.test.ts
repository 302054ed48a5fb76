import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoryEventDoc } from '@shared/ipc/contract'
import { eventually, startTestBackend, type Caller, type TestBackend } from '../testing/backend'
import { currentRevision } from './vehicles'

/**
 * The vehicle's story (vehicleStory) and agent notes (vehicleNoteAdd) on both engines: every kind of
 * event from the vehicle's records and audit lines, in order, for every agent who may see the vehicle
 * and nobody else; notes validated, audited, idempotent and append-only.
 */
const HOTLINE = 'Mads Thomsen (demo hotline)'
const SUPERVISOR = 'Karin Lindqvist (demo supervisor)'
let backend: TestBackend
let hotline: Caller
let supervisor: Caller
const record = (i: number) => backend.fleet.records[i]!
const customerOf = (i: number) => backend.fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!

async function verify(caller: Caller, i: number, lastName?: string) {
  const c = customerOf(i)
  const { vin } = record(i).vehicle
  return caller.call('callerVerify', { vin, firstName: c.firstName!, lastName: lastName ?? c.lastName!, spokenVin: vin, postcode: c.postcode })
}
const story = async (caller: Caller, i: number) => (await caller.call('vehicleStory', { vin: record(i).vehicle.vin })).events
const kinds = (events: StoryEventDoc[]) => events.map((e) => (e.kind === 'sim-attempt' ? `${e.kind}:${e.outcome}` : e.kind))
const telematics = (failureRate: number) => supervisor.call('settingsSet', { key: 'telematics', value: { minLatencyMs: 5, maxLatencyMs: 10, failureRate, timeoutMs: 60_000 } })

beforeAll(async () => {
  backend = await startTestBackend({ size: 40 })
  hotline = await backend.as('hotline')
  supervisor = await backend.as('supervisor')
})
afterAll(() => backend.close())

describe('the vehicle story', () => {
  it('tells a SIM command with every attempt and outcome, and the caller checks, newest first', async () => {
    // Showcase 9: DK, terminated contract, SIM restricted: a reactivation (which no rule retries by itself).
    const { vin } = record(9).vehicle
    expect((await verify(hotline, 9, 'Wrong')).passed).toBe(false)
    expect((await verify(hotline, 9)).passed).toBe(true)
    await telematics(1)
    const { command } = await hotline.call('simReactivate', { vin, idempotencyKey: randomUUID() })
    await eventually(() => hotline.call('vehicleGet', { vin }), (v) => v.simCommand?.status === 'failed')
    await telematics(0)
    await hotline.call('simRetry', { commandId: command.id, idempotencyKey: randomUUID() })
    await eventually(() => hotline.call('vehicleGet', { vin }), (v) => v.simCommand?.status === 'confirmed')
    // A refused request is not a command: the story does not show it (the audit log does).
    await expect(hotline.call('simReactivate', { vin, idempotencyKey: randomUUID() })).rejects.toMatchObject({ key: 'sim.alreadyActive' })

    const events = await story(hotline, 9)
    expect(kinds(events)).toEqual(['sim-attempt:confirmed', 'sim-attempt:retried', 'sim-attempt:failed', 'sim-request', 'caller-verification', 'caller-verification'])
    const [confirmed, retried, failed, request, passed, refused] = events as [StoryEventDoc, ...StoryEventDoc[]]
    expect(confirmed).toMatchObject({ agentName: null, commandId: command.id, action: 'reactivate', targetState: 'ACTIVE', attempt: 2, error: null })
    expect(retried).toMatchObject({ agentName: HOTLINE, attempt: 2 })
    expect(failed).toMatchObject({ agentName: null, attempt: 1, outcome: 'failed', nextAttemptAt: null })
    expect(failed!.kind === 'sim-attempt' && failed!.error).toMatch(/^(unit-rejected|profile-error|network-refused)$/)
    expect(request).toMatchObject({ kind: 'sim-request', agentName: HOTLINE, action: 'reactivate', origin: 'agent', contractEffect: 'cancel-termination' })
    expect(passed).toMatchObject({ kind: 'caller-verification', passed: true, failures: [] })
    expect(refused).toMatchObject({ kind: 'caller-verification', passed: false, failures: ['name-mismatch'] })
    // Instants, newest first, in one spelling.
    const times = events.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('tells withdrawals, refunds and forms printed from the vehicle and from its case', async () => {
    // Showcase 3: SE, bought at a distance, not handed over: the deactivation is a withdrawal (D12).
    const { vin } = record(3).vehicle
    await verify(hotline, 3)
    await hotline.call('simDeactivate', { vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    const withdrawn = await eventually(() => hotline.call('vehicleGet', { vin }), (v) => v.simCommand?.status === 'confirmed')
    const c = withdrawn.cases[0]!
    await hotline.call('refundRecord', { caseId: c.id, idempotencyKey: randomUUID(), amount: 1000, paidOn: backend.clock.today(), method: 'bank-transfer' })
    await hotline.call('formRender', { source: 'vehicle', vin })
    await hotline.call('formRender', { source: 'case', caseId: c.id })
    await hotline.call('formRender', { source: 'blank', market: 'SE', contract: 'connected' }) // no vehicle: not in its story

    const events = await story(hotline, 3)
    expect(events.filter((e) => e.kind === 'form')).toEqual([
      expect.objectContaining({ caseId: c.id, contract: 'connected', blank: false, agentName: HOTLINE }),
      expect.objectContaining({ caseId: null, contract: 'connected', blank: false })
    ])
    expect(events.find((e) => e.kind === 'refund')).toMatchObject({ caseId: c.id, amount: 1000, currency: 'SEK', method: 'bank-transfer', agentName: HOTLINE })
    expect(events.find((e) => e.kind === 'withdrawal')).toMatchObject({ caseId: c.id, subject: 'connected', decision: 'accepted', source: 'sim-deactivation' })
    expect(events.find((e) => e.kind === 'sim-request')).toMatchObject({ contractEffect: 'withdrawal', caseId: c.id, targetState: 'ECALL_ONLY' })
  })

  it('shows an identity document by its kind only, and only to agents who may see the vehicle', async () => {
    const dealer = await backend.as('dealer.pt')
    const { vin } = record(4).vehicle // PT
    await dealer.call('callerIdentityDocument', { vin, kind: 'passport', reference: '4711' })
    const events = await story(dealer, 4)
    expect(events).toEqual([expect.objectContaining({ kind: 'identity-document', document: 'passport', agentName: expect.any(String) })])
    expect(JSON.stringify(events)).not.toContain('4711')
    expect(await story(hotline, 4)).toHaveLength(1)
    const dk = await backend.as('dealer.dk')
    await expect(story(dk, 4)).rejects.toMatchObject({ code: 'forbidden', key: 'vehicle.otherMarket' })
  })
})

describe('agent notes', () => {
  it('are added with author and time, first in the story, and reach every desk (the vehicle changes)', async () => {
    const { vin } = record(5).vehicle
    const before = await currentRevision(backend.db)
    const text = 'Customer calls back on Monday.\nPrefers e-mail.'
    const { note } = await hotline.call('vehicleNoteAdd', { vin, idempotencyKey: randomUUID(), text: `  ${text} ` })
    expect(note).toMatchObject({ vin, agentName: HOTLINE, text })
    expect(await currentRevision(backend.db)).toBeGreaterThan(before)
    await supervisor.call('vehicleNoteAdd', { vin, idempotencyKey: randomUUID(), text: 'Second note' })
    expect((await story(hotline, 5)).map((e) => e.kind === 'note' && [e.agentName, e.text])).toEqual([[SUPERVISOR, 'Second note'], [HOTLINE, text]])
    const { rows } = await backend.db.query<{ outcome: string; details: { length: number } }>(`SELECT outcome, details FROM audit_log WHERE action = 'note.add' AND vin = $1 ORDER BY id`, [vin])
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'ok'])
    expect(JSON.stringify(rows)).not.toContain('Monday') // the audit line says a note was added, the note is its own record
  })

  it('are applied once per key', async () => {
    const { vin } = record(6).vehicle
    const key = randomUUID()
    const first = await hotline.call('vehicleNoteAdd', { vin, idempotencyKey: key, text: 'Once' })
    const again = await hotline.call('vehicleNoteAdd', { vin, idempotencyKey: key, text: 'Once' })
    expect(again.note.id).toBe(first.note.id)
    expect((await story(hotline, 6)).filter((e) => e.kind === 'note')).toHaveLength(1)
    await expect(hotline.call('vehicleNoteAdd', { vin, idempotencyKey: key, text: 'Other' })).rejects.toMatchObject({ code: 'conflict', key: 'request.keyReused' })
  })

  it('refuse empty, overlong and control-character text, and other markets, changing nothing', async () => {
    const { vin } = record(7).vehicle
    const count = async () => (await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM vehicle_notes')).rows[0]!.n
    const before = await count()
    const lastAudit = (await backend.db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log')).rows[0]!.id
    const cases: [string, string][] = [
      ['   ', 'field.required'],
      ['x'.repeat(1001), 'field.tooLong'],
      ['bell\u0007', 'field.controlCharacter'],
      ['tab\there', 'field.controlCharacter'],
      ['escape\u001b[2J', 'field.controlCharacter']
    ]
    for (const [text, key] of cases) {
      const result = await hotline.raw('vehicle:note-add', { vin, idempotencyKey: randomUUID(), text })
      expect(result, JSON.stringify(text)).toMatchObject({ ok: false, error: { code: 'bad-request', issues: [{ path: 'text', key }] } })
    }
    const dealer = await backend.as('dealer.dk')
    await expect(dealer.call('vehicleNoteAdd', { vin, idempotencyKey: randomUUID(), text: 'Not mine' })).rejects.toMatchObject({ code: 'forbidden', key: 'vehicle.otherMarket' })
    await expect(hotline.call('vehicleNoteAdd', { vin: 'WMW00000000000000', idempotencyKey: randomUUID(), text: 'Nobody' })).rejects.toMatchObject({ code: 'not-found' })
    expect(await count()).toBe(before)
    const { rows } = await backend.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE id > $1 AND action IN ('note.add', 'ipc.vehicleNoteAdd')`, [lastAudit])
    expect(rows.map((r) => r.outcome).sort()).toEqual(['denied', ...cases.map(() => 'refused')].sort())
  })

  it('can never be changed or deleted, not even by the app', async () => {
    const { vin } = record(8).vehicle
    await hotline.call('vehicleNoteAdd', { vin, idempotencyKey: randomUUID(), text: 'Kept' })
    await expect(backend.db.query(`UPDATE vehicle_notes SET body = 'Changed' WHERE vin = $1`, [vin])).rejects.toThrow(/append-only/)
    await expect(backend.db.query(`DELETE FROM vehicle_notes WHERE vin = $1`, [vin])).rejects.toThrow(/append-only/)
    await expect(backend.db.query('TRUNCATE vehicle_notes')).rejects.toThrow(/append-only/)
    expect((await story(hotline, 8)).find((e) => e.kind === 'note')).toMatchObject({ text: 'Kept' })
  })
})
