import { describe, expect, it } from 'vitest'
import { buildWithdrawalForm, FormRequestError, parseWithdrawalFormRequest } from './index'

const base = { market: 'DK', contract: 'connected', mode: 'prefilled', consumers: ['Søren Ærø Østergård'], generatedOn: '2026-03-28' }

function failure(input: unknown): FormRequestError {
  try {
    buildWithdrawalForm(input)
  } catch (error) {
    if (error instanceof FormRequestError) return error
    throw error
  }
  throw new Error('expected a FormRequestError')
}

describe('request validation', () => {
  it('accepts a complete request', () => {
    expect(parseWithdrawalFormRequest(base).market).toBe('DK')
  })

  it('unknown market', () => {
    const e = failure({ ...base, market: 'DE' })
    expect(e.code).toBe('bad-request')
    expect(e.issues).toContainEqual({ path: 'market', message: expect.stringMatching(/unknown market "DE".*DK, SE, PT, BE, LU/) })
  })

  it.each(['SE', 'PT', 'BE', 'LU'])('service-inclusive outside DK (%s)', (market) => {
    const e = failure({ ...base, market, contract: 'service-inclusive', recipient: { name: 'X', email: 'x@example.com' } })
    expect(e.code).toBe('bad-request')
    expect(e.issues.find((i) => i.path === 'contract')?.message).toMatch(new RegExp(`no Service Inclusive form for ${market}.*DK only`))
  })

  it('unknown contract or mode, missing generation date', () => {
    const e = failure({ market: 'DK', contract: 'leasing', mode: 'draft' })
    expect(e.issues.map((i) => i.path).sort()).toEqual(['contract', 'generatedOn', 'mode'])
    expect(e.message).toMatch(/unknown contract "leasing"/)
    expect(e.message).toMatch(/generatedOn/)
  })

  it('prefilled without consumer names', () => {
    for (const consumers of [undefined, []]) {
      const e = failure({ ...base, consumers })
      expect(e.code).toBe('bad-request')
      expect(e.issues).toEqual([{ path: 'consumers', message: 'a prefilled form needs the name of at least one consumer' }])
    }
    expect(failure({ ...base, consumers: ['Ann', '   '] }).issues[0]?.path).toBe('consumers[1]')
  })

  it('a blank form needs no names', () => {
    expect(() => buildWithdrawalForm({ ...base, mode: 'blank', consumers: undefined })).not.toThrow()
  })

  it.each([['BE', 'Belgium'], ['LU', 'Luxembourg']] as const)('%s without recipient: refused, saying a supervisor sets it in Settings (D5)', (market, country) => {
    for (const recipient of [undefined, null]) {
      for (const mode of ['prefilled', 'blank']) {
        const e = failure({ ...base, market, mode, recipient })
        expect(e.code).toBe('refused')
        expect(e.issues).toHaveLength(1)
        expect(e.message).toContain(`withdrawal recipient for ${market} is not set`)
        expect(e.message).toContain(`the terms for ${country} name none, so a supervisor enters`)
        expect(e.message).toContain('in Settings')
        // Words, not a setting key.
        expect(e.message).not.toMatch(/recipient(BE|LU)|recipients/)
      }
    }
  })

  it('BE without recipient and with another error: both reported', () => {
    const e = failure({ ...base, market: 'BE', consumers: [] })
    expect(e.code).toBe('bad-request')
    expect(e.issues.map((i) => i.path).sort()).toEqual(['consumers', 'recipient'])
  })

  it('BE recipient with a bad e-mail', () => {
    const e = failure({ ...base, market: 'BE', recipient: { name: 'Exemple S.A.', email: 'not-an-address' } })
    expect(e.issues).toEqual([{ path: 'recipient.email', message: expect.stringMatching(/not an e-mail address/) }])
  })

  it('dates must be calendar dates', () => {
    expect(failure({ ...base, orderedOn: '2026-02-30' }).issues[0]?.path).toBe('orderedOn')
    expect(failure({ ...base, generatedOn: '28.03.2026' }).issues[0]?.path).toBe('generatedOn')
  })

  it('control characters are refused, except line breaks in the address', () => {
    expect(failure({ ...base, consumers: ['Ann\tBerg'] }).message).toMatch(/U\+0009/)
    expect(() => buildWithdrawalForm({ ...base, address: 'Gade 1\n2000 By' })).not.toThrow()
    expect(failure({ ...base, address: 'Gade 1\u0007' }).issues[0]?.path).toBe('address')
  })

  it('too many consumers for one form', () => {
    expect(failure({ ...base, consumers: Array.from({ length: 9 }, (_, i) => `Person ${i}`) }).issues[0]?.path).toBe('consumers')
  })

  it('not an object', () => {
    expect(failure(null).code).toBe('bad-request')
    expect(failure('DK').code).toBe('bad-request')
  })
})
