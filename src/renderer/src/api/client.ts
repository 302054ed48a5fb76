import type { Method, Request, Response } from '@shared/ipc/contract'
import { ApiFailure } from '@shared/ipc/errors'

/**
 * Calls a main-process command and unwraps its result: resolves with the data or rejects with an
 * ApiFailure carrying the typed error code and a message fit to show the agent.
 */
export async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
  const api = window.api
  if (!api) {
    throw new ApiFailure({ code: 'unavailable', message: 'The app is not connected to its main process.' })
  }
  let result: Awaited<ReturnType<(typeof api)[M]>>
  try {
    result = (await (api[method] as (r: Request<M>) => Promise<unknown>)(request)) as typeof result
  } catch (error) {
    throw new ApiFailure({
      code: 'unavailable',
      message: `The main process could not be reached (${error instanceof Error ? error.message : String(error)}).`
    })
  }
  if (!result.ok) throw new ApiFailure(result.error)
  return result.data as Response<M>
}
