import { ERROR_CODES, type ErrorCode } from '@shared/ipc/errors'
import { formatDate, formatInstant, formatMoney } from '../format'
import { i18n } from '../i18n'

/**
 * Errors from main become words in the agent's language (issue 12, point 2). On the wire an error is a
 * code, a message key and its parameters (`errors.<key>` here); a field problem carries its form path.
 * No English text is ever shown: an unknown key, or an error without one, gets its code's sentence.
 */
type Params = Record<string, string | number>
interface WireIssue {
  path: string
  key?: string
  params?: Params
  message?: string
}
interface WireError {
  code: ErrorCode
  key?: string
  params?: Params
  message?: string
  issues?: WireIssue[]
}

const isCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)

/** Reads an ApiFailure (thrown by `call`), a plain ApiError or anything else thrown, without trusting its shape. */
function wire(error: unknown): WireError {
  if (!error || typeof error !== 'object') return { code: 'internal' }
  const e = error as Record<string, unknown>
  const issues = Array.isArray(e['issues'])
    ? (e['issues'] as unknown[]).flatMap((i): WireIssue[] => {
        if (!i || typeof i !== 'object' || typeof (i as WireIssue).path !== 'string') return []
        const { path, key, params, message } = i as WireIssue
        return [{ path, ...(typeof key === 'string' ? { key } : {}), ...(params && typeof params === 'object' ? { params } : {}), ...(typeof message === 'string' ? { message } : {}) }]
      })
    : []
  // Anything thrown without an error code (a bug, not a refusal) gets the generic sentence, not its text.
  if (!isCode(e['code'])) return { code: 'internal' }
  return {
    code: e['code'],
    ...(typeof e['key'] === 'string' ? { key: e['key'] } : {}),
    ...(e['params'] && typeof e['params'] === 'object' ? { params: e['params'] as Params } : {}),
    ...(typeof e['message'] === 'string' && e['message'] ? { message: e['message'] } : {}),
    ...(issues.length ? { issues } : {})
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parameters as the agent's language writes them: `*Date`, `*On` and `*At` are ISO dates or instants;
 * `amount` and `*Amount` are minor units in `currency`. Anything else is shown as it is.
 */
export function formatParams(params: Params | undefined): Params {
  if (!params) return {}
  const { t, te } = i18n.global
  const word = (prefix: string, value: string) => (te(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value)
  const out: Params = {}
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && /(Date|On|At)$|^date$|^until$/.test(name)) {
      out[name] = dateOrAsIs(value)
    } else if (typeof value === 'number' && /^amount$|Amount$|^remaining$/.test(name) && typeof params['currency'] === 'string') {
      out[name] = formatMoney(value, params['currency'])
    } else if (typeof value === 'string' && name === 'refusal') out[name] = word('errors.refusal', value)
    else if (typeof value === 'string' && name === 'market') out[name] = word('market', value)
    else if (typeof value === 'string' && name === 'role') out[name] = word('role', value)
    else if (typeof value === 'string' && (name === 'expected' || name === 'actual')) out[name] = word('sim.state', value)
    else if (typeof value === 'string' && name === 'status') out[name] = word('bulk.jobStatus', value)
    else out[name] = value
  }
  return out
}

/** A date or an instant in the agent's language; a value that is neither is shown as sent. */
function dateOrAsIs(value: string): string {
  try {
    return ISO_DATE.test(value) ? formatDate(value) : formatInstant(value)
  } catch {
    return value
  }
}

function translated(key: string | undefined, params: Params | undefined): string | null {
  const { t, te } = i18n.global
  if (!key || !te(`errors.${key}`)) return null
  return t(`errors.${key}`, formatParams(params))
}

const generic = (code: ErrorCode): string => i18n.global.t(`errors.code.${code}`)

export interface ErrorDisplay {
  /** The sentence for the form or the toast: what happened and what to do. */
  text: string
  /** Field problems by form field (one of `fieldPaths`), shown next to the field. */
  fields: Record<string, string>
}

/**
 * What to show for a failed call. `fieldPaths` are the request paths the form shows as fields; a problem
 * at `consumers.1` belongs to the field `consumers`. Problems with no field on screen are added to the
 * sentence, in words.
 */
export function describeError(error: unknown, fieldPaths: readonly string[] = []): ErrorDisplay {
  const e = wire(error)
  const fields: Record<string, string> = {}
  const loose: string[] = []
  for (const issue of e.issues ?? []) {
    const text = translated(issue.key, issue.params) ?? generic('bad-request')
    const field = fieldPaths.find((f) => issue.path === f || issue.path.startsWith(`${f}.`))
    if (field) fields[field] ??= text
    else if (!loose.includes(text)) loose.push(text)
  }
  if (e.issues?.length) {
    const head = Object.keys(fields).length ? i18n.global.t('errors.fieldsNeedAttention') : (translated(e.key, e.params) ?? generic(e.code))
    return { text: [head, ...loose].join(' '), fields }
  }
  const text = translated(e.key, e.params) ?? generic(e.code)
  return { text, fields }
}

/** The agent-facing sentence for any failure. */
export function errorText(error: unknown): string {
  return describeError(error).text
}

/**
 * An audit line's reason in words: main records a message key, an attempt's error code, a refusal code or
 * the codes of a failed verification; anything else is the agent's own note, shown as written.
 */
export function reasonText(reason: string | null | undefined): string {
  if (!reason) return ''
  const { t, te } = i18n.global
  for (const prefix of ['errors', 'simError', 'withdrawal.refusals', 'audit.reasons']) if (te(`${prefix}.${reason}`)) return t(`${prefix}.${reason}`)
  const codes = reason.split(', ')
  if (codes.every((c) => te(`caller.failures.${c}`))) return codes.map((c) => t(`caller.failures.${c}`)).join(' ')
  return reason
}
