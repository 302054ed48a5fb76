import { describe, expect, it } from 'vitest'
import { generateFleet } from '../fleet/generate'
import type { SimCommandDoc, VehicleDoc } from '../ipc/schemas'
import { commandPhase, contractProgress } from './vehicle-status'

const TODAY = '2026-11-21'
const fleet = generateFleet({ size: 12, referenceDate: TODAY })
const r = fleet.records[2]!
const dk: VehicleDoc = { ...r.vehicle, shortVin: r.vehicle.vin.slice(-7), customer: fleet.customers.find((c) => c.id === r.vehicle.customerId)!, contract: r.contract, purchases: r.purchases, simCommand: null, cases: [], rev: 1 }
const command: SimCommandDoc = {
  id: 'SIM-00000000-0000-4000-8000-000000000001',
  vin: dk.vin,
  action: 'deactivate',
  fromState: 'ACTIVE',
  targetState: 'ECALL_ONLY',
  status: 'pending',
  requestedAt: '2026-11-21T09:30:00Z',
  completedAt: null,
  error: 'no-answer',
  attempts: 2,
  agentName: 'Hotline',
  contractEffect: 'termination',
  terminationEffectiveOn: '2026-12-21',
  origin: 'agent',
  caseId: null,
  nextAttemptAt: '2026-11-21T09:31:00Z'
}

describe('a deactivation on its way (issue 13, defect 4)', () => {
  it('a pending command waiting for its next attempt is retrying by itself; one in flight is sending', () => {
    expect(commandPhase(command)).toBe('retrying')
    expect(commandPhase({ ...command, nextAttemptAt: null })).toBe('sending')
    expect(commandPhase({ ...command, status: 'timed-out', nextAttemptAt: null })).toBe('timed-out')
  })

  it('the termination stands from the request: pending until the day it takes effect, requested when the command was', () => {
    const terminated: VehicleDoc = { ...dk, contract: { ...dk.contract!, status: 'terminated', terminationEffectiveOn: '2026-12-21' }, simCommand: command }
    expect(contractProgress(terminated, TODAY)).toEqual({ state: 'termination-pending', terminationRequestedAt: '2026-11-21T09:30:00Z', terminationEffectiveOn: '2026-12-21' })
    expect(contractProgress(terminated, '2026-12-21')?.state).toBe('ended')
  })

  it('a termination the latest command did not request has no known request date', () => {
    const terminated: VehicleDoc = { ...dk, contract: { ...dk.contract!, status: 'terminated', terminationEffectiveOn: '2026-12-10' }, simCommand: command }
    expect(contractProgress(terminated, TODAY)?.terminationRequestedAt).toBeNull()
    expect(contractProgress({ ...dk, contract: null }, TODAY)).toBeNull()
  })
})
