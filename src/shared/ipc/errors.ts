import type { MessageKey, MessageParams } from './messages'

/**
 * Errors that cross IPC are data, not thrown objects: Electron flattens thrown errors into a message
 * string, and the renderer needs a stable code to decide what to do and a message key (with parameters)
 * to say it in the agent's language. No English sentence crosses IPC; main's logs keep theirs.
 */
export const ERROR_CODES = [
  'bad-request', // payload failed schema validation
  'unknown-channel',
  'forbidden-sender', // IPC from a frame that is not our window
  'unauthenticated',
  'forbidden', // role or market may not do this
  'not-found',
  'conflict', // e.g. a command already pending for the vehicle
  'refused', // the rules refuse the request; the key says why
  'rate-limited', // too many attempts in a short time
  'unavailable', // database, server or telematics unreachable
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** A field-level problem, for forms: which field (`path`, never shown) and what is wrong with it. */
export interface ApiIssue {
  path: string
  key: MessageKey
  params?: MessageParams
}

export interface ApiError {
  code: ErrorCode
  key: MessageKey
  params?: MessageParams
  issues?: ApiIssue[]
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export class ApiFailure extends Error {
  readonly code: ErrorCode
  readonly key: MessageKey
  readonly params: MessageParams
  readonly issues: ApiError['issues']
  constructor(error: ApiError) {
    super(`${error.code}: ${error.key}`)
    this.name = 'ApiFailure'
    this.code = error.code
    this.key = error.key
    this.params = error.params ?? {}
    this.issues = error.issues
  }
}
