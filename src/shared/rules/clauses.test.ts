import { describe, expect, it } from 'vitest'
import { CLAUSE_DOCUMENTS, CLAUSES, DECISIONS, isCitation, isClauseId, isDecisionId, type ClauseDocument } from './index'

// The catalogue of what outcomes cite (issue 12, point 4). That every outcome cites only these ids is
// checked over generated inputs in properties.test.ts.

// Documents that are seeds: the source names the seed file and its lines.
const SEED_OF: Partial<Record<ClauseDocument, string>> = {
  'dk-connected-terms': '001',
  'dk-service-inclusive-terms': '001',
  'dk-service-descriptions': '001',
  'se-connected-terms': '003',
  'se-service-descriptions': '003',
  'pt-terms': '004',
  'be-lu-service-list': '000',
  'vin-faq': '002'
}

describe('CLAUSES — each clause names its document, its section as printed, and where it is', () => {
  const entries = Object.entries(CLAUSES)

  it.each(entries)('%s', (id, clause) => {
    expect(CLAUSE_DOCUMENTS).toContain(clause.document)
    expect(clause.section.trim()).not.toBe('')
    const seed = SEED_OF[clause.document]
    if (seed !== undefined) expect(clause.source).toMatch(new RegExp(`^seed ${seed} L\\d+`))
    else expect(clause.source.length).toBeGreaterThan(10)
    // Numbered documents: the id ends with the section as printed, so ids read like citations.
    if (clause.document !== 'be-lu-service-list' && clause.document !== 'dk-service-descriptions' && clause.document !== 'se-service-descriptions') {
      expect(id.endsWith(` ${clause.section}`)).toBe(true)
    }
  })

  it('sections of the terms as the documents print them', () => {
    expect(CLAUSES['DK GTC 1.6 a)']).toEqual({ document: 'dk-connected-terms', section: '1.6 a)', source: 'seed 001 L64–L65' })
    expect(CLAUSES['DK GTC 8.7']).toMatchObject({ document: 'dk-connected-terms', section: '8.7' })
    expect(CLAUSES['DK SI Bilag']).toMatchObject({ document: 'dk-service-inclusive-terms', section: 'Bilag' })
    expect(CLAUSES['SE GTC 15']).toMatchObject({ document: 'se-connected-terms', section: '15' })
    expect(CLAUSES['SE Lag 2005:59 1 kap. 2 §']).toMatchObject({ document: 'se-distance-contracts-act', section: '1 kap. 2 §' })
    expect(CLAUSES['PT II.5.1']).toMatchObject({ document: 'pt-terms', section: 'II.5.1' })
    expect(CLAUSES['BE/LU deactivation']).toMatchObject({ document: 'be-lu-service-list', section: 'Comment désactiver' })
    expect(CLAUSES['BE/LU durations']).toMatchObject({ document: 'be-lu-service-list', section: 'Durée des services' })
    expect(CLAUSES['EU 2011/83 art. 11(2)']).toMatchObject({ document: 'eu-directive-2011-83', section: 'art. 11(2)' })
    expect(CLAUSES['EU 1182/71 art. 3']).toMatchObject({ document: 'eu-regulation-1182-71', section: 'art. 3' })
    expect(CLAUSES['DK SD Emergency Call Service']).toMatchObject({ document: 'dk-service-descriptions', section: 'Emergency Call Service' })
    expect(CLAUSES['SE SD Emergency Call']).toMatchObject({ document: 'se-service-descriptions', section: 'Emergency Call' })
    expect(CLAUSES['CA FAQ Associez votre compte']).toMatchObject({ document: 'vin-faq', section: 'Associez votre compte' })
  })
})

describe('DECISIONS — D1 to D18 of RULES.md, each summarised for supervisors', () => {
  it('holds exactly D1 … D18', () => {
    expect(Object.keys(DECISIONS)).toEqual(Array.from({ length: 18 }, (_, i) => `D${i + 1}`))
  })

  it('every summary is a distinct English sentence', () => {
    const summaries = Object.values(DECISIONS).map((d) => d.summary)
    for (const s of summaries) expect(s).toMatch(/^[A-Z«"].{30,}\.$/)
    expect(new Set(summaries).size).toBe(18)
  })

  it('the summaries say what RULES.md decided', () => {
    expect(DECISIONS.D6.summary).toContain('Regulation 1182/71')
    expect(DECISIONS.D12.summary).toContain('before handover')
    expect(DECISIONS.D13.summary).toContain('last day')
    expect(DECISIONS.D18.summary).toContain('legal map data')
  })
})

describe('telling a citation from anything else', () => {
  it.each([
    ['DK GTC 1.6 a)', true, false],
    ['D12', false, true],
    ['D18', false, true],
    ['D19', false, false],
    ['D0', false, false],
    ['DK GTC 1.6 a) — the request before handover is a withdrawal', false, false],
    ['toString', false, false],
    ['constructor', false, false],
    ['', false, false]
  ])('%j: clause %s, decision %s', (value, clause, decision) => {
    expect(isClauseId(value)).toBe(clause)
    expect(isDecisionId(value)).toBe(decision)
    expect(isCitation(value)).toBe(clause || decision)
  })
})
