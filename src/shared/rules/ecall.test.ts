import { describe, expect, it } from 'vitest'
import { equipmentHolds, hasLegalEcall, hasLegalMapData, legalEcallEvidence, mustKeepSim, optionCodeVariants } from './index'
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
    expect(e.sources).toEqual([
      { kind: 'record', euEcall: false },
      { kind: 'equipment', code: '6UM', matched: '6UM' }
    ])
    expect(e.clauses).toEqual(['D1'])
  })

  it('D1 — every piece of evidence is listed as printed, with the code it matched', () => {
    expect(legalEcallEvidence({ euEcall: true, equipment: ['SA6FP', '606/6UM', '6AC'] })).toEqual({
      fitted: true,
      conflict: false,
      sources: [
        { kind: 'record', euEcall: true },
        { kind: 'equipment', code: 'SA6FP', matched: '6FP' },
        { kind: 'equipment', code: '606/6UM', matched: '6UM' }
      ],
      clauses: ['D1']
    })
    expect(legalEcallEvidence({ equipment: [] })).toEqual({ fitted: false, conflict: false, sources: [], clauses: ['D1'] })
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
    expect(mustKeepSim(vehicle({ euEcall: true }))).toBe(true)
    expect(hasLegalEcall(vehicle({ legalMapData: true }))).toBe(false)
    expect(mustKeepSim(vehicle({}))).toBe(false)
    expect(mustKeepSim(vehicle({ legalMapData: false, euEcall: false }))).toBe(false)
    expect(hasLegalMapData(vehicle({ legalMapData: true }))).toBe(true)
    expect(hasLegalMapData(vehicle({ legalMapData: false }))).toBe(false)
    expect(hasLegalMapData(vehicle({}))).toBe(false)
  })
})

describe('option codes as printed (seed 000 L79, seed 004 SA6AE)', () => {
  it.each([
    ['6AF', ['6AF']],
    [' 6af ', ['6AF']],
    ['S6AF', ['S6AF', '6AF']],
    ['SA6AE', ['SA6AE', '6AE']],
    ['sa6ae', ['SA6AE', '6AE']],
    ['606/6UM', ['606', '6UM']],
    ['606 / 6UM', ['606', '6UM']],
    ['606//6UM/', ['606', '6UM']],
    ['SB6AF', ['SB6AF']],
    ['S6AFX', ['S6AFX']],
    ['X6AF', ['X6AF']],
    ['XS6AF', ['XS6AF']],
    ['XSA6AF', ['XSA6AF']],
    ['S6A', ['S6A']],
    ['SA6A', ['SA6A', 'A6A']],
    ['', []]
  ])('%j reads as %j', (printed, codes) => {
    expect(optionCodeVariants(printed)).toEqual(codes)
  })

  it('equipmentHolds returns the entry as printed that carries the code, or nothing', () => {
    expect(equipmentHolds(['6AC', 'SA6AE'], '6ae')).toBe('SA6AE')
    expect(equipmentHolds(['6AC', 'SA6AE'], '6AC')).toBe('6AC')
    expect(equipmentHolds(['6AC', 'SA6AE'], '6AF')).toBeUndefined()
  })
})
