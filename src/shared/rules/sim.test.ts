import { describe, expect, it } from 'vitest'
import {
  assessSimDeactivation,
  assessSimReactivation,
  contractStateOn,
  deactivationTarget,
  isHandedOver,
  isTargetStateAllowed,
  SIM_WARNING_TEXT,
  type Market
} from './index'
import { vehicle } from './test-fixtures'

// Each outcome is stated whole: the effect, the dates, what is kept and lost, what is read out, and
// the exact clauses cited (clauses.ts ids, each once, in reading order).

const NO_LEGAL_ECALL_LOSES = ['intelligent-ecall', 'connected-services', 'emergency-call', 'online-parts-of-activated-functions']
const DK_SE_WARNINGS_LOST = ['emergency-call-lost', 'intelligent-ecall-lost', 'activated-functions-offline']

describe('SIM deactivation — DK (GTC 1.6, 8.1, 8.7; D12, D13, D17)', () => {
  it.each(['consumer', 'business'] as const)('DK GTC 1.6 a) + D12 — before handover a %s withdraws, at any time; all payments refunded', (customer) => {
    const a = assessSimDeactivation(
      vehicle({ market: 'DK', handedOverAt: null, firstRegistration: null, contract: { customer, concludedAt: '2025-01-01', channel: 'on-premises' } }),
      '2026-03-01'
    )
    expect(a).toMatchObject({
      allowed: true,
      targetState: 'DEACTIVATED',
      emergencyCallLost: true,
      requiresAcknowledgement: true,
      contractEffect: 'withdrawal',
      refund: 'all-payments',
      handedOver: false,
      contractState: 'active',
      keeps: [],
      loses: NO_LEGAL_ECALL_LOSES,
      warnings: DK_SE_WARNINGS_LOST,
      terminationAlreadyPending: false,
      invariantBreach: false,
      clauses: ['DK GTC 1.6', 'D2', 'DK GTC 1.6 a)', 'D12', 'D17', 'D3', 'DK GTC 1.6 c)']
    })
    // Optional fields are absent, not undefined (RULES-API: "when contractEffect is 'termination'").
    expect(Object.keys(a)).not.toContain('refusal')
    expect(Object.keys(a)).not.toContain('terminationEffectiveOn')
    expect(Object.keys(a)).not.toContain('servicesSwitchedOff')
  })

  it('DK GTC 1.6 a) — the day before handover is before handover; the handover day is after', () => {
    const v = vehicle({ market: 'DK', handedOverAt: '2026-03-10' })
    expect(isHandedOver(v, '2026-03-09')).toBe(false)
    expect(isHandedOver(v, '2026-03-10')).toBe(true)
    expect(assessSimDeactivation(v, '2026-03-09').contractEffect).toBe('withdrawal')
    const after = assessSimDeactivation(v, '2026-03-10')
    expect(after.contractEffect).toBe('termination')
    expect(after.terminationEffectiveOn).toBe('2026-04-10')
    expect(isHandedOver(vehicle({ handedOverAt: null }), '2030-01-01')).toBe(false)
  })

  it.each([
    ['2026-03-15', '2026-04-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-12-31', '2027-01-31'],
    ['2026-03-31', '2026-04-30']
  ])('DK GTC 1.6 b) + 8.1 + D13 — after handover, request %s: termination effective %s, services off at once without refund (8.7)', (on, effective) => {
    const a = assessSimDeactivation(vehicle({ market: 'DK', handedOverAt: '2025-12-01' }), on)
    expect(a).toMatchObject({
      allowed: true,
      contractEffect: 'termination',
      terminationEffectiveOn: effective,
      refund: 'none',
      handedOver: true,
      terminationAlreadyPending: false,
      clauses: ['DK GTC 1.6', 'D2', 'DK GTC 1.6 b)', 'DK GTC 8.1', 'DK GTC 8.7', 'D13', 'D3', 'DK GTC 1.6 c)']
    })
  })

  it('DK GTC 1.6 b) — with legal eCall the SIM stays on: the service description and D1 are cited', () => {
    const a = assessSimDeactivation(vehicle({ market: 'DK', euEcall: true }), '2026-03-15')
    expect(a).toMatchObject({
      targetState: 'ECALL_ONLY',
      emergencyCallLost: false,
      requiresAcknowledgement: false,
      legalEcall: true,
      legalMapData: false,
      keeps: ['legal-ecall', 'psap-voice-call'],
      loses: ['intelligent-ecall', 'connected-services', 'online-parts-of-activated-functions'],
      warnings: ['intelligent-ecall-lost', 'activated-functions-offline'],
      clauses: ['DK GTC 1.6', 'D2', 'DK GTC 1.6 b)', 'DK GTC 8.1', 'DK GTC 8.7', 'D13', 'DK SD Emergency Call Service', 'D1', 'D3', 'DK GTC 1.6 c)']
    })
  })

  it('DK GTC 8.1 — a pending termination keeps its date: no second month of notice, no D13', () => {
    const a = assessSimDeactivation(vehicle({ contract: { terminationEffectiveOn: '2026-04-01' } }), '2026-03-31')
    expect(a).toMatchObject({
      allowed: true,
      contractState: 'termination-pending',
      contractEffect: 'termination',
      terminationEffectiveOn: '2026-04-01',
      terminationAlreadyPending: true,
      clauses: ['DK GTC 1.6', 'D2', 'DK GTC 1.6 b)', 'DK GTC 8.1', 'DK GTC 8.7', 'D3', 'DK GTC 1.6 c)']
    })
  })

  it('RULES.md §7 — on the day a termination takes effect the contract has ended: refused', () => {
    const a = assessSimDeactivation(vehicle({ contract: { terminationEffectiveOn: '2026-04-01' } }), '2026-04-01')
    expect(a).toMatchObject({ allowed: false, refusal: 'contract-ended', contractState: 'ended', requiresAcknowledgement: false })
  })
})

describe('SIM deactivation — SE (GTC 1.6 a, 1.6 b, 8.1, 8.8; D12, D16)', () => {
  it('SE GTC 8.1 — a pending termination keeps its date: no second month of notice, no D13; services off at once without refund (8.8)', () => {
    const a = assessSimDeactivation(vehicle({ market: 'SE', contract: { terminationEffectiveOn: '2026-04-01' } }), '2026-03-31')
    expect(a).toMatchObject({
      allowed: true,
      contractState: 'termination-pending',
      contractEffect: 'termination',
      terminationEffectiveOn: '2026-04-01',
      terminationAlreadyPending: true,
      refund: 'none',
      clauses: ['SE GTC 1.6', 'D2', 'SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D3', 'SE GTC 1.6 c)']
    })
  })

  it.each([
    ['consumer', 'distance'],
    ['consumer', 'off-premises']
  ] as const)('SE GTC 1.6 a) + D12 — %s, %s contract, before handover: a withdrawal even long after the 14 days', (customer, channel) => {
    const a = assessSimDeactivation(vehicle({ market: 'SE', handedOverAt: null, contract: { customer, channel, concludedAt: '2025-06-01' } }), '2026-03-15')
    expect(a).toMatchObject({
      contractEffect: 'withdrawal',
      refund: 'all-payments',
      clauses: ['SE GTC 1.6', 'D2', 'SE GTC 1.6 a)', 'D12', 'D3', 'SE GTC 1.6 c)']
    })
    expect(a.terminationEffectiveOn).toBeUndefined()
  })

  it('D16 — SE consumer before handover, contract concluded on the premises: a termination under §8', () => {
    const a = assessSimDeactivation(vehicle({ market: 'SE', handedOverAt: null, contract: { channel: 'on-premises' } }), '2026-03-15')
    expect(a).toMatchObject({
      contractEffect: 'termination',
      terminationEffectiveOn: '2026-04-15',
      refund: 'none',
      clauses: ['SE GTC 1.6', 'D2', 'SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D13', 'SE GTC 1.6 a)', 'D16', 'D3', 'SE GTC 1.6 c)']
    })
  })

  it('SE GTC 1.6 a) — a business customer before handover terminates under §8 (no D16)', () => {
    const a = assessSimDeactivation(vehicle({ market: 'SE', handedOverAt: null, contract: { customer: 'business', channel: 'distance' } }), '2026-03-15')
    expect(a).toMatchObject({
      contractEffect: 'termination',
      terminationEffectiveOn: '2026-04-15',
      clauses: ['SE GTC 1.6', 'D2', 'SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D13', 'SE GTC 1.6 a)', 'D3', 'SE GTC 1.6 c)']
    })
  })

  it('SE GTC 1.6 b) — after handover even a distance consumer terminates; 1.6 a) is not cited', () => {
    const a = assessSimDeactivation(vehicle({ market: 'SE', handedOverAt: '2026-01-20', contract: { channel: 'distance' } }), '2026-03-15')
    expect(a).toMatchObject({
      contractEffect: 'termination',
      terminationEffectiveOn: '2026-04-15',
      clauses: ['SE GTC 1.6', 'D2', 'SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D13', 'D3', 'SE GTC 1.6 c)']
    })
  })

  it('SE GTC 1.6 b) — with legal eCall: the SE service description and D1', () => {
    const a = assessSimDeactivation(vehicle({ market: 'SE', equipment: ['6AF'] }), '2026-03-15')
    expect(a.clauses).toEqual(['SE GTC 1.6', 'D2', 'SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D13', 'SE SD Emergency Call', 'D1', 'D3', 'SE GTC 1.6 c)'])
  })
})

describe('SIM deactivation — PT (II.5.1, II.2.2, D14) and BE/LU (Comment désactiver): contract unaffected', () => {
  it('PT II.5.1 — no legal eCall: SIM deactivated, the emergency call stops working, acknowledgement required', () => {
    const a = assessSimDeactivation(vehicle({ market: 'PT', equipment: ['SA6AE', 'SA6AC'] }), '2026-03-15')
    expect(a).toMatchObject({
      allowed: true,
      contractEffect: 'none',
      targetState: 'DEACTIVATED',
      emergencyCallLost: true,
      requiresAcknowledgement: true,
      refund: 'none',
      keeps: [],
      loses: ['intelligent-ecall', 'connected-services', 'emergency-call'],
      warnings: ['emergency-call-lost', 'intelligent-ecall-lost'],
      servicesSwitchedOff: [
        { code: 'SA6AE', name: 'TeleServices' },
        { code: 'SA6AC', name: 'eCall Inteligente' }
      ],
      clauses: ['PT II.5.1', 'D2', 'PT II.2.2', 'D3']
    })
    expect(a.terminationEffectiveOn).toBeUndefined()
  })

  it('D14 — PT with legal eCall keeps it: ECALL_ONLY, no acknowledgement', () => {
    const a = assessSimDeactivation(vehicle({ market: 'PT', euEcall: true }), '2026-03-15')
    expect(a).toMatchObject({
      targetState: 'ECALL_ONLY',
      emergencyCallLost: false,
      requiresAcknowledgement: false,
      keeps: ['legal-ecall', 'psap-voice-call'],
      clauses: ['PT II.5.1', 'D2', 'PT II.2.2', 'D14', 'D1', 'D3']
    })
  })

  it.each(['BE', 'LU'] as const)('BE/LU «Comment désactiver» — %s with 6AF keeps the SIM on for the EU eCall', (market) => {
    const a = assessSimDeactivation(vehicle({ market, equipment: ['6AF', '6AK'] }), '2026-03-15')
    expect(a).toMatchObject({
      targetState: 'ECALL_ONLY',
      contractEffect: 'none',
      emergencyCallLost: false,
      keeps: ['legal-ecall', 'psap-voice-call'],
      loses: ['intelligent-ecall', 'connected-services'],
      warnings: ['intelligent-ecall-lost'],
      clauses: ['BE/LU deactivation', 'D2', 'D1', 'D3']
    })
  })

  it('BE/LU «Comment désactiver» — without legal eCall the SIM is blocked and Intelligent eCall is lost', () => {
    const a = assessSimDeactivation(vehicle({ market: 'BE', equipment: ['6AC'] }), '2026-03-15')
    expect(a).toMatchObject({
      targetState: 'DEACTIVATED',
      emergencyCallLost: true,
      requiresAcknowledgement: true,
      loses: ['intelligent-ecall', 'connected-services', 'emergency-call'],
      clauses: ['BE/LU deactivation', 'D2', 'D3']
    })
  })
})

describe('SIM deactivation — every market: target state, what survives (D18), refusals', () => {
  it('D3 — Intelligent eCall is lost even when the SIM stays on', () => {
    const a = assessSimDeactivation(vehicle({ euEcall: true }), '2026-03-15')
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(a.warnings).toEqual(['intelligent-ecall-lost', 'activated-functions-offline'])
    expect(a.clauses).toContain('D3')
  })

  // Issue 13, defect 9; RULES.md §3, D18: what survives decides, not the target state.
  it.each([
    ['DK', ['DK GTC 1.6', 'D2', 'DK GTC 1.6 b)', 'DK GTC 8.1', 'DK GTC 8.7', 'D13', 'D18', 'D3', 'DK GTC 1.6 c)']],
    ['SE', ['SE GTC 1.6', 'D2', 'SE GTC 1.6 b)', 'SE GTC 8.1', 'SE GTC 8.8', 'D13', 'D18', 'D3', 'SE GTC 1.6 c)']],
    ['PT', ['PT II.5.1', 'D2', 'PT II.2.2', 'D18', 'D3']],
    ['BE', ['BE/LU deactivation', 'D2', 'D18', 'D3']],
    ['LU', ['BE/LU deactivation', 'D2', 'D18', 'D3']]
  ] as Array<[Market, string[]]>)('D18 — %s: legal map data alone keeps the SIM on, but no emergency call survives: acknowledgement required', (market, clauses) => {
    const a = assessSimDeactivation(vehicle({ market, legalMapData: true }), '2026-03-15')
    expect(a.allowed).toBe(true)
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(a.keeps).toEqual(['legal-map-data'])
    expect(a.emergencyCallLost).toBe(true)
    expect(a.requiresAcknowledgement).toBe(true)
    expect(a.loses).toContain('emergency-call')
    expect(a.warnings.slice(0, 2)).toEqual(['emergency-call-lost', 'intelligent-ecall-lost'])
    expect(a.warnings).toContain('no-legal-ecall-map-data-only')
    expect(a.clauses).toEqual(clauses)
  })

  it('D18 + DK GTC 1.6 b) — map data alone before handover: a withdrawal, and 1.6 b) is why the SIM stays on', () => {
    const a = assessSimDeactivation(vehicle({ legalMapData: true, handedOverAt: null }), '2026-03-15')
    expect(a.contractEffect).toBe('withdrawal')
    expect(a.clauses).toEqual(['DK GTC 1.6', 'D2', 'DK GTC 1.6 a)', 'D12', 'D17', 'DK GTC 1.6 b)', 'D18', 'D3', 'DK GTC 1.6 c)'])
  })

  it('D18 — legal map data with legal eCall: an emergency call survives, no acknowledgement', () => {
    const a = assessSimDeactivation(vehicle({ legalMapData: true, euEcall: true }), '2026-03-15')
    expect(a.keeps).toEqual(['legal-ecall', 'psap-voice-call', 'legal-map-data'])
    expect(a.emergencyCallLost).toBe(false)
    expect(a.requiresAcknowledgement).toBe(false)
    expect(a.warnings).toEqual(['intelligent-ecall-lost', 'activated-functions-offline'])
  })

  it.each([
    [{ sim: 'DEACTIVATED' as const }, 'already-deactivated'],
    [{ sim: 'ECALL_ONLY' as const, euEcall: true }, 'already-deactivated'],
    [{ contract: { status: 'withdrawn' as const } }, 'contract-withdrawn'],
    [{ contract: { status: 'terminated' as const, terminationEffectiveOn: '2026-03-01' } }, 'contract-ended'],
    [{ contract: { status: 'terminated' as const } }, 'contract-ended'],
    [{ sim: 'DEACTIVATED' as const, contract: { status: 'withdrawn' as const } }, 'already-deactivated'],
    [{ sim: 'ECALL_ONLY' as const, legalMapData: true, contract: { status: 'withdrawn' as const } }, 'already-deactivated'],
    [{ contract: { status: 'withdrawn' as const, terminationEffectiveOn: '2026-01-01' } }, 'contract-withdrawn']
  ])('RULES-API — %j is refused: %s, and nothing needs acknowledging', (facts, refusal) => {
    const a = assessSimDeactivation(vehicle(facts), '2026-03-15')
    expect(a.allowed).toBe(false)
    expect(a.refusal).toBe(refusal)
    expect(a.requiresAcknowledgement).toBe(false)
  })

  it('RULES.md §2 — ECALL_ONLY without legal functions may still go to DEACTIVATED', () => {
    const a = assessSimDeactivation(vehicle({ sim: 'ECALL_ONLY' }), '2026-03-15')
    expect(a.allowed).toBe(true)
    expect(a.targetState).toBe('DEACTIVATED')
    expect(a.invariantBreach).toBe(false)
  })

  it('RULES.md §2 — a DEACTIVATED SIM on a legal-eCall vehicle is reported as a breach', () => {
    const a = assessSimDeactivation(vehicle({ sim: 'DEACTIVATED', equipment: ['6FP'] }), '2026-03-15')
    expect(a.invariantBreach).toBe(true)
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(assessSimDeactivation(vehicle({ sim: 'DEACTIVATED' }), '2026-03-15').invariantBreach).toBe(false)
    expect(assessSimDeactivation(vehicle({ sim: 'ECALL_ONLY', euEcall: true }), '2026-03-15').invariantBreach).toBe(false)
  })

  it('D1 — a record saying no legal eCall against 6UM equipment: fitted, conflict reported', () => {
    const a = assessSimDeactivation(vehicle({ market: 'BE', euEcall: false, equipment: ['6UM'] }), '2026-03-15')
    expect(a).toMatchObject({ legalEcall: true, legalEcallConflict: true, targetState: 'ECALL_ONLY' })
    expect(assessSimDeactivation(vehicle({ market: 'BE', euEcall: true }), '2026-03-15').legalEcallConflict).toBe(false)
  })

  it('RULES.md §2 — deactivationTarget and the command guard never allow DEACTIVATED with legal functions', () => {
    expect(deactivationTarget(vehicle({}))).toBe('DEACTIVATED')
    expect(deactivationTarget(vehicle({ legalMapData: true }))).toBe('ECALL_ONLY')
    expect(deactivationTarget(vehicle({ euEcall: true }))).toBe('ECALL_ONLY')
    expect(isTargetStateAllowed(vehicle({ euEcall: true }), 'DEACTIVATED')).toBe(false)
    expect(isTargetStateAllowed(vehicle({ legalMapData: true }), 'DEACTIVATED')).toBe(false)
    expect(isTargetStateAllowed(vehicle({ euEcall: false, equipment: ['6UM'] }), 'DEACTIVATED')).toBe(false)
    expect(isTargetStateAllowed(vehicle({}), 'DEACTIVATED')).toBe(true)
    expect(isTargetStateAllowed(vehicle({ euEcall: true }), 'ECALL_ONLY')).toBe(true)
    expect(isTargetStateAllowed(vehicle({ euEcall: true }), 'ACTIVE')).toBe(true)
  })

  it('rejects a date that is not an ISO calendar date, naming it', () => {
    expect(() => assessSimDeactivation(vehicle({}), '2026-02-30')).toThrow('on is not a real calendar date: 2026-02-30')
    expect(() => assessSimReactivation(vehicle({}), '15.03.2026')).toThrow('on must be an ISO calendar date YYYY-MM-DD, got "15.03.2026"')
  })

  it('the read-out texts say what each warning means', () => {
    expect(SIM_WARNING_TEXT['emergency-call-lost']).toContain('no emergency call of any kind')
    expect(SIM_WARNING_TEXT['intelligent-ecall-lost']).toContain('Intelligent Emergency Call')
    expect(SIM_WARNING_TEXT['activated-functions-offline']).toContain('keep working offline')
    expect(SIM_WARNING_TEXT['no-legal-ecall-map-data-only']).toContain('legal map data')
  })
})

describe('contract state on a date (RULES.md §4, §7)', () => {
  it.each([
    [{ status: 'active' as const }, 'active'],
    [{ status: 'withdrawn' as const }, 'withdrawn'],
    [{ status: 'withdrawn' as const, terminationEffectiveOn: '2026-04-01' }, 'withdrawn'],
    [{ status: 'terminated' as const }, 'ended'],
    [{ status: 'active' as const, terminationEffectiveOn: '2026-03-16' }, 'termination-pending'],
    [{ status: 'active' as const, terminationEffectiveOn: '2026-03-15' }, 'ended'],
    [{ status: 'terminated' as const, terminationEffectiveOn: '2026-03-14' }, 'ended'],
    [{ status: 'terminated' as const, terminationEffectiveOn: '2026-03-16' }, 'termination-pending']
  ])('%j on 2026-03-15 is %s', (contract, state) => {
    expect(contractStateOn(vehicle({ contract }), '2026-03-15')).toBe(state)
  })
})

describe('SIM reactivation (RULES.md §4, D4)', () => {
  it('BE «Comment désactiver» + D4 — restores the services still valid and lists the expired ones', () => {
    const a = assessSimReactivation(
      vehicle({ market: 'BE', sim: 'DEACTIVATED', firstRegistration: '2022-05-10', equipment: ['6AK', '6AC'] }),
      '2026-03-15'
    )
    expect(a).toMatchObject({
      allowed: true,
      targetState: 'ACTIVE',
      contractState: 'active',
      cancelsTermination: false,
      restoreLegalFunctions: false,
      newContractNeeded: false,
      clauses: ['BE/LU deactivation', 'D4']
    })
    expect(a.restoredServices.map((s) => s.service)).toEqual(['Customer Hotline', 'Intelligent Emergency Call', 'My Info'])
    expect(a.expiredServices.map((s) => [s.service, s.end])).toEqual([
      ['Intelligent Voice Control', '2025-05-10'],
      ['MINI Apps - MINI Online', '2025-05-10'],
      ['Send to Car', '2025-05-10']
    ])
  })

  it('D4 — a 3-year service is restored on its last day and stays off the day after', () => {
    const v = vehicle({ market: 'LU', sim: 'DEACTIVATED', firstRegistration: '2022-05-10', equipment: ['6AN'] })
    expect(assessSimReactivation(v, '2025-05-10').restoredServices.map((s) => s.service)).toEqual(['Service Conciergerie'])
    expect(assessSimReactivation(v, '2025-05-11').expiredServices.map((s) => s.service)).toEqual(['Service Conciergerie'])
    expect(assessSimReactivation(v, '2025-05-11').restoredServices).toEqual([])
  })

  it('D4 — DK/SE take the services from purchase records', () => {
    const a = assessSimReactivation(vehicle({ market: 'DK', sim: 'ECALL_ONLY', euEcall: true }), '2027-03-01', {
      purchases: [
        { code: 'SA6AP', name: 'Remote Services', purchasedAt: '2026-02-10', termMonths: 12 },
        { code: 'SA6AE', name: 'Teleservices', purchasedAt: '2026-01-15', basic: true }
      ]
    })
    expect(a.restoredServices.map((s) => s.service)).toEqual(['Teleservices'])
    expect(a.expiredServices.map((s) => s.service)).toEqual(['Remote Services'])
    expect(a.clauses).toEqual(['D4'])
    // No termination pending: nothing to cancel.
    expect(a.cancelsTermination).toBe(false)
    expect(Object.keys(a)).not.toContain('refusal')
  })

  it.each(['DK', 'SE'] as const)('D4 — %s: during the month of notice reactivation cancels the termination', (market) => {
    const a = assessSimReactivation(vehicle({ market, sim: 'ECALL_ONLY', euEcall: true, contract: { terminationEffectiveOn: '2026-04-15' } }), '2026-04-14')
    expect(a).toMatchObject({ allowed: true, cancelsTermination: true, contractState: 'termination-pending', clauses: ['D4'] })
  })

  it('D4 — a PT pending notice is not cancelled by reactivation (the SIM does not end the contract there)', () => {
    const a = assessSimReactivation(vehicle({ market: 'PT', sim: 'DEACTIVATED', contract: { terminationEffectiveOn: '2026-04-15' } }), '2026-03-20')
    expect(a.allowed).toBe(true)
    expect(a.cancelsTermination).toBe(false)
  })

  it.each([
    [{ sim: 'ACTIVE' as const }, 'already-active', false],
    [{ sim: 'ACTIVE' as const, contract: { status: 'withdrawn' as const } }, 'already-active', false],
    [{ sim: 'ACTIVE' as const, contract: { terminationEffectiveOn: '2026-04-15' } }, 'already-active', false],
    [{ sim: 'DEACTIVATED' as const, contract: { status: 'withdrawn' as const } }, 'contract-withdrawn', true],
    [{ sim: 'DEACTIVATED' as const, contract: { terminationEffectiveOn: '2026-03-20' } }, 'contract-ended', true],
    [{ sim: 'ECALL_ONLY' as const, contract: { status: 'terminated' as const, terminationEffectiveOn: '2026-01-01' } }, 'contract-ended', true]
  ])('RULES.md §4 — %j is refused: %s (new contract needed: %s)', (facts, refusal, newContract) => {
    const a = assessSimReactivation(vehicle(facts), '2026-03-20')
    expect(a.allowed).toBe(false)
    expect(a.refusal).toBe(refusal)
    expect(a.cancelsTermination).toBe(false)
    expect(a.newContractNeeded).toBe(newContract)
  })

  it('RULES.md §2 — a refused reactivation still asks to restore legal eCall on a DEACTIVATED SIM, citing why', () => {
    const a = assessSimReactivation(vehicle({ sim: 'DEACTIVATED', euEcall: true, contract: { status: 'withdrawn' } }), '2026-03-20')
    expect(a.allowed).toBe(false)
    expect(a.restoreLegalFunctions).toBe(true)
    expect(a.clauses).toEqual(['D4', 'DK GTC 1.6 b)', 'DK SD Emergency Call Service', 'D1'])
  })

  it('RULES.md §2 — legal map data alone is restored too, citing SE GTC 1.6 b)', () => {
    const a = assessSimReactivation(vehicle({ market: 'SE', sim: 'DEACTIVATED', legalMapData: true }), '2026-03-20')
    expect(a.restoreLegalFunctions).toBe(true)
    expect(a.clauses).toEqual(['D4', 'SE GTC 1.6 b)'])
    expect(assessSimReactivation(vehicle({ sim: 'ECALL_ONLY', legalMapData: true }), '2026-03-20').restoreLegalFunctions).toBe(false)
    expect(assessSimReactivation(vehicle({ sim: 'DEACTIVATED' }), '2026-03-20').restoreLegalFunctions).toBe(false)
  })
})
