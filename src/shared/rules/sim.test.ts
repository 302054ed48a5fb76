import { describe, expect, it } from 'vitest'
import { assessSimDeactivation, assessSimReactivation, isTargetStateAllowed } from './index'
import { vehicle } from './test-fixtures'

const has = (clauses: string[], ref: string): boolean => clauses.some((c) => c.startsWith(ref))

describe('SIM deactivation — DK (GTC 1.6, 8.1, 8.7; D12)', () => {
  it('DK GTC 1.6 a) + D12 — before handover: withdrawal, any customer, any time', () => {
    for (const customer of ['consumer', 'business'] as const) {
      const a = assessSimDeactivation(
        vehicle({ market: 'DK', handedOverAt: null, firstRegistration: null, contract: { customer, concludedAt: '2025-01-01', channel: 'on-premises' } }),
        '2026-03-01'
      )
      expect(a.allowed).toBe(true)
      expect(a.contractEffect).toBe('withdrawal')
      expect(a.terminationEffectiveOn).toBeUndefined()
      expect(a.refund).toBe('all-payments')
      expect(has(a.clauses, 'DK GTC 1.6 a)')).toBe(true)
      expect(has(a.clauses, 'D12')).toBe(true)
    }
  })

  it('DK GTC 1.6 a) — handover later than the request date is still before handover', () => {
    const a = assessSimDeactivation(vehicle({ market: 'DK', handedOverAt: '2026-03-10' }), '2026-03-09')
    expect(a.contractEffect).toBe('withdrawal')
  })

  it.each([
    ['2026-03-15', '2026-04-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-12-31', '2027-01-31'],
    ['2026-03-31', '2026-04-30']
  ])('DK GTC 1.6 b) + 8.1 + D13 — after handover, request %s: termination effective %s, no refund (8.7)', (on, effective) => {
    const a = assessSimDeactivation(vehicle({ market: 'DK', handedOverAt: '2025-12-01' }), on)
    expect(a.contractEffect).toBe('termination')
    expect(a.terminationEffectiveOn).toBe(effective)
    expect(a.refund).toBe('none')
    expect(has(a.clauses, 'DK GTC 1.6 b)')).toBe(true)
    expect(has(a.clauses, 'DK GTC 8.1')).toBe(true)
    expect(has(a.clauses, 'DK GTC 8.7')).toBe(true)
    expect(has(a.clauses, 'D13')).toBe(true)
  })

  it('DK GTC 1.6 b) — handover on the request day counts as handed over', () => {
    expect(assessSimDeactivation(vehicle({ handedOverAt: '2026-03-09' }), '2026-03-09').contractEffect).toBe('termination')
  })

  it('DK GTC 8.1 — a pending termination keeps its date', () => {
    const a = assessSimDeactivation(vehicle({ contract: { terminationEffectiveOn: '2026-04-01' } }), '2026-03-20')
    expect(a.allowed).toBe(true)
    expect(a.terminationEffectiveOn).toBe('2026-04-01')
    expect(a.terminationAlreadyPending).toBe(true)
  })
})

describe('SIM deactivation — SE (GTC 1.6 a, 1.6 b, 8.1, 8.8; D12)', () => {
  it.each([
    ['consumer', 'distance', null, 'withdrawal'],
    ['consumer', 'off-premises', null, 'withdrawal'],
    ['consumer', 'on-premises', null, 'termination'],
    ['business', 'distance', null, 'termination'],
    ['consumer', 'distance', '2026-01-20', 'termination']
  ] as const)('SE GTC 1.6 a) — %s, %s, handed over %s → %s', (customer, channel, handedOverAt, effect) => {
    const a = assessSimDeactivation(
      vehicle({ market: 'SE', handedOverAt, contract: { customer, channel, concludedAt: '2025-06-01' } }),
      '2026-03-15'
    )
    expect(a.contractEffect).toBe(effect)
    if (effect === 'withdrawal') {
      // D12: even long after the 14 days
      expect(has(a.clauses, 'SE GTC 1.6 a)')).toBe(true)
      expect(has(a.clauses, 'D12')).toBe(true)
      expect(a.refund).toBe('all-payments')
    } else {
      expect(a.terminationEffectiveOn).toBe('2026-04-15')
      expect(has(a.clauses, 'SE GTC 8.1')).toBe(true)
      expect(has(a.clauses, 'SE GTC 8.8')).toBe(true)
      expect(a.refund).toBe('none')
    }
  })
})

describe('SIM deactivation — PT (II.5.1) and BE/LU (L143, L147): contract unaffected', () => {
  it('PT II.5.1 — no legal eCall: SIM deactivated, the emergency call stops working, acknowledgement blocks', () => {
    const a = assessSimDeactivation(vehicle({ market: 'PT', equipment: ['SA6AE', 'SA6AC'] }), '2026-03-15')
    expect(a.allowed).toBe(true)
    expect(a.contractEffect).toBe('none')
    expect(a.targetState).toBe('DEACTIVATED')
    expect(a.emergencyCallLost).toBe(true)
    expect(a.requiresAcknowledgement).toBe(true)
    expect(a.warnings[0]).toBe('emergency-call-lost')
    expect(a.servicesSwitchedOff?.map((s) => s.code)).toEqual(['SA6AE', 'SA6AC'])
    expect(has(a.clauses, 'PT II.5.1')).toBe(true)
  })

  it('RULES.md §3 — PT with legal eCall keeps it: ECALL_ONLY', () => {
    const a = assessSimDeactivation(vehicle({ market: 'PT', euEcall: true }), '2026-03-15')
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(a.emergencyCallLost).toBe(false)
  })

  it.each(['BE', 'LU'] as const)('BE L147 — %s with 6AF keeps the SIM on for the EU eCall', (market) => {
    const a = assessSimDeactivation(vehicle({ market, equipment: ['6AF', '6AK'] }), '2026-03-15')
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(a.contractEffect).toBe('none')
    expect(a.emergencyCallLost).toBe(false)
    expect(a.keeps).toEqual(['legal-ecall', 'psap-voice-call'])
    expect(a.loses).toContain('intelligent-ecall')
    expect(has(a.clauses, 'BE L147')).toBe(true)
    expect(has(a.clauses, 'BE L143')).toBe(true)
  })

  it('BE L143 — without legal eCall the SIM is blocked and Intelligent eCall is lost', () => {
    const a = assessSimDeactivation(vehicle({ market: 'BE', equipment: ['6AC'] }), '2026-03-15')
    expect(a.targetState).toBe('DEACTIVATED')
    expect(a.emergencyCallLost).toBe(true)
    expect(a.loses).toEqual(expect.arrayContaining(['intelligent-ecall', 'emergency-call']))
  })
})

describe('SIM deactivation — every market: target state, warnings, refusals', () => {
  it('D3 — Intelligent eCall is lost even when the SIM stays on', () => {
    const a = assessSimDeactivation(vehicle({ euEcall: true }), '2026-03-15')
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(a.warnings).toContain('intelligent-ecall-lost')
    expect(a.warnings).not.toContain('emergency-call-lost')
    expect(a.requiresAcknowledgement).toBe(false)
    expect(has(a.clauses, 'D3')).toBe(true)
  })

  // Issue 13, defect 9; RULES.md §3, D18: what survives decides, not the target state.
  it.each(['DK', 'SE', 'PT', 'BE', 'LU'] as const)('D18 — %s: legal map data alone keeps the SIM on, but no emergency call survives: acknowledgement required', (market) => {
    const a = assessSimDeactivation(vehicle({ market, legalMapData: true }), '2026-03-15')
    expect(a.allowed).toBe(true)
    expect(a.targetState).toBe('ECALL_ONLY')
    expect(a.keeps).toEqual(['legal-map-data'])
    expect(a.emergencyCallLost).toBe(true)
    expect(a.requiresAcknowledgement).toBe(true)
    expect(a.loses).toContain('emergency-call')
    expect(a.warnings.slice(0, 2)).toEqual(['emergency-call-lost', 'intelligent-ecall-lost'])
    expect(a.warnings).toContain('no-legal-ecall-map-data-only')
  })

  it('D18 — legal map data with legal eCall: an emergency call survives, no acknowledgement', () => {
    const a = assessSimDeactivation(vehicle({ legalMapData: true, euEcall: true }), '2026-03-15')
    expect(a.keeps).toEqual(['legal-ecall', 'psap-voice-call', 'legal-map-data'])
    expect(a.emergencyCallLost).toBe(false)
    expect(a.requiresAcknowledgement).toBe(false)
    expect(a.warnings).not.toContain('no-legal-ecall-map-data-only')
  })

  it('DK GTC 1.6 c) — activated functions keep working offline', () => {
    expect(assessSimDeactivation(vehicle({}), '2026-03-15').warnings).toContain('activated-functions-offline')
  })

  it.each([
    [{ sim: 'DEACTIVATED' as const }, 'already-deactivated'],
    [{ sim: 'ECALL_ONLY' as const, euEcall: true }, 'already-deactivated'],
    [{ contract: { status: 'withdrawn' as const } }, 'contract-withdrawn'],
    [{ contract: { status: 'terminated' as const, terminationEffectiveOn: '2026-03-01' } }, 'contract-ended'],
    [{ contract: { status: 'terminated' as const } }, 'contract-ended'],
    [{ sim: 'DEACTIVATED' as const, contract: { status: 'withdrawn' as const } }, 'already-deactivated']
  ])('RULES-API — %j is refused: %s', (facts, refusal) => {
    const a = assessSimDeactivation(vehicle(facts), '2026-03-15')
    expect(a.allowed).toBe(false)
    expect(a.refusal).toBe(refusal)
    expect(a.requiresAcknowledgement).toBe(false)
  })

  it('RULES.md §2 — ECALL_ONLY without legal functions may still go to DEACTIVATED', () => {
    const a = assessSimDeactivation(vehicle({ sim: 'ECALL_ONLY' }), '2026-03-15')
    expect(a.allowed).toBe(true)
    expect(a.targetState).toBe('DEACTIVATED')
  })

  it('RULES.md §2 — a DEACTIVATED SIM on a legal-eCall vehicle is reported as a breach', () => {
    const a = assessSimDeactivation(vehicle({ sim: 'DEACTIVATED', equipment: ['6FP'] }), '2026-03-15')
    expect(a.invariantBreach).toBe(true)
    expect(a.targetState).toBe('ECALL_ONLY')
  })

  it('RULES.md §2 — the command guard never allows DEACTIVATED with legal functions', () => {
    expect(isTargetStateAllowed(vehicle({ euEcall: true }), 'DEACTIVATED')).toBe(false)
    expect(isTargetStateAllowed(vehicle({ legalMapData: true }), 'DEACTIVATED')).toBe(false)
    expect(isTargetStateAllowed(vehicle({ euEcall: false, equipment: ['6UM'] }), 'DEACTIVATED')).toBe(false)
    expect(isTargetStateAllowed(vehicle({}), 'DEACTIVATED')).toBe(true)
    expect(isTargetStateAllowed(vehicle({ euEcall: true }), 'ECALL_ONLY')).toBe(true)
  })
})

describe('SIM reactivation (RULES.md §4, D4)', () => {
  it('BE L143 + D4 — restores the services still valid and lists the expired ones', () => {
    const a = assessSimReactivation(
      vehicle({ market: 'BE', sim: 'DEACTIVATED', firstRegistration: '2022-05-10', equipment: ['6AK', '6AC'] }),
      '2026-03-15'
    )
    expect(a.allowed).toBe(true)
    expect(a.targetState).toBe('ACTIVE')
    expect(a.restoredServices.map((s) => s.service).sort()).toEqual(['Customer Hotline', 'Intelligent Emergency Call', 'My Info'])
    expect(a.expiredServices.map((s) => s.service).sort()).toEqual(['Intelligent Voice Control', 'MINI Apps - MINI Online', 'Send to Car'])
    expect(has(a.clauses, 'BE L143')).toBe(true)
    expect(has(a.clauses, 'D4')).toBe(true)
  })

  it('D4 — DK/SE: during the month of notice reactivation cancels the termination', () => {
    for (const market of ['DK', 'SE'] as const) {
      const a = assessSimReactivation(vehicle({ market, sim: 'ECALL_ONLY', euEcall: true, contract: { terminationEffectiveOn: '2026-04-15' } }), '2026-03-20')
      expect(a.allowed).toBe(true)
      expect(a.cancelsTermination).toBe(true)
    }
  })

  it('D4 — a PT pending notice is not cancelled by reactivation (the SIM does not end the contract there)', () => {
    const a = assessSimReactivation(vehicle({ market: 'PT', sim: 'DEACTIVATED', contract: { terminationEffectiveOn: '2026-04-15' } }), '2026-03-20')
    expect(a.allowed).toBe(true)
    expect(a.cancelsTermination).toBe(false)
  })

  it.each([
    [{ sim: 'ACTIVE' as const }, 'already-active'],
    [{ sim: 'DEACTIVATED' as const, contract: { status: 'withdrawn' as const } }, 'contract-withdrawn'],
    [{ sim: 'DEACTIVATED' as const, contract: { terminationEffectiveOn: '2026-03-20' } }, 'contract-ended'],
    [{ sim: 'ECALL_ONLY' as const, contract: { status: 'terminated' as const, terminationEffectiveOn: '2026-01-01' } }, 'contract-ended']
  ])('RULES.md §4 — %j is refused: %s', (facts, refusal) => {
    const a = assessSimReactivation(vehicle(facts), '2026-03-20')
    expect(a.allowed).toBe(false)
    expect(a.refusal).toBe(refusal)
    expect(a.cancelsTermination).toBe(false)
    if (refusal !== 'already-active') expect(a.newContractNeeded).toBe(true)
  })

  it('RULES.md §2 — a refused reactivation still asks to restore legal eCall on a DEACTIVATED SIM', () => {
    const a = assessSimReactivation(vehicle({ sim: 'DEACTIVATED', euEcall: true, contract: { status: 'withdrawn' } }), '2026-03-20')
    expect(a.allowed).toBe(false)
    expect(a.restoreLegalFunctions).toBe(true)
  })
})
