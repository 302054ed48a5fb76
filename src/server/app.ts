import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { eventNames } from '@shared/ipc/contract'
import type { Backend } from '../main/backend'
import type { Logger } from '../main/logger'

/**
 * The shared deployment's wire protocol (README, "Shared deployment"), on fastify:
 * - `POST /api/<channel>`: the contract's request as JSON; the answer is the same ApiResult as over IPC.
 *   `Authorization: Bearer <token>`; a sign-in returns the new token in `X-Session-Token`, never in JSON.
 * - `GET /api/events`: Server-Sent Events of the contract's events, for a signed-in token only.
 * - `GET /health`: for load balancers; whether this instance and its database answer.
 * The instance keeps nothing of its own: sessions, locks, keys and settings are in PostgreSQL.
 */
export const SESSION_HEADER = 'x-session-token'
const BODY_LIMIT = 1_048_576
/** Event streams re-check their session this often, and close when it has ended (sign-out, idle). */
const STREAM_CHECK_MS = 15_000

export interface ServerOptions {
  backend: Backend
  log: Logger
  instanceId: string
  version: string
  https?: { cert: Buffer; key: Buffer } | null
  trustProxy?: boolean | string
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer ([\w-]{16,200})$/.exec(header ?? '')
  return match?.[1] ?? null
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { backend, log } = options
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // Event streams stay open for hours: closing the server ends them instead of waiting for them.
    forceCloseConnections: true,
    ...(options.https ? { https: options.https } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    // Requests are correlated in logs by this id.
    genReqId: () => randomUUID()
  }) as unknown as FastifyInstance

  // A malformed body is a refusal in the protocol's own shape, not fastify's.
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ ok: false, error: { code: 'bad-request', key: 'request.tooLarge' } })
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ ok: false, error: { code: 'bad-request', key: 'request.invalid' } })
    log.error('server: request failed', error)
    return reply.code(500).send({ ok: false, error: { code: 'internal', key: 'request.internal' } })
  })

  app.get('/health', async (_request, reply) => {
    const database = await backend.healthy()
    return reply.code(database ? 200 : 503).header('cache-control', 'no-store').send({ ok: database, database: database ? 'up' : 'down', instance: options.instanceId, version: options.version })
  })

  app.get('/api/events', async (request, reply) => {
    const token = bearer(request.headers.authorization)
    if (!(await backend.authenticate(token))) {
      return reply.code(401).send({ ok: false, error: { code: 'unauthenticated', key: 'auth.signedOut' } })
    }
    streamEvents(reply, backend, token!)
    return reply
  })

  app.post<{ Params: { channel: string }; Body: unknown }>('/api/:channel', async (request, reply) => {
    let rotated: string | null | undefined
    const result = await backend.router.handle(request.params.channel, request.body ?? {}, {
      transport: 'server',
      sessionToken: bearer(request.headers.authorization),
      client: request.ip,
      setSessionToken(token) {
        rotated = token
      }
    })
    if (rotated) reply.header(SESSION_HEADER, rotated)
    return reply.header('cache-control', 'no-store').send(result)
  })

  return app
}

function streamEvents(reply: FastifyReply, backend: Backend, token: string): void {
  const res = reply.raw
  reply.hijack()
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' })
  res.write(': connected\n\n')
  const off = backend.events.on((event, payload) => {
    if (!eventNames.includes(event)) return
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const check = setInterval(() => {
    void backend.authenticate(token).then(
      (agent) => {
        if (!agent) close()
        else res.write(': keep-alive\n\n')
      },
      () => undefined
    )
  }, STREAM_CHECK_MS)
  check.unref?.()
  let closed = false
  function close(): void {
    if (closed) return
    closed = true
    off()
    clearInterval(check)
    res.end()
  }
  res.on('close', close)
}
