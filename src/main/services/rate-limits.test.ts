import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerOn, startTestBackend, type TestBackend } from '../testing/backend'
import { SIGN_IN_LIMITS } from './rate-limits'

/** Sign-in is rate-limited per account and per client address, in the database (every instance counts alike). */
describe('sign-in rate limits', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await startTestBackend({ size: 8, signInLimits: { perAccount: SIGN_IN_LIMITS.perAccount.max, perClient: SIGN_IN_LIMITS.perClient.max } })
  })
  afterAll(() => backend.close())

  it(`allows ${SIGN_IN_LIMITS.perAccount.max} attempts a minute on one account, then says when to try again`, async () => {
    const attempts = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perAccount.max + 5 }, () => callerOn(backend, 'server').raw('auth:sign-in', { username: 'dealer.lu', password: 'demo-dealer' }))
    )
    const limited = attempts.filter((r) => !r.ok && r.error.code === 'rate-limited')
    expect(limited).toHaveLength(5)
    expect(limited[0]).toMatchObject({ ok: false, error: { key: 'request.rateLimited', params: { retryAfterSeconds: expect.any(Number) } } })
  })

  it(`allows ${SIGN_IN_LIMITS.perClient.max} attempts a minute from one address, whatever the account`, async () => {
    const from = (address: string) => ({
      raw: (channel: string, payload: unknown) => backend.router.handle(channel, payload, { transport: 'server', sessionToken: null, client: address, setSessionToken: () => undefined })
    })
    const spray = await Promise.all(Array.from({ length: SIGN_IN_LIMITS.perClient.max + 3 }, (_, i) => from('203.0.113.9').raw('auth:sign-in', { username: `nobody${i}`, password: 'guess' })))
    expect(spray.filter((r) => !r.ok && r.error.code === 'rate-limited')).toHaveLength(3)
    // Another address is not affected.
    expect(await from('203.0.113.10').raw('auth:sign-in', { username: 'nobody', password: 'guess' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})
