import { contract, isBackground, methodForChannel, type Access, type Method, type ParsedRequest, type Response } from '@shared/ipc/contract'
import type { ApiError, ApiIssue, ApiResult } from '@shared/ipc/errors'
import { isMessageKey, type MessageKey } from '@shared/ipc/messages'
import { unstorableTextPath } from '@shared/ipc/text'
import type { z } from 'zod'
import type { SessionAgent, Sessions } from './auth/sessions'
import type { Logger } from './logger'
import type { Audit } from './services/audit'
import { ServiceError } from './services/errors'

/** Who is calling: filled by the transport (Electron IPC, the harness, the server), never by the payload. */
export interface CallContext {
  transport: 'electron' | 'harness' | 'server'
  /** The session token the transport holds for this window, page or client; null before sign-in. */
  sessionToken: string | null
  /** The client's network address (server), for rate limits and the log. */
  client?: string
  /** A sign-in or sign-out hands the transport its new token (or none); it never reaches the renderer. */
  setSessionToken(token: string | null): void
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

// What a refusal echoes is bounded: a path is a few names long, and never a whole hostile key.
const MAX_ISSUES = 20
const MAX_PATH = 120

function pathOf(path: readonly PropertyKey[]): string {
  const text = path.map((p) => String(p)).join('.') || '(payload)'
  return text.length > MAX_PATH ? `${text.slice(0, MAX_PATH)}…` : text
}

/** A schema problem as a message key: our own refinements carry their key; zod's codes map to generic ones. */
function keyOf(issue: z.core.$ZodIssue): { key: MessageKey; params?: Record<string, number> } {
  if (isMessageKey(issue.message)) return { key: issue.message }
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined ? 'field.required' : 'field.invalid' }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'field.required' } : { key: 'field.tooShort', params: { min: Number(issue.minimum) } }
      return { key: 'field.tooSmall', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'string' ? { key: 'field.tooLong', params: { max: Number(issue.maximum) } } : { key: 'field.tooBig', params: { max: Number(issue.maximum) } }
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'field.email' : issue.format === 'uuid' ? 'field.uuid' : issue.format === 'date' ? 'field.date' : 'field.invalid' }
    case 'unrecognized_keys':
      return { key: 'field.notAllowed' }
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'field.choice' }
    case 'not_multiple_of':
      return { key: 'field.whole' }
    default:
      return { key: 'field.invalid' }
  }
}

export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => {
    // An unknown key's name is the offending input: its path says where, not what (at most 120 characters).
    const path = i.code === 'unrecognized_keys' ? pathOf([...i.path, (i.keys[0] ?? '').slice(0, 60)]) : pathOf(i.path)
    return { path, ...keyOf(i) }
  })
}

/** The agent of a method that needs one (the router has already refused calls without a session). */
export function signedIn(context: HandlerContext): SessionAgent {
  if (!context.agent) throw new ServiceError('unauthenticated', 'auth.signedOut')
  return context.agent
}

/**
 * The one entry point for every call, whatever the transport. In order: the channel must exist, the
 * session must be alive and its role allowed, the payload must satisfy the contract's schema; only then
 * does a service run. Anything refused before that changes nothing (a refused command is audited).
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
  const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error })
  return {
    async handle(channel, payload, context) {
      const method = methodForChannel(channel)
      if (!method) {
        log.warn(`ipc: unknown channel ${String(channel).slice(0, 80)}`)
        return fail({ code: 'unknown-channel', key: 'request.unknownChannel' })
      }
      const endpoint = contract[method]
      const access: Access = endpoint.access
      const command = endpoint.kind === 'command'
      // Status polls and sync are not the agent's activity: they must not keep an idle session alive.
      const session = await sessions.resolve(context.sessionToken, !isBackground(method))
      const agent = session?.agent ?? null
      if (access !== 'public') {
        if (!agent) return fail({ code: 'unauthenticated', key: 'auth.signedOut' })
        if (access !== 'agent' && !access.includes(agent.role)) {
          log.warn(`ipc: ${agent.username} (${agent.role}) may not call ${channel}`)
          if (command) await audit.record({ actor: agent, action: `ipc.${method}`, outcome: 'denied', reason: 'auth.roleForbidden', details: { role: agent.role } })
          return fail({ code: 'forbidden', key: 'auth.roleForbidden', params: { role: agent.role } })
        }
      }
      const unstorable = unstorableTextPath(payload)
      if (unstorable) {
        const path = unstorable.slice(0, MAX_PATH)
        if (agent && command) await audit.record({ actor: agent, action: `ipc.${method}`, outcome: 'refused', reason: 'request.unstorableText', details: { path } })
        return fail({ code: 'bad-request', key: 'request.unstorableText', issues: [{ path, key: 'field.unstorable' }] })
      }
      const parsed = endpoint.request.safeParse(payload === undefined ? {} : payload)
      if (!parsed.success) {
        const issues = issuesOf(parsed.error)
        log.warn(`ipc: rejected ${channel}: ${issues.map((i) => `${i.path}: ${i.key}`).join('; ')}`)
        if (agent && command) await audit.record({ actor: agent, action: `ipc.${method}`, outcome: 'refused', reason: 'request.invalid', details: { issues } })
        return fail({ code: 'bad-request', key: 'request.invalid', issues })
      }
      try {
        const handler = handlers[method] as (req: unknown, ctx: HandlerContext) => Promise<unknown>
        const data = await handler(parsed.data, { ...context, agent })
        if (options.validateResponses) {
          const checked = endpoint.response.safeParse(data)
          if (!checked.success) {
            log.error(`ipc: ${channel} produced a response outside the contract`, issuesOf(checked.error))
            return fail({ code: 'internal', key: 'request.invalidAnswer' })
          }
        }
        return { ok: true, data }
      } catch (error) {
        if (error instanceof ServiceError) {
          return fail({ code: error.code, key: error.key, ...(Object.keys(error.params).length ? { params: error.params } : {}), ...(error.issues ? { issues: error.issues } : {}) })
        }
        log.error(`ipc: ${channel} failed`, error)
        return fail({ code: 'internal', key: 'request.internal' })
      }
    }
  }
}
