import { ApiFailure, type ApiError, type ApiIssue } from '@shared/ipc/errors'
import { i18n } from '../i18n'
import { formatDate, formatInstant, formatMoney } from '../format'

/**
 * Main sends codes and message keys, never sentences: they are said here, in the agent's language.
 * Parameters are data: dates and instants are formatted for the agent; an amount comes with its currency
 * in minor units; a refusal code is worded.
 */
function params(raw: ApiError['params'] = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw }
  const t = i18n.global.t as (key: string) => string
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string') continue
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out[name] = formatDate(value)
    else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) out[name] = formatInstant(value)
  }
  if (typeof raw['remaining'] === 'number' && typeof raw['currency'] === 'string') out['remaining'] = formatMoney(raw['remaining'], raw['currency'])
  if (typeof raw['refusal'] === 'string') out['refusal'] = t(`errors.refusal.${raw['refusal']}`)
  if (typeof raw['market'] === 'string') out['market'] = t(`market.${raw['market']}`)
  return out
}

export function messageText(error: Pick<ApiError, 'code' | 'key' | 'params'>): string {
  const { t, te } = i18n.global as unknown as { t: (key: string, values?: Record<string, unknown>) => string; te: (key: string) => boolean }
  const key = `errors.${error.key}`
  if (te(key)) {
    return t(key, params(error.params))
  }
  return te(`errors.code.${error.code}`) ? t(`errors.code.${error.code}`) : t('errors.code.internal')
}

export function issueText(issue: ApiIssue): string {
  return messageText({ code: 'bad-request', key: issue.key, ...(issue.params ? { params: issue.params } : {}) })
}

/** A message fit for the agent from whatever a failed call threw. */
export function errorText(error: unknown): string {
  if (error instanceof ApiFailure) return messageText({ code: error.code, key: error.key, params: error.params })
  return error instanceof Error ? error.message : String(error)
}
