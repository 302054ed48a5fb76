import type { Method, Request, Response } from '@shared/ipc/contract'
import { ApiFailure } from '@shared/ipc/errors'

type FailureListener = (failure: ApiFailure, method: Method) => void
const listeners = new Set<FailureListener>()

/** Lets the auth store learn that main ended the session (idle sign-out) from any call that hits it. */
export function onCallFailure(listener: FailureListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Calls a main-process command and unwraps its result: resolves with the data or rejects with an
 * ApiFailure carrying the typed error code and message key (api/error-text.ts words it).
 */
export async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
  const api = window.api
  const fail = (failure: ApiFailure): never => {
    for (const listener of listeners) listener(failure, method)
    throw failure
  }
  if (!api) fail(new ApiFailure({ code: 'unavailable', key: 'request.unavailable' }))
  let result: Awaited<ReturnType<(typeof api)[M]>>
  try {
    result = (await (api[method] as (r: Request<M>) => Promise<unknown>)(request)) as typeof result
  } catch (error) {
    console.warn('api: main cannot be reached', error)
    return fail(new ApiFailure({ code: 'unavailable', key: 'request.unavailable' }))
  }
  if (!result.ok) return fail(new ApiFailure(result.error))
  return result.data as Response<M>
}

/** A fresh idempotency key: one per dialog opening, so a double click or a retry of the same request applies once. */
export function newRequestKey(): string {
  return crypto.randomUUID()
}
