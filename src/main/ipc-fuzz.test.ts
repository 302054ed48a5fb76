/**
 * IPC fuzzing: every channel of the contract (iterated, so new channels are covered without editing this
 * file) gets malformed payloads from three callers (no session, a hotline agent, a supervisor) against a
 * real test backend. For every call: the router answers (never throws), a refusal is a typed
 * `{ ok: false, error: { code, key } }` with a contract error code and a message key the renderer words, a success
 * happens only for a payload the channel's schema accepts and satisfies the response schema, and a
 * refused call changes no state (sync revision, row counts and digests of the state tables, sessions,
 * Object.prototype). audit_log and caller_checks may grow (refusals are audited by design), never shrink.
 *
 * Payloads come from the channel's own request schema (z.toJSONSchema): a plausible value is generated,
 * then broken (missing, wrong-typed, extra and prototype-polluting fields, huge and control-character
 * strings, NaN/Infinity, deep nesting, arrays instead of objects), next to arbitrary JSON and
 * structured-clone values. Text PostgreSQL cannot store (U+0000, lone surrogates) counts as invalid: the
 * router refuses it before any service runs. Reproduce with FUZZ_SEED=<base seed>; FUZZ_RUNS scales the
 * number of runs.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, methods, type Access, type Method } from '@shared/ipc/contract'
import { ERROR_CODES } from '@shared/ipc/errors'
import { isMessageKey } from '@shared/ipc/messages'
import { unstorableTextPath } from '@shared/ipc/text'
import type { Role } from '@shared/ipc/schemas'
import { currentRevision } from './services/vehicles'
import { startTestBackend, type Caller, type TestBackend } from './testing/backend'
import { testEngine } from './testing/databases'

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_121)
// PGlite answers each of the fuzzer's state snapshots far slower than PostgreSQL: fewer runs there, the same channels.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? (testEngine() === 'pglite' ? 15 : 30))

/** Tables whose rows are the app's state: a refused call must leave their counts (and digests) alone. */
const STATE_TABLES = ['vehicles', 'contracts', 'purchases', 'customers', 'vehicle_docs', 'tombstones', 'sim_commands', 'withdrawal_cases', 'refund_payments', 'agents', 'settings', 'idempotency_keys', 'sessions', 'vehicle_notes', 'customer_search_words'] as const
/** Small tables whose content is compared too (a refused settings change must not update a row). */
const DIGESTED_TABLES = ['agents', 'settings'] as const
/** Append-only by design: refusals are audited. */
const GROWING_TABLES = ['audit_log', 'caller_checks'] as const

type Who = 'anonymous' | Extract<Role, 'hotline' | 'supervisor'>
const WHO: readonly Who[] = ['anonymous', 'hotline', 'supervisor']

let backend: TestBackend
const callers = {} as Record<Who, Caller>
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

beforeAll(async () => {
  console.log(`ipc-fuzz: fast-check base seed ${SEED} (one seed per test derived from it), ${RUNS} runs per channel and caller; FUZZ_SEED / FUZZ_RUNS to change`)
  backend = await startTestBackend({ size: 30 })
  for (const who of WHO) callers[who] = await backend.as(who === 'anonymous' ? null : who)
})
afterAll(() => backend?.close())

// ---------------------------------------------------------------------------------------------------
// State

interface Snapshot {
  revision: number
  counts: Record<string, number>
  digests: Record<string, string>
  growing: Record<string, number>
}

async function snapshot(): Promise<Snapshot> {
  const count = (t: string) => `(SELECT count(*)::int FROM ${t}) AS ${t}`
  const digest = (t: string) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x) AS ${t}_digest`
  const { rows } = await backend.db.query<Record<string, number | string>>(
    `SELECT ${[...STATE_TABLES.map(count), ...GROWING_TABLES.map(count), ...DIGESTED_TABLES.map(digest)].join(', ')}`
  )
  const row = rows[0]!
  return {
    revision: await currentRevision(backend.db),
    counts: Object.fromEntries(STATE_TABLES.map((t) => [t, Number(row[t])])),
    digests: Object.fromEntries(DIGESTED_TABLES.map((t) => [t, String(row[`${t}_digest`])])),
    growing: Object.fromEntries(GROWING_TABLES.map((t) => [t, Number(row[t])]))
  }
}

function expectNoStateChange(before: Snapshot, after: Snapshot, label: string): void {
  expect(after.revision, `${label}: sync revision`).toBe(before.revision)
  expect(after.counts, `${label}: row counts`).toEqual(before.counts)
  expect(after.digests, `${label}: table contents`).toEqual(before.digests)
  for (const t of GROWING_TABLES) expect(after.growing[t], `${label}: ${t} never shrinks`).toBeGreaterThanOrEqual(before.growing[t]!)
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${label}: Object.prototype`).toEqual(prototypeKeys)
  expect(({} as Record<string, unknown>)['polluted'], `${label}: prototype pollution`).toBeUndefined()
}

// ---------------------------------------------------------------------------------------------------
// Payloads

/** The JSON Schema subset z.toJSONSchema produces for the contract's requests. */
interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
}

const INT32 = 2 ** 31 - 1

/** A value the schema (probably) accepts, refinements aside: the starting point for breaking it. */
function plausible(schema: JsonSchema): fc.Arbitrary<unknown> {
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives) return fc.oneof(...alternatives.map(plausible))
  if ('const' in schema) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  switch (schema.type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, plausible(v)]))
      return fc.record(props, { requiredKeys: schema.required ?? [] })
    }
    case 'array':
      return fc.array(plausible(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 3 })
    case 'string':
      if (schema.format === 'uuid') return fc.uuid()
      if (schema.format === 'email') return fc.emailAddress()
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) })
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0), -INT32),
        max: Math.min(schema.maximum ?? INT32, INT32)
      })
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.jsonValue()
  }
}

/** Sets an own property, even one called __proto__ (what JSON.parse or a structured clone produce). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\v', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff']
const controlString = fc.array(fc.oneof(fc.constantFrom(...CONTROL), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''))
const hugeString = fc.tuple(fc.constantFrom('x', 'A', '9', 'é', '\u0000', '𝔸', 'WMW'), fc.integer({ min: 5_000, max: 100_000 })).map(([unit, n]) => unit.repeat(n))
const weirdNumber = fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.5, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 2 ** 31, -(2 ** 53))
function nested(depth: number, arrays: boolean): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value }
  return value
}
const deeplyNested = fc.tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean()).map(([depth, arrays]) => nested(depth, arrays))
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'toJSON', 'role', 'agent', 'sessionId', 'isAdmin', '']
const pollutingValue = fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, { constructor: { prototype: { polluted: true } } }, null, 'polluted')
const structuredCloneValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS_KEYS))
})
/** Values to put where a field is expected: anything of any type, mostly of the wrong one. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, 1, '', [], {}, '[object Object]', 'null', 'true', '0'),
  weirdNumber,
  controlString,
  hugeString,
  deeplyNested,
  fc.jsonValue({ maxDepth: 3 }),
  structuredCloneValue
)

type Edit = (target: Record<string, unknown>) => void
/** A mutation draws an edit from the keys present and the fields the schema knows. Edits are applied to a
 * fresh copy of the plausible payload, so shrinking replays them without side effects. */
type Mutation = (present: string[], fields: string[]) => fc.Arbitrary<Edit>
const someField = (fields: string[]) => (fields.length ? fc.constantFrom(...fields) : fc.string({ maxLength: 8 }))
const put = (key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>) => fc.tuple(key, value).map(([k, v]): Edit => (t) => setOwn(t, k, v))
const MUTATIONS: Mutation[] = [
  // a missing field
  (present) => (present.length ? fc.constantFrom(...present).map((k): Edit => (t) => void delete t[k]) : fc.constant<Edit>(() => {})),
  // a field of the wrong type (or a wrong value of the right type)
  (_, fields) => put(someField(fields), wrongValue),
  // NaN, Infinity and friends where numbers (or anything) are expected
  (_, fields) => put(someField(fields), weirdNumber),
  // strings with control characters, lone surrogates, bidi overrides, appended to the value when a string
  (_, fields) => fc.tuple(someField(fields), controlString).map(([k, v]): Edit => (t) => setOwn(t, k, typeof t[k] === 'string' ? `${t[k]}${v}` : v)),
  // huge strings
  (_, fields) => put(someField(fields), hugeString),
  // deeply nested objects and arrays
  (_, fields) => put(someField(fields), deeplyNested),
  // an array around the right value
  (_, fields) => someField(fields).map((k): Edit => (t) => setOwn(t, k, [t[k]])),
  // extra fields, including prototype-polluting and privilege-sounding keys
  () => put(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ maxLength: 20 }), controlString), fc.oneof(pollutingValue, wrongValue))
]

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value)

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone)
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) setOwn(copy, k, clone(v))
    return copy
  }
  return value
}

/** A plausible payload broken by one to three mutations, sometimes inside a nested object. */
function broken(schema: JsonSchema): fc.Arbitrary<unknown> {
  const fields = [...new Set((schema.oneOf ?? schema.anyOf ?? [schema]).flatMap((s) => Object.keys(s.properties ?? {})))]
  return fc
    .tuple(plausible(schema), fc.array(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), { minLength: 1, maxLength: 3 }), fc.boolean())
    .chain(([base, picks, intoNested]) => {
      if (!isRecord(base)) return fc.constant(base)
      // Break a nested object (settings values, acknowledgements) now and then, else the payload itself.
      const innerKey = intoNested ? Object.keys(base).find((k) => isRecord(base[k])) : undefined
      const targetBase = innerKey ? (base[innerKey] as Record<string, unknown>) : base
      const present = Object.keys(targetBase)
      return fc.tuple(...picks.map((i) => MUTATIONS[i]!(present, innerKey ? present : fields))).map((edits) => {
        const payload = clone(base) as Record<string, unknown>
        const target = innerKey ? (payload[innerKey] as Record<string, unknown>) : payload
        for (const edit of edits) edit(target)
        return payload
      })
    })
}

/** Whole payloads of the wrong shape, JSON or structured-clone values, and literal prototype-pollution JSON. */
function malformed(method: Method): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(contract[method].request, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return fc.oneof(
    { weight: 6, arbitrary: broken(schema) },
    { weight: 1, arbitrary: plausible(schema).map((p) => [p]) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: structuredCloneValue },
    { weight: 1, arbitrary: fc.oneof(deeplyNested, hugeString, controlString, weirdNumber) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"__proto__":{"role":"supervisor"},"role":"supervisor"}')
        .map((json) => JSON.parse(json) as unknown)
    }
  )
}

// ---------------------------------------------------------------------------------------------------
// The property

/** One seed per property, derived from the base seed and the test's name: varied, stable, reproducible. */
function seedFor(name: string): number {
  let hash = 0x811c9dc5
  for (const char of name) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193)
  return (SEED ^ hash) | 0
}

function allowed(access: Access, who: Who): boolean {
  if (access === 'public') return true
  if (who === 'anonymous') return false
  return access === 'agent' || access.includes(who)
}

function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(payload)
    return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text
  } catch {
    return Object.prototype.toString.call(payload)
  }
}

async function stillSignedIn(who: Who): Promise<boolean> {
  const status = await callers[who].raw(contract.authStatus.channel, {})
  return status.ok && (status.data as { agent: unknown }).agent !== null
}

/** The last snapshot taken after a call, reused as the next call's "before" (one snapshot per call). */
let baseline: Snapshot | null = null

async function callOnce(who: Who, channel: string, method: Method | null, payload: unknown): Promise<void> {
  const label = `${who} → ${channel.length > 80 ? `${channel.slice(0, 80)}… (${channel.length} chars)` : channel} with ${describePayload(payload)}`
  const before = baseline ?? (await snapshot())
  const endpoint = method ? contract[method] : null
  const valid = endpoint ? endpoint.request.safeParse(payload === undefined ? {} : payload).success && unstorableTextPath(payload) === null : false
  const mayRun = endpoint !== null && valid && allowed(endpoint.access, who)

  let result: Awaited<ReturnType<Caller['raw']>>
  try {
    result = await callers[who].raw(channel, payload)
  } catch (error) {
    throw new Error(`${label}: the router threw ${error instanceof Error ? error.stack : String(error)}`, { cause: error })
  }

  if (result.ok) {
    expect(mayRun, `${label}: succeeded although the payload is invalid or the caller not allowed`).toBe(true)
    expect(endpoint!.response.safeParse(result.data).success, `${label}: response outside the contract`).toBe(true)
  } else {
    expect(Object.keys(result).sort(), label).toEqual(['error', 'ok'])
    expect(ERROR_CODES, `${label}: error code`).toContain(result.error.code)
    expect(result.error.code, `${label}: crashed inside (internal)`).not.toBe('internal')
    expect(isMessageKey(result.error.key), `${label}: a message key the renderer can word`).toBe(true)
    expect(JSON.stringify(result).length, `${label}: a refusal echoes a bounded amount`).toBeLessThan(20_000)
    if (!mayRun) {
      const expected = !endpoint ? 'unknown-channel' : !allowed(endpoint.access, who) ? (who === 'anonymous' ? 'unauthenticated' : 'forbidden') : 'bad-request'
      expect(result.error.code, label).toBe(expected)
    }
  }

  // The state after this call is the state before the next one (nothing else runs in between).
  const after = await snapshot()
  baseline = after
  if (!mayRun) {
    expectNoStateChange(before, after, label)
    if (who !== 'anonymous') expect(await stillSignedIn(who), `${label}: the caller lost its session`).toBe(true)
  } else if (who !== 'anonymous' && !(await stillSignedIn(who))) {
    // A valid sign-out (or sign-in) did what it says: sign the caller in again for the next run.
    callers[who] = await backend.as(who)
    baseline = null
  }
}

describe('IPC fuzzing: malformed payloads change nothing and get typed refusals', () => {
  for (const method of methods) {
    const { channel } = contract[method]
    it.each(WHO)(`${channel} as %s`, async (who) => {
      await fc.assert(
        fc.asyncProperty(malformed(method), (payload) => callOnce(who, channel, method, payload)),
        { seed: seedFor(`${channel} as ${who}`), numRuns: RUNS }
      )
    })
  }

  const channels = new Set<string>(methods.map((m) => contract[m].channel))
  const unknownChannel = fc
    .oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 100 }),
      controlString,
      hugeString,
      fc.constantFrom(...DANGEROUS_KEYS, ...methods, 'sim:format-disk', 'app:info ', ' app:info', 'APP:INFO', 'app:info\u0000', 'auth:sign-in/../agents:create'),
      fc.tuple(fc.constantFrom(...channels), fc.string({ minLength: 1, maxLength: 4 })).map(([c, s]) => `${c}${s}`)
    )
    .filter((c) => !channels.has(c))

  it.each(WHO)('unknown channels as %s', async (who) => {
    await fc.assert(
      fc.asyncProperty(unknownChannel, fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 2 })), (channel, payload) => callOnce(who, channel, null, payload)),
      { seed: seedFor(`unknown channels as ${who}`), numRuns: RUNS }
    )
  })

  // Text PostgreSQL cannot store used to crash the router (as a bad key quoted into the audit record) or a
  // service (inside a valid field). Each case that the fuzzer once found is kept here, answered bad-request.
  describe('text PostgreSQL cannot store is refused before any service runs', () => {
    const vin = () => backend.fleet.records[0]!.vehicle.vin
    // Fresh sessions: a fuzzed settings change may have shortened the idle time of the ones above.
    const fresh = { hotline: () => backend.as('hotline'), supervisor: () => backend.as('supervisor'), anonymous: () => backend.as(null) }
    const badRequest = { ok: false, error: { code: 'bad-request', key: 'request.unstorableText' } }
    it('an unknown key with U+0000 in a command', async () => {
      await expect((await fresh.hotline()).raw(contract.simDeactivate.channel, { '\u0000': 1 })).resolves.toMatchObject(badRequest)
    })
    it('an unknown key with a lone surrogate in a command', async () => {
      await expect((await fresh.supervisor()).raw(contract.formRender.channel, { source: 'blank', market: 'DK', contract: 'connected', '\ud800': 1 })).resolves.toMatchObject(badRequest)
    })
    it('U+0000 in a sign-in username', async () => {
      await expect((await fresh.anonymous()).raw(contract.signIn.channel, { username: 'hot\u0000line', password: 'x' })).resolves.toMatchObject(badRequest)
    })
    it('U+0000 in an audit filter', async () => {
      await expect((await fresh.supervisor()).raw(contract.auditList.channel, { action: 'sim\u0000' })).resolves.toMatchObject(badRequest)
    })
    it('U+0000 in an identity-document reference, audited with the character replaced', async () => {
      await expect((await fresh.supervisor()).raw(contract.callerIdentityDocument.channel, { vin: vin(), kind: 'passport', reference: 'P\u0000' })).resolves.toMatchObject(badRequest)
    })
  })
})
