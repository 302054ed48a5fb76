/**
 * Text PostgreSQL cannot store: U+0000, and UTF-16 surrogates without their pair (JSON allows both,
 * a database text or jsonb value does not). Refused at the door, so no service meets it half-way.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Where the first unstorable string or key is ('consumers.1', '(key)'), or null when all is storable. */
export function unstorableTextPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(payload)' : null
  if (!value || typeof value !== 'object' || depth > 64) return null
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key
    if (UNSTORABLE.test(key)) return `${path || '(payload)'} (a key)`
    const found = unstorableTextPath(inner, here, depth + 1)
    if (found) return found
  }
  return null
}

/** The same value with every unstorable character replaced by U+FFFD (for audit records of refusals). */
export function storable<T>(value: T, depth = 0): T {
  const clean = (s: string) => s.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd')
  if (typeof value === 'string') return clean(value) as T
  if (!value || typeof value !== 'object' || depth > 64) return value
  if (Array.isArray(value)) return value.map((v) => storable(v, depth + 1)) as T
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), storable(v, depth + 1)])) as T
}
