import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './csp'

/**
 * The renderer is served from a custom scheme instead of file:// (Electron's security checklist, "use a
 * custom protocol"): a file:// page may read any file the agent can, an app:// page only what this
 * handler serves, which is the built renderer folder and nothing else.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'mini'
/** The one page main loads, trusts for IPC and lets the window navigate within (hash routes only). */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Registered before the app is ready. standard: an origin of its own, relative URLs and storage
 * (IndexedDB for the offline copy); secure: a secure context like https (crypto.randomUUID, no mixed
 * content); supportFetchAPI: fetch() of its own files works.
 */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }

/**
 * What the built renderer contains (Vite's output: the page, scripts, styles, fonts, images). Written out
 * rather than taken from a MIME library on purpose: anything else is refused, not guessed.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

/**
 * The file an app:// URL names inside `root`, or null when it names nothing there: another scheme or
 * host, a path that climbs out of the folder (`..`, also percent-encoded or with backslashes), a NUL.
 */
export function resolveAppFile(url: string, root: string): string | null {
  let parsed: URL
  let pathname: string
  try {
    parsed = new URL(url)
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null
  if (pathname.includes('\0')) return null
  const base = resolve(root)
  const file = resolve(base, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`)
  const inside = relative(base, file)
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  return file
}

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }
  })
}

/**
 * The handler given to `protocol.handle(APP_SCHEME, …)`: files of `root` (the built renderer, inside
 * app.asar when packaged; Electron's fs reads it there) with the CSP as a header, anything else 404.
 */
export function createAppProtocolHandler(root: string, warn: (message: string) => void): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
    const file = resolveAppFile(request.url, root)
    const type = file ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined
    if (!file || !type) {
      warn(`security: app:// refused ${request.url.slice(0, 200)}`)
      return refuse(404)
    }
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return refuse(404)
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }
    })
  }
}
