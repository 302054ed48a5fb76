import Papa from 'papaparse'
import { z } from 'zod'
import type { MessageKey, MessageParams } from '../ipc/messages'
import { validateVin } from '../rules'

/**
 * The bulk SIM file: one row per vehicle, `VIN; deactivate|reactivate; optional reason`, with or without a
 * header row (`vin,action,reason`), separated by commas, semicolons (spreadsheets in Danish, Swedish,
 * Portuguese, French, Dutch and German locales write those) or tabs. Parsed with papaparse (quotes, quoted
 * line breaks, delimiter detection) and each row checked with zod. Pure: the renderer checks a file before
 * sending it, and main parses it again, since main never trusts what the renderer sends.
 *
 * A file that cannot be read as such a table is refused whole (`BulkFileError`, with the line); a row that
 * can be read but not understood (a bad VIN, an unknown action, a repeated VIN) is kept and says why.
 */
export const BULK_MAX_ROWS = 10_000
/** Characters of the file: 10 000 rows with a short reason fit; the request stays under the transports' 1 MB. */
export const BULK_MAX_CHARS = 900_000
export const BULK_REASON_MAX = 500
export const BULK_ACTIONS = ['deactivate', 'reactivate'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]

export interface BulkProblem {
  key: MessageKey
  params?: MessageParams
}

export class BulkFileError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {}
  ) {
    super(`${key} ${JSON.stringify(params)}`)
    this.name = 'BulkFileError'
  }
}

export interface BulkRow {
  /** The file's line the row starts on (1 = the first line, the header included). */
  line: number
  /** The VIN as written (trimmed). */
  written: string
  /** The VIN normalised, when it is one. */
  vin: string | null
  action: BulkAction | null
  reason: string | null
  /** Why the row is not understood; null when it is. */
  problem: BulkProblem | null
}

export interface BulkFile {
  rows: BulkRow[]
  header: boolean
  delimiter: string
}

const HEADER = { vin: ['vin', 'vehicle', 'fin', 'stelnummer', 'chassinummer', 'chassi'], action: ['action', 'command'], reason: ['reason', 'note', 'comment'] } as const

const cell = z.string().transform((s) => s.trim())
const rowSchema = z.object({
  vin: cell,
  action: cell.transform((s) => s.toLowerCase()).pipe(z.enum(BULK_ACTIONS)),
  reason: cell
    .pipe(z.string().max(BULK_REASON_MAX))
    // \p{Cc}: control characters are never text (a reason is one line).
    .refine((s) => !/\p{Cc}/u.test(s))
    .transform((s) => (s === '' ? null : s))
})

function isHeader(cells: string[]): boolean {
  return cells.some((c) => (HEADER.vin as readonly string[]).includes(c.trim().toLowerCase()))
}

/** Where each column is: by the header's names, else VIN, action, reason in that order. */
function columnsOf(header: string[] | null): { vin: number; action: number; reason: number } {
  if (!header) return { vin: 0, action: 1, reason: 2 }
  const find = (names: readonly string[], fallback: number) => {
    const at = header.findIndex((h) => names.includes(h.trim().toLowerCase()))
    return at >= 0 ? at : fallback
  }
  return { vin: find(HEADER.vin, 0), action: find(HEADER.action, 1), reason: find(HEADER.reason, 2) }
}

export function parseBulkCsv(text: string): BulkFile {
  if (text.length > BULK_MAX_CHARS) throw new BulkFileError('bulk.fileTooLarge', { maxKb: Math.floor(BULK_MAX_CHARS / 1000) })
  // A spreadsheet saved as .xlsx, a PDF, a picture: binary files hold NUL bytes, text files never do.
  if (text.includes('\u0000')) throw new BulkFileError('bulk.notText')
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new BulkFileError('bulk.fileEmpty')

  // Lines are counted as the parser moves on, so every row and every error names the line it starts on
  // (quoted fields may span lines).
  const starts: number[] = []
  const records: string[][] = []
  let failure: BulkFileError | null = null
  let lineAt = 1
  let counted = 0
  const lineOf = (offset: number): number => {
    for (; counted < offset && counted < body.length; counted++) if (body.charCodeAt(counted) === 10) lineAt++
    return lineAt
  }
  let previous = 0
  const result = Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    step(step, parser) {
      // The row starts after the previous row's end and the blank lines before it.
      let start = previous
      while (start < body.length && /\s/.test(body[start]!)) start++
      const line = lineOf(start)
      previous = step.meta.cursor
      const quoteError = step.errors.find((e) => e.type === 'Quotes')
      if (quoteError) {
        failure = new BulkFileError('bulk.fileMalformed', { line })
        parser.abort()
        return
      }
      if (records.length >= BULK_MAX_ROWS + 1) {
        failure = new BulkFileError('bulk.tooManyRows', { max: BULK_MAX_ROWS, rows: `${BULK_MAX_ROWS + 1}+` })
        parser.abort()
        return
      }
      records.push(step.data)
      starts.push(line)
    }
  })
  if (failure) throw failure
  if (records.length === 0) throw new BulkFileError('bulk.fileEmpty')

  const header = isHeader(records[0]!) ? records[0]! : null
  const dataRows = header ? records.slice(1) : records
  const dataStarts = header ? starts.slice(1) : starts
  if (dataRows.length === 0) throw new BulkFileError('bulk.fileEmpty')
  if (dataRows.length > BULK_MAX_ROWS) throw new BulkFileError('bulk.tooManyRows', { max: BULK_MAX_ROWS, rows: dataRows.length })
  const width = header ? Math.max(2, header.length) : 3
  const columns = columnsOf(header)

  const firstLineOf = new Map<string, number>()
  const rows = dataRows.map((cells, i): BulkRow => {
    const line = dataStarts[i]!
    // A trailing separator (`VIN,deactivate,`) is harmless; more cells than the table has is not.
    const used = cells.length > width && cells.slice(width).every((c) => c.trim() === '') ? cells.slice(0, width) : cells
    if (used.length < 2 || used.length > width) throw new BulkFileError('bulk.columns', { line, found: used.length })
    const written = (used[columns.vin] ?? '').trim()
    const vinCheck = validateVin(written)
    const parsed = rowSchema.safeParse({ vin: written, action: used[columns.action] ?? '', reason: used[columns.reason] ?? '' })
    const action = parsed.success ? parsed.data.action : (BULK_ACTIONS as readonly string[]).includes((used[columns.action] ?? '').trim().toLowerCase()) ? ((used[columns.action] ?? '').trim().toLowerCase() as BulkAction) : null
    const reason = parsed.success ? parsed.data.reason : null
    const vin = vinCheck.ok ? vinCheck.vin : null
    let problem: BulkProblem | null = null
    if (!vin) problem = { key: 'bulk.vinInvalid', params: { vin: written.slice(0, 40) } }
    else if (!action) problem = { key: 'bulk.actionUnknown', params: { action: (used[columns.action] ?? '').trim().slice(0, 40) } }
    else if (!parsed.success) problem = { key: 'bulk.reasonInvalid', params: { max: BULK_REASON_MAX } }
    else if (firstLineOf.has(vin)) problem = { key: 'bulk.duplicate', params: { line: firstLineOf.get(vin)! } }
    // The first row that can run is the one kept; a later one for the same vehicle would contradict or repeat it.
    if (vin && !problem) firstLineOf.set(vin, line)
    return { line, written, vin, action, reason, problem }
  })
  return { rows, header: header !== null, delimiter: result.meta.delimiter }
}
