import { contract, methodForChannel, type Method, type ParsedRequest, type Response } from '@shared/ipc/contract'
import type { ApiError, ApiResult } from '@shared/ipc/errors'
import type { z } from 'zod'
import type { Logger } from './logger'
import { ServiceError } from './services/errors'

/** Who is calling: filled by the transport (Electron IPC or the harness), never by the payload. */
export interface CallContext {
  transport: 'electron' | 'harness'
  /** One per window (Electron) or per browser page (harness): the key of the main-side session. */
  sessionId: string
}

export type Handlers = {
  [M in Method]: (request: ParsedRequest<M>, context: CallContext) => Promise<Response<M>>
}

export interface Router {
  handle(channel: string, payload: unknown, context: CallContext): Promise<ApiResult<unknown>>
}

export function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(payload)', message: i.message }))
}

/**
 * The one entry point for every renderer call, whatever the transport: unknown channels and payloads that
 * fail the contract's schema are answered with a typed error before any service runs, so bad input
 * changes nothing.
 */
export function createRouter(handlers: Handlers, log: Logger, options: { validateResponses?: boolean } = {}): Router {
  return {
    async handle(channel, payload, context) {
      const method = methodForChannel(channel)
      if (!method) {
        return { ok: false, error: { code: 'unknown-channel', message: `There is no command called "${String(channel).slice(0, 80)}".` } }
      }
      const endpoint = contract[method]
      const parsed = endpoint.request.safeParse(payload === undefined ? {} : payload)
      if (!parsed.success) {
        const issues = issuesOf(parsed.error)
        log.warn(`ipc: rejected ${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
        return {
          ok: false,
          error: {
            code: 'bad-request',
            message: `The request was not understood: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`,
            issues
          }
        }
      }
      try {
        const handler = handlers[method] as (req: unknown, ctx: CallContext) => Promise<unknown>
        const data = await handler(parsed.data, context)
        if (options.validateResponses) {
          const checked = endpoint.response.safeParse(data)
          if (!checked.success) {
            log.error(`ipc: ${channel} produced a response outside the contract`, issuesOf(checked.error))
            return { ok: false, error: { code: 'internal', message: 'The app produced an invalid answer; the problem has been logged.' } }
          }
        }
        return { ok: true, data }
      } catch (error) {
        if (error instanceof ServiceError) {
          return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } }
        }
        log.error(`ipc: ${channel} failed`, error)
        return { ok: false, error: { code: 'internal', message: 'Something went wrong in the app; the problem has been logged.' } }
      }
    }
  }
}
