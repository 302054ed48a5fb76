/**
 * Errors that cross IPC are data, not thrown objects: Electron flattens thrown errors into a message
 * string, and the renderer needs a stable code to decide what to show.
 */
export const ERROR_CODES = [
  'bad-request', // payload failed schema validation
  'unknown-channel',
  'forbidden-sender', // IPC from a frame that is not our window
  'unauthenticated',
  'forbidden', // role may not do this
  'not-found',
  'conflict', // e.g. a command already pending for the vehicle
  'refused', // the rules refuse the request; the message says why
  'unavailable', // database or telematics unreachable
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field-level problems, for forms: path → message. */
  issues?: { path: string; message: string }[]
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export class ApiFailure extends Error {
  readonly code: ErrorCode
  readonly issues: ApiError['issues']
  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiFailure'
    this.code = error.code
    this.issues = error.issues
  }
}
