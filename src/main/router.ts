import { contract, methodForChannel, type Access, type Method, type ParsedRequest, type Response } from '@shared/ipc/contract'
import type { ApiError, ApiResult } from '@shared/ipc/errors'
import { unstorableTextPath } from '@shared/ipc/text'
import type { z } from 'zod'
import type { SessionAgent, Sessions } from './auth/sessions'
import type { Logger } from './logger'
import type { Audit } from './services/audit'
import { ServiceError } from './services/errors'

/** Who is calling: filled by the transport (Electron IPC or the harness), never by the payload. */
export interface CallContext {
  transport: 'electron' | 'harness'
  /** One per window (Electron) or per browser page (harness): the key of the main-side session. */
  sessionId: string
}

export interface HandlerContext extends CallContext {
  /** The signed-in agent; null only for public methods called without a session. */
  agent: SessionAgent | null
}

export type Handlers = {
  [M in Method]: (request: ParsedRequest<M>, context: HandlerContext) => Promise<Response<M>>
}

export interface Router {
  handle(channel: string, payload: unknown, context: CallContext): Promise<ApiResult<unknown>>
}

export interface RouterOptions {
  log: Logger
  sessions: Sessions
  audit: Audit
  validateResponses?: boolean
}

export function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(payload)', message: i.message }))
}

/** The agent of a method that needs one (the router has already refused calls without a session). */
export function signedIn(context: HandlerContext): SessionAgent {
  if (!context.agent) throw new ServiceError('unauthenticated', 'Sign in first.')
  return context.agent
}

/** Queries are not worth an audit line when refused; commands (anything that changes state) are. */
function isCommand(method: Method): boolean {
  return !/^(appInfo|authStatus|syncChanges|vehicleGet|fleetStats|callerStatus|settingsGet|agentsList|auditList)$/.test(method)
}

/**
 * The one entry point for every renderer call, whatever the transport. In order: the channel must exist,
 * the payload must satisfy the contract's schema, the session must be alive and its role allowed; only
 * then does a service run. Anything refused before that changes nothing.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const { log, sessions } = options
  // A refusal's audit line must never turn the refusal into a crash: log and answer anyway.
  const audit = {
    async record(entry: Parameters<Audit['record']>[0]): Promise<void> {
      try {
        await options.audit.record(entry)
      } catch (error) {
        log.error('ipc: could not write the audit record of a refusal', error)
      }
    }
  }
  return {
    async handle(channel, payload, context) {
      const method = methodForChannel(channel)
      if (!method) {
        log.warn(`ipc: unknown channel ${String(channel).slice(0, 80)}`)
        return { ok: false, error: { code: 'unknown-channel', message: `There is no command called "${String(channel).slice(0, 80)}".` } }
      }
      const endpoint = contract[method]
      const access: Access = endpoint.access
      // A status poll must not keep an idle session alive; every other call counts as activity.
      const agent = method === 'authStatus' ? (sessions.peek(context.sessionId)?.agent ?? null) : sessions.touch(context.sessionId)
      if (access !== 'public') {
        if (!agent) {
          return { ok: false, error: { code: 'unauthenticated', message: 'You are signed out (or were idle too long). Sign in again to continue.' } }
        }
        if (access !== 'agent' && !access.includes(agent.role)) {
          log.warn(`ipc: ${agent.username} (${agent.role}) may not call ${channel}`)
          if (isCommand(method)) await audit.record({ actor: agent, action: `ipc.${method}`, outcome: 'denied', reason: `role ${agent.role} may not call ${channel}` })
          return { ok: false, error: { code: 'forbidden', message: `Your role (${agent.role}) may not do this.` } }
        }
      }
      const unstorable = unstorableTextPath(payload)
      if (unstorable) {
        const message = `The request was not understood: ${unstorable} contains a character that cannot be stored (U+0000 or a broken surrogate pair).`
        if (agent && isCommand(method)) await audit.record({ actor: agent, action: `ipc.${method}`, outcome: 'refused', reason: 'request contains unstorable text', details: { path: unstorable } })
        return { ok: false, error: { code: 'bad-request', message, issues: [{ path: unstorable, message: 'contains a character that cannot be stored' }] } }
      }
      const parsed = endpoint.request.safeParse(payload === undefined ? {} : payload)
      if (!parsed.success) {
        const issues = issuesOf(parsed.error)
        log.warn(`ipc: rejected ${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
        if (agent && isCommand(method)) {
          await audit.record({ actor: agent, action: `ipc.${method}`, outcome: 'refused', reason: 'request failed validation', details: { issues } })
        }
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
        const handler = handlers[method] as (req: unknown, ctx: HandlerContext) => Promise<unknown>
        const data = await handler(parsed.data, { ...context, agent })
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
