import { describe, expect, it } from 'vitest'
import { hasLegalEcall, legalEcallEvidence, mustKeepSim } from './index'
import { vehicle } from './test-fixtures'

describe('D1 — legal eCall: record says so, or equipment holds 6AF, 6FP or 6UM', () => {
  it.each([
    [{ euEcall: true, equipment: [] }, true],
    [{ euEcall: undefined, equipment: ['6AF'] }, true],
    [{ euEcall: undefined, equipment: ['6FP'] }, true],
    [{ euEcall: undefined, equipment: ['6UM'] }, true],
    [{ euEcall: undefined, equipment: ['S6AF'] }, true],
    [{ euEcall: undefined, equipment: ['SA6FP'] }, true],
    [{ euEcall: undefined, equipment: [' 6af '] }, true],
    [{ euEcall: undefined, equipment: ['6AC', '6AK', '7GH'] }, false],
    [{ euEcall: false, equipment: ['6AC'] }, false],
    [{ euEcall: undefined, equipment: [] }, false],
    [{ euEcall: undefined, equipment: ['16AF', '6AFX'] }, false]
  ])('%j → %s', (facts, expected) => {
    expect(hasLegalEcall(vehicle(facts))).toBe(expected)
  })

  it('D1 — evidence wins over an explicit false, and the conflict is reported', () => {
    const e = legalEcallEvidence({ euEcall: false, equipment: ['6AK', '6UM'] })
    expect(e.fitted).toBe(true)
    expect(e.conflict).toBe(true)
    expect(e.sources).toContainEqual({ kind: 'equipment', code: '6UM', matched: '6UM' })
    expect(e.sources).toContainEqual({ kind: 'record', euEcall: false })
    expect(e.clauses.some((c) => c.startsWith('D1'))).toBe(true)
  })

  it('D1 — no conflict when record and equipment agree or the record is silent', () => {
    expect(legalEcallEvidence({ euEcall: true, equipment: ['6AF'] }).conflict).toBe(false)
    expect(legalEcallEvidence({ equipment: ['6AF'] }).conflict).toBe(false)
    expect(legalEcallEvidence({ euEcall: false, equipment: [] }).conflict).toBe(false)
  })

  it('D1 safety first — "606/6UM" is read as possible 6UM evidence', () => {
    expect(legalEcallEvidence({ equipment: ['606/6UM'] }).fitted).toBe(true)
  })

  it('RULES.md §1 — legal map data keeps the SIM on like legal eCall', () => {
    expect(mustKeepSim(vehicle({ legalMapData: true }))).toBe(true)
    expect(hasLegalEcall(vehicle({ legalMapData: true }))).toBe(false)
    expect(mustKeepSim(vehicle({}))).toBe(false)
  })
})
