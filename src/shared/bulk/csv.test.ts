import { describe, expect, it } from 'vitest'
import { BULK_MAX_CHARS, BULK_MAX_ROWS, BulkFileError, parseBulkCsv } from './csv'

const A = 'WMWXU7108TT000001'
const B = 'WMWXU7108TT000002'

function fileError(text: string): BulkFileError {
  try {
    parseBulkCsv(text)
  } catch (error) {
    if (error instanceof BulkFileError) return error
    throw error
  }
  throw new Error('the file was accepted')
}

describe('the bulk SIM file', () => {
  it('reads rows with a header, in any column order, with their lines', () => {
    const file = parseBulkCsv(`action,VIN,reason\r\ndeactivate,${A},customer sold the car\r\n\r\nReactivate,${B},\r\n`)
    expect(file.header).toBe(true)
    expect(file.rows).toEqual([
      { line: 2, written: A, vin: A, action: 'deactivate', reason: 'customer sold the car', problem: null },
      { line: 4, written: B, vin: B, action: 'reactivate', reason: null, problem: null }
    ])
  })

  it('reads rows without a header, separated by semicolons, VINs written with spaces', () => {
    const file = parseBulkCsv(`WMW XU71 08TT 000001;deactivate\n${B};reactivate;"two\nlines"\n`)
    expect(file.header).toBe(false)
    expect(file.delimiter).toBe(';')
    expect(file.rows.map((r) => [r.line, r.vin, r.action])).toEqual([
      [1, A, 'deactivate'],
      [2, B, 'reactivate']
    ])
    // A reason is one line: the quoted line break makes it not understood.
    expect(file.rows[1]!.problem?.key).toBe('bulk.reasonInvalid')
  })

  it('keeps rows it cannot understand, each with its reason: bad VIN, unknown action, repeated VIN', () => {
    const file = parseBulkCsv(`vin,action\nWMWXU7108TT00000O,deactivate\n${A},switch off\n${A},deactivate\n${B},deactivate\n${B},reactivate\n`)
    expect(file.rows.map((r) => [r.line, r.problem?.key ?? null, r.problem?.params ?? null])).toEqual([
      [2, 'bulk.vinInvalid', { vin: 'WMWXU7108TT00000O' }],
      [3, 'bulk.actionUnknown', { action: 'switch off' }],
      [4, null, null],
      [5, null, null],
      [6, 'bulk.duplicate', { line: 5 }]
    ])
  })

  it('refuses a malformed file whole, naming the line', () => {
    expect(fileError(`${A},deactivate\n${B},"deactivate\n`)).toMatchObject({ key: 'bulk.fileMalformed', params: { line: 2 } })
    expect(fileError(`${A},deactivate\n\n${B},deactivate,reason,extra\n`)).toMatchObject({ key: 'bulk.columns', params: { line: 3, found: 4 } })
    expect(fileError(`${A}\n`)).toMatchObject({ key: 'bulk.columns', params: { line: 1, found: 1 } })
    expect(fileError('')).toMatchObject({ key: 'bulk.fileEmpty' })
    expect(fileError('vin,action,reason\n')).toMatchObject({ key: 'bulk.fileEmpty' })
    expect(fileError('PK\u0003\u0004\u0000\u0000binary')).toMatchObject({ key: 'bulk.notText' })
    expect(fileError('x'.repeat(BULK_MAX_CHARS + 1))).toMatchObject({ key: 'bulk.fileTooLarge' })
  })

  it('takes up to 10 000 rows and refuses more', () => {
    const row = (i: number) => `WMWXU7108TT${String(i).padStart(6, '0')},deactivate`
    const full = Array.from({ length: BULK_MAX_ROWS }, (_, i) => row(i)).join('\n')
    expect(parseBulkCsv(full).rows).toHaveLength(BULK_MAX_ROWS)
    expect(fileError(`${full}\n${row(BULK_MAX_ROWS)}`)).toMatchObject({ key: 'bulk.tooManyRows', params: { max: BULK_MAX_ROWS } })
  })
})
