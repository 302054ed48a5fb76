import type { ApiIssue, ErrorCode } from '@shared/ipc/errors'
import type { MessageKey, MessageParams } from '@shared/ipc/messages'

/**
 * Errors services throw on purpose: a code the renderer acts on and a message key (with parameters) it
 * says in the agent's language. The router turns them into typed IPC errors; anything else is an internal
 * error, logged in full and answered with a generic key (no stack traces, no English, to the renderer).
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly issues?: ApiIssue[]
  ) {
    super(`${code}: ${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'ServiceError'
  }
}

export const refused = (key: MessageKey, params?: MessageParams) => new ServiceError('refused', key, params)
export const conflict = (key: MessageKey, params?: MessageParams) => new ServiceError('conflict', key, params)
export const forbidden = (key: MessageKey, params?: MessageParams) => new ServiceError('forbidden', key, params)
export const notFound = (key: MessageKey, params?: MessageParams) => new ServiceError('not-found', key, params)
export const badRequest = (key: MessageKey, params?: MessageParams) => new ServiceError('bad-request', key, params)
