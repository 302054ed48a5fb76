import type { ApiError, ErrorCode } from '@shared/ipc/errors'

/**
 * Errors services throw on purpose. The router turns them into typed IPC errors; anything else is an
 * internal error, logged in full and answered with a generic message (no stack traces to the renderer).
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiError['issues']
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

export class NotFoundError extends ServiceError {
  constructor(message: string) {
    super('not-found', message)
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string) {
    super('conflict', message)
  }
}

export class RefusedError extends ServiceError {
  constructor(message: string) {
    super('refused', message)
  }
}
