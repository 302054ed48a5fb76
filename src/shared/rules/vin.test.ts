import { describe, expect, it } from 'vitest'
import { validateVin, shortVin, normaliseVin } from './index'

describe('validateVin (RULES.md §1, seed 002 L104–L120, ISO 3779)', () => {
  it.each([
    ['WMW11DK0X02T12345', 'WMW11DK0X02T12345'],
    ['  wmw11dk0x02t12345 ', 'WMW11DK0X02T12345'],
    ['WMW 11DK0 X02T-12345', 'WMW11DK0X02T12345'],
    ['WMW-11DK0-X02T-12345', 'WMW11DK0X02T12345'],
    // position-9 check digit is not enforced for EU VINs: "X" and "5" both accepted
    ['WMW11DK0502T12345', 'WMW11DK0502T12345'],
    ['ABCDEFGHJKLMNPRST', 'ABCDEFGHJKLMNPRST']
  ])('accepts %j as %s', (input, expected) => {
    expect(validateVin(input)).toEqual({ ok: true, vin: expected })
  })

  it.each(['', '   ', ' - ', '\t-\n'])('rejects %j as empty', (input) => {
    expect(validateVin(input)).toEqual({ ok: false, reason: 'empty', message: 'No VIN was given. A VIN has 17 characters.' })
  })

  it.each([
    ['WMWIIDK0X02T12345', 'The letter I at position 4 is never used in a VIN: did you mean 1 (one)?'],
    ['wmw11dkox02t12345', 'The letter O at position 8 is never used in a VIN: did you mean 0 (zero)?'],
    ['WMW11DK0X02T1234q', 'The letter Q at position 17 is never used in a VIN: did you mean 0 (zero)?'],
    ['Q', 'The letter Q at position 1 is never used in a VIN: did you mean 0 (zero)?']
  ])('%j: %s', (input, message) => {
    expect(validateVin(input)).toEqual({ ok: false, reason: 'forbidden-letter', message })
  })

  it.each([
    ['WMW11DK0X02T1234', 'A VIN has exactly 17 characters; 16 characters were given (1 missing).'],
    ['WMW11DK0X02T123456', 'A VIN has exactly 17 characters; 18 characters were given (1 too many).'],
    ['A', 'A VIN has exactly 17 characters; 1 character was given (16 missing).'],
    ['WMW11DK0X02T12345678', 'A VIN has exactly 17 characters; 20 characters were given (3 too many).']
  ])('%j: %s', (input, message) => {
    expect(validateVin(input)).toEqual({ ok: false, reason: 'length', message })
  })

  it('every letter and digit ISO 3779 allows is accepted, in either case', () => {
    expect(validateVin('ABCDEFGHJKLMNPRST')).toEqual({ ok: true, vin: 'ABCDEFGHJKLMNPRST' })
    expect(validateVin('uvwxyz01234567890')).toEqual({ ok: true, vin: 'UVWXYZ01234567890' })
  })

  it.each([
    ['WMWIIDK0X02T12345', 'I', 4, '1'],
    ['WMW11DKOX02T12345', 'O', 8, '0'],
    ['WMW11DK0X02T1234Q', 'Q', 17, '0'],
    ['wmw11dk0x02t1234o', 'O', 17, '0']
  ])('rejects %j: forbidden letter %s at %i with a hint to %s, never corrected', (input, letter, pos, hint) => {
    const r = validateVin(input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('forbidden-letter')
    expect(r.message).toContain(letter)
    expect(r.message).toContain(`position ${pos}`)
    expect(r.message).toContain(`did you mean ${hint}`)
  })

  it.each([
    ['WMW11DK0X02T1234*', '*', 17],
    ['WMW11DK0X02T1234Ä', 'Ä', 17],
    ['WMW_1DK0X02T12345', '_', 4],
    ['WMW1.DK0X02T12345', '.', 5]
  ])('rejects %j: invalid character %s at position %i', (input, ch, pos) => {
    const r = validateVin(input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('invalid-character')
    expect(r.message).toContain(`"${ch}"`)
    expect(r.message).toContain(`position ${pos}`)
  })

  it.each([
    ['WMW11DK0X02T1234', 16],
    ['WMW11DK0X02T123456', 18],
    ['A', 1],
    ['1234567', 7]
  ])('rejects %j: length, saying %i characters were given', (input, n) => {
    const r = validateVin(input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('length')
    expect(r.message).toContain(`${n} character`)
    expect(r.message).toContain('17')
  })

  // Issue 13, defect 8: upper-casing first turned one letter into two ASCII letters, so a
  // 16-character input passed as a 17-character VIN.
  it.each([
    ['WMW11DK0X02T123ß', 'ß', 16],
    ['WMW11DK0X02T1234ſ', 'ſ', 17],
    ['WMW11DK0X02T123ﬀ', 'ﬀ', 16],
    ['ﬃMW11DK0X02T1234', 'ﬃ', 1],
    ['WMW11DK0X02T1234ı', 'ı', 17]
  ])('rejects %j: %s is not a VIN character, whatever it upper-cases to (position %i)', (input, ch, pos) => {
    const r = validateVin(input)
    expect(r).toEqual({
      ok: false,
      reason: 'invalid-character',
      message: `The character "${ch}" at position ${pos} is not allowed in a VIN (only digits and the letters A–Z except I, O and Q).`
    })
  })

  it('normaliseVin upper-cases a–z only, so it never changes the number of characters', () => {
    expect(normaliseVin(' wmw 11-dk ')).toBe('WMW11DK')
    expect(normaliseVin('wmwß')).toBe('WMWß')
    expect(normaliseVin('ſﬀ')).toBe('ſﬀ')
  })

  it('short VIN is the last 7 characters', () => {
    expect(shortVin('wmw11dk0x02t12345')).toBe('2T12345')
    expect(shortVin('WMW11DKOX02T12345')).toBeNull()
  })
})
