import { describe, expect, it } from 'vitest'
import { verificationLockout, verifyCaller, type CallerRecord } from './index'

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
    expect(r.passed).toBe(true)
    expect(r.secondFactor).toBe('customer-number')
    expect(r.clauses.some((c) => c.startsWith('D11'))).toBe(true)
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
  })
})

describe('D11 — three failures lock verification for 15 minutes', () => {
  const f = (at: string) => ({ at, passed: false })
  const p = (at: string) => ({ at, passed: true })

  it('two failures: not locked, one attempt left', () => {
    const s = verificationLockout([f('2026-03-20T10:00:00Z'), f('2026-03-20T10:01:00Z')], '2026-03-20T10:02:00Z')
    expect(s.locked).toBe(false)
    expect(s.remainingAttempts).toBe(1)
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
    expect(s.locked).toBe(false)
    expect(s.consecutiveFailures).toBe(1)
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

  it('rejects a date-time without an offset', () => {
    expect(() => verificationLockout([f('2026-03-20T10:00:00')], '2026-03-20T10:10:00Z')).toThrow(RangeError)
  })
})
