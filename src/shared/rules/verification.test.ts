import { describe, expect, it } from 'vitest'
import {
  normaliseCustomerNumber,
  normaliseName,
  normalisePostcode,
  verificationLockout,
  verifyCaller,
  type CallerClaim,
  type CallerRecord
} from './index'

const record: CallerRecord = {
  firstName: 'Søren',
  lastName: 'Ærø-Åberg',
  vin: 'WMW11DK0X02T12345',
  customerNumber: 'MC 1234 5678',
  postcode: '2450'
}

describe('D11 — caller verification (seed 002 L104–L135 pattern)', () => {
  it('passes with exact name, full VIN and customer number', () => {
    const r = verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: 'WMW11DK0X02T12345', customerNumber: 'MC 1234 5678' })
    expect(r).toEqual({
      passed: true,
      nameMatches: true,
      vinMatches: true,
      secondFactor: 'customer-number',
      failures: [],
      messages: [],
      clauses: ['D11', 'CA FAQ Associez votre compte']
    })
  })

  it('fails with every reason, in words that reveal nothing of the record', () => {
    const r = verifyCaller(record, { firstName: 'Soren', lastName: 'Aberg', vin: 'WMW11DK0X02T12346', customerNumber: 'MC 0000', postcode: '2400' })
    expect(r).toEqual({
      passed: false,
      nameMatches: false,
      vinMatches: false,
      secondFactor: null,
      failures: ['name-mismatch', 'vin-mismatch', 'customer-number-mismatch', 'postcode-mismatch'],
      messages: [
        'The first name and surname must match the record exactly (letters and accents; case and surrounding spaces do not matter).',
        'The VIN does not match the vehicle on record.',
        'The customer number does not match the record.',
        'The postcode does not match the address on record.'
      ],
      clauses: ['D11', 'CA FAQ Associez votre compte']
    })
  })

  it('an invalid VIN and no second fact: says what is needed', () => {
    const r = verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: '2T12345' })
    expect(r.failures).toEqual(['vin-invalid', 'no-second-factor'])
    expect(r.messages).toEqual([
      'The full 17-character VIN is needed: A VIN has exactly 17 characters; 7 characters were given (10 missing).',
      'Ask for the customer number or the postcode of the address on record.'
    ])
    expect(r.vinMatches).toBe(false)
    expect(r.nameMatches).toBe(true)
  })

  it('D11 — case and surrounding spaces are ignored', () => {
    const r = verifyCaller(record, { firstName: '  SØREN ', lastName: 'ærø-åberg  ', vin: ' wmw11dk0x02t12345 ', postcode: '2450' })
    expect(r.passed).toBe(true)
    expect(r.secondFactor).toBe('postcode')
  })

  it('D11 — accents are NOT ignored', () => {
    const r = verifyCaller(record, { firstName: 'Soren', lastName: 'Ærø-Åberg', vin: record.vin, postcode: '2450' })
    expect(r.passed).toBe(false)
    expect(r.failures).toEqual(['name-mismatch'])
  })

  it('D11 — a composed and a decomposed accent are the same letter', () => {
    const r = verifyCaller({ ...record, firstName: 'José' }, { firstName: 'Jose\u0301', lastName: 'Ærø-Åberg', vin: record.vin, postcode: '2450' })
    expect(r.passed).toBe(true)
  })

  it('D11 — inner spelling must match (no fuzzy match)', () => {
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø Åberg', vin: record.vin, postcode: '2450' }).passed).toBe(false)
  })

  it('D11 — the full VIN is needed; a short VIN or a wrong VIN fails', () => {
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: '2T12345', postcode: '2450' }).failures).toEqual(['vin-invalid'])
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: 'WMW11DK0X02T12346', postcode: '2450' }).failures).toEqual(['vin-mismatch'])
  })

  it('D11 — postcode spacing and country prefix do not matter', () => {
    const se = { ...record, postcode: '191 38' }
    expect(verifyCaller(se, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, postcode: '19138' }).passed).toBe(true)
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, postcode: 'DK-2450' }).passed).toBe(true)
  })

  it('D11 — a second fact is required, and a wrong one fails even if the other is right', () => {
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin }).failures).toEqual(['no-second-factor'])
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, customerNumber: 'MC 0000 0000', postcode: '2450' }).passed).toBe(false)
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, postcode: '2400' }).failures).toEqual(['postcode-mismatch'])
  })

  it('D11 — a record without a customer number cannot be matched on it', () => {
    const r = verifyCaller({ ...record, customerNumber: null }, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, customerNumber: '' })
    expect(r.passed).toBe(false)
    expect(r.failures).toEqual(['no-second-factor'])
    const claim: CallerClaim = { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, customerNumber: 'MC 1234 5678' }
    expect(verifyCaller({ ...record, customerNumber: null }, claim).failures).toEqual(['customer-number-mismatch'])
    expect(verifyCaller({ ...record, customerNumber: '  ' }, { ...claim, customerNumber: '  ' }).failures).toEqual(['no-second-factor'])
    expect(verifyCaller({ ...record, customerNumber: ' ' }, claim).failures).toEqual(['customer-number-mismatch'])
  })

  it('D11 — a record without a postcode cannot be matched on it', () => {
    const claim: CallerClaim = { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, postcode: '2450' }
    expect(verifyCaller({ ...record, postcode: null }, claim).failures).toEqual(['postcode-mismatch'])
    expect(verifyCaller({ ...record, postcode: 'L-' }, { ...claim, postcode: 'L-' }).failures).toEqual(['no-second-factor'])
    expect(verifyCaller({ ...record, postcode: 'DK-' }, claim).failures).toEqual(['postcode-mismatch'])
  })

  it.each([
    [{ customerNumber: 'mc12345678' }, 'customer-number'],
    [{ postcode: '2450' }, 'postcode'],
    [{ customerNumber: 'MC 1234 5678', postcode: '2450' }, 'customer-number'],
    [{ customerNumber: 'MC 1234 5678', postcode: '9999' }, null],
    [{ customerNumber: 'MC 9', postcode: '2450' }, null],
    [{ customerNumber: ' ', postcode: '2450' }, 'postcode']
  ] as Array<[Partial<CallerClaim>, string | null]>)('D11 — second fact %j → %s', (given, factor) => {
    const r = verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberg', vin: record.vin, ...given })
    expect(r.secondFactor).toBe(factor)
    expect(r.passed).toBe(factor !== null)
  })

  it('D11 — a surname is required: two empty surnames do not match', () => {
    const r = verifyCaller({ ...record, lastName: '' }, { firstName: 'Søren', lastName: ' ', vin: record.vin, postcode: '2450' })
    expect(r.nameMatches).toBe(false)
    expect(r.failures).toEqual(['name-mismatch'])
    expect(verifyCaller(record, { firstName: 'Søren', lastName: 'Ærø-Åberge', vin: record.vin, postcode: '2450' }).nameMatches).toBe(false)
    expect(verifyCaller(record, { firstName: 'Sørens', lastName: 'Ærø-Åberg', vin: record.vin, postcode: '2450' }).nameMatches).toBe(false)
  })

  it('normalises only what D11 says may differ', () => {
    expect(normaliseName('  JOSÉ ')).toBe('josé')
    expect(normaliseName('Jose\u0301')).toBe('jos\u00e9')
    expect(normaliseCustomerNumber(' mc 1234\t5678 ')).toBe('MC12345678')
    expect(normaliseCustomerNumber('mca\u0301')).toBe('MC\u00c1')
    expect(normalisePostcode('L-1234')).toBe('1234')
    expect(normalisePostcode('2740-422')).toBe('2740422')
    expect(normalisePostcode('191 38')).toBe('19138')
  })
})

describe('D11 — three failures lock verification for 15 minutes', () => {
  const f = (at: string) => ({ at, passed: false })
  const p = (at: string) => ({ at, passed: true })

  it('no attempts: three left', () => {
    expect(verificationLockout([], '2026-03-20T10:02:00Z')).toEqual({ locked: false, consecutiveFailures: 0, remainingAttempts: 3, clauses: ['D11'] })
  })

  it('two failures: not locked, one attempt left', () => {
    const s = verificationLockout([f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z')], '2026-03-20T10:02:00Z')
    expect(s).toEqual({ locked: false, consecutiveFailures: 2, remainingAttempts: 1, clauses: ['D11'] })
  })

  it('attempts after "now" have not happened yet; one at "now" has', () => {
    const attempts = [f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z'), f('2026-03-20T10:02:00Z')]
    expect(verificationLockout(attempts, '2026-03-20T10:01:59Z')).toMatchObject({ locked: false, consecutiveFailures: 2 })
    expect(verificationLockout(attempts, '2026-03-20T10:02:00Z')).toEqual({
      locked: true,
      lockedUntil: '2026-03-20T10:17:00Z',
      consecutiveFailures: 3,
      remainingAttempts: 0,
      clauses: ['D11']
    })
  })

  it('three failures: locked until 15 minutes after the third', () => {
    const attempts = [f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z'), f('2026-03-20T10:02:00Z')]
    const s = verificationLockout(attempts, '2026-03-20T10:16:59Z')
    expect(s.locked).toBe(true)
    expect(s.lockedUntil).toBe('2026-03-20T10:17:00Z')
    expect(s.remainingAttempts).toBe(0)
    const after = verificationLockout(attempts, '2026-03-20T10:17:00Z')
    expect(after.locked).toBe(false)
    expect(after.remainingAttempts).toBe(3)
  })

  it('a pass resets the count', () => {
    const s = verificationLockout([f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z'), p('2026-03-20T10:02:00Z'), f('2026-03-20T10:03:00Z')], '2026-03-20T10:04:00Z')
    expect(s).toEqual({ locked: false, consecutiveFailures: 1, remainingAttempts: 2, clauses: ['D11'] })
  })

  it('attempts at the same instant count in the order recorded', () => {
    expect(verificationLockout([f('2026-03-20T10:00:00Z'), p('2026-03-20T10:00:00Z')], '2026-03-20T10:01:00Z').consecutiveFailures).toBe(0)
    expect(verificationLockout([p('2026-03-20T10:00:00Z'), f('2026-03-20T10:00:00Z')], '2026-03-20T10:01:00Z').consecutiveFailures).toBe(1)
  })

  it('an attempt at the moment the lock ends counts again; three more lock again', () => {
    const lock = [f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z'), f('2026-03-20T10:02:00Z')]
    expect(verificationLockout([...lock, f('2026-03-20T10:17:00Z')], '2026-03-20T10:18:00Z')).toMatchObject({ locked: false, consecutiveFailures: 1, remainingAttempts: 2 })
    expect(verificationLockout([...lock, f('2026-03-20T10:16:59Z')], '2026-03-20T10:18:00Z')).toMatchObject({ locked: false, consecutiveFailures: 0, remainingAttempts: 3 })
    const again = verificationLockout([...lock, f('2026-03-20T10:20:00Z'), f('2026-03-20T10:21:00Z'), f('2026-03-20T10:22:00Z')], '2026-03-20T10:30:00Z')
    expect(again).toMatchObject({ locked: true, lockedUntil: '2026-03-20T10:37:00Z' })
  })

  it('attempts recorded during a lock do not extend it', () => {
    const s = verificationLockout(
      [f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z'), f('2026-03-20T10:02:00Z'), f('2026-03-20T10:10:00Z')],
      '2026-03-20T10:17:30Z'
    )
    expect(s.locked).toBe(false)
  })

  it('offsets are honoured (no local-time trap) and order does not matter', () => {
    const s = verificationLockout([f('2026-03-20T11:02:00+01:00'), f('2026-03-20T10:00:00Z'), f('2026-03-20T12:01:00+02:00')], '2026-03-20T10:10:00Z')
    expect(s.locked).toBe(true)
    expect(s.lockedUntil).toBe('2026-03-20T10:17:00Z')
  })

  it('rejects a date-time without an offset, naming it', () => {
    expect(() => verificationLockout([f('2026-03-20T10:00:00')], '2026-03-20T10:10:00Z')).toThrow(
      'attempts[0].at must be an ISO date-time with offset or Z, got "2026-03-20T10:00:00"'
    )
    expect(() => verificationLockout([], 'now')).toThrow('now must be an ISO date-time with offset or Z, got "now"')
  })
})
