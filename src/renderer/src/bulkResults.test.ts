import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { BulkJobRowDoc } from '@shared/ipc/contract'
import { resultsCsv, type ResultWords } from './bulkResults'

const row = (over: Partial<BulkJobRowDoc>): BulkJobRowDoc => ({
  line: 2,
  vin: 'WMWXU7108TT000001',
  action: 'deactivate',
  reason: null,
  status: 'sent',
  problem: null,
  commandId: 'SIM-0f0c4a8e-1111-4f3b-9a43-2b0c6a1d2e3f',
  commandStatus: 'confirmed',
  commandError: null,
  processedAt: '2026-11-21T10:00:00Z',
  ...over
})

const words: ResultWords = {
  header: ['Linje', 'VIN', 'Handling', 'Begrundelse', 'Resultat', 'Detaljer', 'Kommando', 'Bil'],
  action: (r) => (r.action === 'deactivate' ? 'deaktivér' : 'genaktivér'),
  outcome: (r) => r.status,
  detail: (r) => r.problem?.key ?? '',
  vehicle: (r) => r.commandStatus ?? ''
}

describe('the results file', () => {
  it('has a header and one line per row of the upload, readable back as the same table', () => {
    const csv = resultsCsv([row({}), row({ line: 3, vin: 'WMWXU7108TT000002', status: 'skipped', problem: { key: 'bulk.needsAcknowledgement' }, commandId: null, commandStatus: null, reason: 'kunde, "solgt"' })], words)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(back[0]).toEqual(words.header)
    expect(back[1]).toEqual(['2', 'WMWXU7108TT000001', 'deaktivér', '', 'sent', '', 'SIM-0f0c4a8e-1111-4f3b-9a43-2b0c6a1d2e3f', 'confirmed'])
    expect(back[2]).toEqual(['3', 'WMWXU7108TT000002', 'deaktivér', 'kunde, "solgt"', 'skipped', 'bulk.needsAcknowledgement', '', ''])
  })

  it('never hands a spreadsheet a formula from the uploaded file', () => {
    const csv = resultsCsv([row({ reason: '=HYPERLINK("http://example.com")' })], words)
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(back[1]![3]).toBe(`'=HYPERLINK("http://example.com")`)
  })
})
