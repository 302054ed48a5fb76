import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_PAGE, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './csp'

// A built renderer folder on disk, with secrets beside it that no app:// URL may reach: one in the parent
// folder and one in a sibling folder whose name starts like the served one.
let parent: string
let root: string
const warnings: string[] = []
let handle: (request: Request) => Promise<Response>

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'mini-app-protocol-'))
  root = join(parent, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  mkdirSync(join(parent, 'renderer-secret'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log("app")')
  writeFileSync(join(root, 'assets', 'index-1.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not a renderer file type')
  writeFileSync(join(parent, 'secret.html'), 'SECRET-PARENT')
  writeFileSync(join(parent, 'renderer-secret', 'key.js'), 'SECRET-SIBLING')
  handle = createAppProtocolHandler(root, (m) => warnings.push(m))
})
afterAll(() => rmSync(parent, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme that supports fetch', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } })
    expect(APP_PAGE).toBe('app://mini/index.html')
  })

  it('serves the page and its assets from the renderer folder, with the CSP header and the right types', async () => {
    const page = await get(APP_PAGE)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>app</title>')
    const script = await get('app://mini/assets/index-1.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log("app")')
    expect((await get('app://mini/assets/index-1.css?v=1#x')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    const head = await get(APP_PAGE, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it.each([
    'app://mini/../secret.html',
    'app://mini/%2e%2e/secret.html',
    'app://mini/assets/..%2f..%2fsecret.html',
    'app://mini/..%2F..%2Fsecret.html',
    'app://mini/..%5csecret.html',
    'app://mini/..%5c..%5csecret.html',
    'app://mini/..%2frenderer-secret%2fkey.js',
    'app://mini/%2e%2e%2frenderer-secret/key.js',
    'app://mini//etc/passwd',
    'app://mini/%2fetc%2fpasswd',
    `app://mini/${encodeURIComponent(join(tmpdir(), 'x'))}`,
    'app://mini/index.html%00.js',
    'app://mini/%E0%A4%A',
    'app://evil/index.html',
    'app://mini:8080/index.html',
    'file:///etc/passwd',
    'https://mini/index.html'
  ])('answers 404 for %s and reads nothing outside the folder', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    const body = await response.text()
    expect(body).not.toMatch(/SECRET|root:/)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('refuses folders, missing files and file types a built renderer does not have', async () => {
    for (const url of ['app://mini/', 'app://mini/assets', 'app://mini/assets/', 'app://mini/missing.js', 'app://mini/assets/notes.txt']) {
      expect((await get(url)).status, url).toBe(404)
    }
  })

  it('refuses anything but GET and HEAD', async () => {
    expect((await get(APP_PAGE, 'POST')).status).toBe(405)
    expect((await get(APP_PAGE, 'PUT')).status).toBe(405)
  })

  it('logs what it refused', async () => {
    warnings.length = 0
    await get('app://mini/..%2fsecret.html')
    expect(warnings.join('\n')).toContain('security: app:// refused app://mini/..%2fsecret.html')
  })
})

describe('resolveAppFile', () => {
  it('maps a URL to a file inside the folder only', () => {
    expect(resolveAppFile('app://mini/index.html', '/srv/renderer')).toBe(join('/srv/renderer', 'index.html'))
    expect(resolveAppFile('app://mini/assets/a%20b.js', '/srv/renderer')).toBe(join('/srv/renderer', 'assets', 'a b.js'))
    expect(resolveAppFile('app://mini/a/../index.html', '/srv/renderer')).toBe(join('/srv/renderer', 'index.html'))
    expect(resolveAppFile('app://mini/..%2frenderer2/x.js', '/srv/renderer')).toBeNull()
    expect(resolveAppFile('app://mini/', '/srv/renderer')).toBeNull()
    expect(resolveAppFile('not a url', '/srv/renderer')).toBeNull()
    // (A Request cannot even be built with credentials in its URL; the resolver refuses them all the same.)
    expect(resolveAppFile('app://user:pw@mini/index.html', '/srv/renderer')).toBeNull()
  })
})
