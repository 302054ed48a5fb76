import Papa from 'papaparse'
import type { BulkJobRowDoc } from '@shared/ipc/contract'

/**
 * A bulk job's results as a CSV file for the agent: one line per row of the uploaded file, in the agent's
 * language (the words come from the caller), written by papaparse. Cells a spreadsheet would run as a
 * formula are escaped (`escapeFormulae`): the reasons and VINs came from an uploaded file.
 */
export interface ResultWords {
  header: [line: string, vin: string, action: string, reason: string, outcome: string, detail: string, command: string, vehicle: string]
  action(row: BulkJobRowDoc): string
  outcome(row: BulkJobRowDoc): string
  detail(row: BulkJobRowDoc): string
  vehicle(row: BulkJobRowDoc): string
}

export function resultsCsv(rows: readonly BulkJobRowDoc[], words: ResultWords): string {
  const data = rows.map((r) => [String(r.line), r.vin, words.action(r), r.reason ?? '', words.outcome(r), words.detail(r), r.commandId ?? '', words.vehicle(r)])
  // A byte-order mark, so that spreadsheets open the accents (ø, å, ç, ß) as written.
  return '\uFEFF' + Papa.unparse({ fields: words.header, data }, { escapeFormulae: true, newline: '\r\n' })
}
