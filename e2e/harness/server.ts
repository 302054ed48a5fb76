/**
 * The e2e harness: serves the built renderer (out/renderer) and carries `window.api` over HTTP to the same
 * backend (router, services, database) the Electron main process uses. Used by Playwright and the benchmark.
 */
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { build } from 'esbuild'
import { randomUUID } from 'node:crypto'
import { createBackend, type Backend, type BackendConfig } from '../../src/main/backend'
import { createRemoteRouter, subscribeRemoteEvents } from '../../src/main/remote/client'

const ROOT = resolve(import.meta.dirname, '../..')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf'
}
const MAX_BODY = 1_000_000
/** Names the browser page (like Electron's window id); the session token stays here, never in the page. */
const PAGE_COOKIE = 'harness_page'

export interface HarnessOptions {
  port?: number
  rendererDir?: string
  /** The embedded backend (PGlite, or PostgreSQL by URL) run in this process… */
  backend?: Omit<BackendConfig, 'resourcesDir' | 'transport'> & { resourcesDir?: string }
  /** …or the shared deployment: a server this harness is a client of, exactly as a desktop's main is. */
  server?: { url: string; log: BackendConfig['log'] }
}

export interface Harness {
  url: string
  /** The embedded backend; null when the harness is a client of a server. */
  backend: Backend | null
  server: Server
  close(): Promise<void>
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'silent'
  })
  return result.outputFiles[0]!.text
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function pageOf(req: IncomingMessage): string | null {
  const cookie = req.headers.cookie ?? ''
  const match = new RegExp(`(?:^|;\\s*)${PAGE_COOKIE}=([\\w-]+)`).exec(cookie)
  return match?.[1] ?? null
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? join(ROOT, 'out/renderer')
  const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`The built renderer is missing at ${rendererDir}: run "npx electron-vite build" first.`)
  })
  // The bridge must define window.api before the app's module script runs: a classic script placed
  // first in <head> does.
  const page = indexHtml.replace('<head>', '<head>\n    <script src="./harness-bridge.js"></script>')
  const bridge = await bundleBridge()
  const backend = options.backend
    ? await createBackend({ ...options.backend, resourcesDir: options.backend.resourcesDir ?? join(ROOT, 'resources'), transport: 'harness' })
    : null
  const remote = options.server
  const router = backend ? backend.router : createRemoteRouter({ url: remote!.url, log: remote!.log })
  const log = options.backend?.log ?? remote!.log
  /** Each page's session token, held here as Electron's main holds each window's. */
  const tokens = new Map<string, string>()
  /** Each page's event streams: re-subscribed to the server when the page's token changes. */
  const streams = new Map<string, Set<(token: string | null) => void>>()
  function setToken(page: string, token: string | null): void {
    if (token) tokens.set(page, token)
    else tokens.delete(page)
    for (const follow of streams.get(page) ?? []) follow(token)
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error('harness: request failed', error)
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', key: 'request.internal' } })
      else res.end()
    })
  })

  let origin = ''

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1')
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      // The HTTP analogue of Electron's sender check: only our own page, which has its page cookie.
      const page = pageOf(req)
      if (req.headers.origin !== origin || !page) {
        json(res, 403, { ok: false, error: { code: 'forbidden-sender', key: 'request.forbiddenSender' } })
        return
      }
      let payload: unknown
      try {
        const body = await readBody(req)
        payload = body ? JSON.parse(body) : {}
      } catch {
        json(res, 200, { ok: false, error: { code: 'bad-request', key: 'request.invalid' } })
        return
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
      const result = await router.handle(channel, payload, {
        transport: 'harness',
        sessionToken: tokens.get(page) ?? null,
        setSessionToken: (token) => setToken(page, token)
      })
      json(res, 200, result)
      return
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      const page = pageOf(req)
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      const send = (event: string, payload: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
      let off: () => void = () => undefined
      const follow = (token: string | null) => {
        off()
        off = () => undefined
        if (backend) off = backend.events.on(send)
        else if (token) off = subscribeRemoteEvents({ url: remote!.url, log, token, onEvent: send })
      }
      follow(page ? (tokens.get(page) ?? null) : null)
      if (page) {
        let set = streams.get(page)
        if (!set) streams.set(page, (set = new Set()))
        set.add(follow)
      }
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000)
      req.on('close', () => {
        off()
        clearInterval(keepAlive)
        if (page) streams.get(page)?.delete(follow)
      })
      return
    }
    if (req.method === 'GET' && url.pathname === '/health') {
      json(res, 200, { ok: true })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    if (url.pathname === '/harness-bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' })
      res.end(bridge)
      return
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const headers: Record<string, string> = { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }
      if (!pageOf(req)) headers['set-cookie'] = `${PAGE_COOKIE}=${randomUUID()}; HttpOnly; SameSite=Strict; Path=/`
      res.writeHead(200, headers)
      res.end(page)
      return
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)))
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(404).end()
      return
    }
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' })
    res.end(await readFile(file))
  }

  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/`,
    backend,
    server,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await backend?.close()
    }
  }
}
