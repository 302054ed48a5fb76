import type { Method, Request, Response } from '@shared/ipc/contract'
import { ApiFailure, type ApiError } from '@shared/ipc/errors'

type FailureListener = (failure: ApiFailure, method: Method) => void
const listeners = new Set<FailureListener>()

/** Lets the auth store learn that main ended the session (idle sign-out) from any call that hits it. */
export function onCallFailure(listener: FailureListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * A failure the renderer itself detects: a code and a message key (`errors.<key>`), like main's. The
 * English message is kept for logs only; the agent sees the translated key (api/errors.ts).
 */
function rendererFailure(code: 'unavailable', key: string, logMessage: string): ApiFailure {
  const error = { code, key, message: logMessage }
  return Object.assign(new ApiFailure(error as ApiError), { key })
}

/**
 * Calls a main-process command and unwraps its result: resolves with the data or rejects with an
 * ApiFailure carrying the typed error code, a message key and its parameters.
 */
export async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
  const api = window.api
  const fail = (failure: ApiFailure): never => {
    for (const listener of listeners) listener(failure, method)
    throw failure
  }
  if (!api) fail(rendererFailure('unavailable', 'unavailable.noMainProcess', 'window.api is missing'))
  let result: Awaited<ReturnType<(typeof api)[M]>>
  try {
    result = (await (api[method] as (r: Request<M>) => Promise<unknown>)(request)) as typeof result
  } catch (error) {
    return fail(rendererFailure('unavailable', 'unavailable.unreachable', `main process unreachable: ${error instanceof Error ? error.message : String(error)}`))
  }
  if (!result.ok) return fail(Object.assign(new ApiFailure(result.error), result.error))
  return result.data as Response<M>
}

/**
 * A command the main process may not offer yet (it arrives in a later version of main): called when
 * present, skipped when absent. Resolves with whether it ran.
 */
export async function callIfOffered(method: string, request: unknown): Promise<boolean> {
  const api = window.api as unknown as Record<string, unknown> | undefined
  if (!api || !(method in api) || typeof api[method] !== 'function') return false
  const result = (await (api[method] as (r: unknown) => Promise<{ ok: boolean; error?: ApiError }>)(request)) as { ok: boolean; error?: ApiError }
  if (!result.ok && result.error) throw Object.assign(new ApiFailure(result.error), result.error)
  return true
}
