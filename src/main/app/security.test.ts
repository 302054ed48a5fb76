import { readFileSync } from 'node:fs'
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { contract, methods } from '@shared/ipc/contract'
import { APP_PAGE as APP_PAGE_URL, APP_SCHEME_PRIVILEGES } from './app-protocol'
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isAppUrl, isTrustedSender } from './security'
import { fakeElectronModule, fakeElectronRecorder, fakeSession, fakeWebContents, type FakeWebContents, type HeaderMap } from './testing/fake-electron'
import { secureWebPreferences } from './web-preferences'

// Electron's binary is not available to unit tests: main.ts gets a fake `electron` (testing/fake-electron.ts,
// filled in by the 'main.ts wiring' tests below) and a fake electron-log.
const electronFake = vi.hoisted(() => ({ value: {} as Record<string, unknown> }))
vi.mock('electron', () => electronFake.value)
vi.mock('electron-log/main', () => ({
  default: { transports: { file: {} }, errorHandler: { startCatching() {} }, info() {}, warn() {}, error() {} }
}))
// Records whether main.ts ever loads electron-updater (it must not, outside the packaged app).
const updaterLoaded = vi.hoisted(() => ({ value: false }))
vi.mock('electron-updater', () => {
  updaterLoaded.value = true
  return { default: { autoUpdater: {} } }
})

describe('window security', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', false)
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false
    })
    expect(prefs.preload).toMatch(/\.cjs$/)
  })

  it('ships the same strict CSP in index.html as the one sent as a header', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors is only honoured in a header, so the meta tag leaves it out.
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).sort()
    expect(meta?.split('; ').sort()).toEqual(headerWithoutFrameAncestors)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
  })

  it('treats only the app:// page (or the dev server) as the app; nothing on file:// is trusted', () => {
    expect(isAppUrl('app://mini/index.html', undefined)).toBe(true)
    expect(isAppUrl('app://mini/index.html#/vehicle/X', undefined)).toBe(true)
    expect(isAppUrl('app://mini/other.html', undefined)).toBe(false)
    expect(isAppUrl('app://mini/', undefined)).toBe(false)
    expect(isAppUrl('app://mini/index.html?next=https://evil.example', undefined)).toBe(false)
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false)
    expect(isAppUrl('app://mini:81/index.html', undefined)).toBe(false)
    expect(isAppUrl('app://user@mini/index.html', undefined)).toBe(false)
    expect(isAppUrl('https://mini/index.html', undefined)).toBe(false)
    expect(isAppUrl('https://evil.example/renderer/index.html', undefined)).toBe(false)
    // The app's own built page on disk is no longer the app: only app:// is.
    expect(isAppUrl('file:///opt/mini/resources/app.asar/out/renderer/index.html', undefined)).toBe(false)
    expect(isAppUrl('file://localhost/opt/mini/resources/app.asar/out/renderer/index.html', undefined)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/vehicle/X', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    // With the dev server, app:// is not the app either.
    expect(isAppUrl('app://mini/index.html', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('not a url', undefined)).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------------
// Behaviour of the hardening, with fake Electron objects that record what the app registers.

const APP_PAGE = APP_PAGE_URL
const FILE_PAGE = 'file:///opt/mini/resources/app.asar/out/renderer/index.html'
const DEV_SERVER = 'http://localhost:5173'


describe('hardenWebContents', () => {
  function hardened(devServerUrl?: string) {
    const contents = fakeWebContents(devServerUrl ?? APP_PAGE)
    const log: string[] = []
    hardenWebContents(contents as unknown as WebContents, devServerUrl, (m) => log.push(m))
    return { contents, log }
  }

  it.each(['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'file:///tmp/x/index.html', FILE_PAGE, 'app://evil/index.html', 'app://mini/other.html', 'file://evil.example/share/renderer/index.html', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'about:blank'])(
    'prevents navigating or redirecting the packaged app to %s, and logs it',
    (url) => {
      const { contents, log } = hardened()
      expect(contents.fire('will-navigate', url)).toBe(true)
      expect(contents.fire('will-redirect', url)).toBe(true)
      expect(log.join('\n')).toContain(url)
    }
  )

  it('lets the app navigate within its own page', () => {
    const { contents, log } = hardened()
    expect(contents.fire('will-navigate', `${APP_PAGE}#/vehicle/WMW11DH00T2012345`)).toBe(false)
    expect(contents.fire('will-redirect', APP_PAGE)).toBe(false)
    expect(log).toEqual([])
  })

  it('with the dev server, allows its origin only', () => {
    const { contents } = hardened(DEV_SERVER)
    expect(contents.fire('will-navigate', `${DEV_SERVER}/#/cases`)).toBe(false)
    expect(contents.fire('will-navigate', 'http://localhost:5174/')).toBe(true)
    expect(contents.fire('will-navigate', APP_PAGE)).toBe(true)
  })

  it('denies every new window, even one for the app itself', () => {
    const { contents, log } = hardened()
    for (const url of ['https://evil.example/', APP_PAGE, 'about:blank']) expect(contents.openWindow(url)).toEqual({ action: 'deny' })
    expect(log).toHaveLength(3)
  })

  it('refuses to attach a webview', () => {
    const { contents } = hardened()
    expect(contents.fire('will-attach-webview', {}, { src: APP_PAGE })).toBe(true)
  })
})

describe('hardenSession', () => {
  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'unknown']

  it('denies every permission request and check', () => {
    const ses = fakeSession()
    hardenSession(ses as unknown as Session, undefined)
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = []
      ses.permissionRequest!({}, permission, (granted) => answers.push(granted))
      expect(answers, permission).toEqual([false])
      expect(ses.permissionCheck!({}, permission, 'file://'), permission).toBe(false)
    }
  })

  it('sends the strict CSP as a header, keeping the other headers', () => {
    const ses = fakeSession()
    hardenSession(ses as unknown as Session, undefined)
    let answer: { responseHeaders?: HeaderMap } | undefined
    ses.headers!({ url: APP_PAGE, responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ['default-src *'] } }, (r) => (answer = r))
    expect(answer?.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('relaxes the header for the dev server only as far as Vite needs', () => {
    const ses = fakeSession()
    hardenSession(ses as unknown as Session, DEV_SERVER)
    let answer: { responseHeaders?: HeaderMap } | undefined
    ses.headers!({ url: `${DEV_SERVER}/` }, (r) => (answer = r))
    const policy = answer?.responseHeaders?.['Content-Security-Policy']?.[0] ?? ''
    expect(policy).toContain("style-src 'self' 'unsafe-inline'")
    expect(policy).toContain("connect-src 'self' ws://localhost:5173")
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toMatch(/unsafe-eval|\*/)
  })
})

describe('isTrustedSender', () => {
  const event = (sender: FakeWebContents, frame: { url: string } | null) => ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent

  it('trusts only the app window, its top frame, at the app page', () => {
    const window = fakeWebContents()
    const trusted = window as unknown as WebContents
    expect(isTrustedSender(event(window, window.mainFrame), trusted, undefined)).toBe(true)
    expect(isTrustedSender(event(window, window.mainFrame), null, undefined)).toBe(false)
    expect(isTrustedSender(event(fakeWebContents(), window.mainFrame), trusted, undefined)).toBe(false)
    expect(isTrustedSender(event(window, { url: APP_PAGE }), trusted, undefined)).toBe(false)
    expect(isTrustedSender(event(window, null), trusted, undefined)).toBe(false)
    window.mainFrame.url = 'https://evil.example/'
    expect(isTrustedSender(event(window, window.mainFrame), trusted, undefined)).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------------
// main.ts itself, started against a fake Electron: what it registers and how its IPC handlers behave.

describe('main.ts wiring', () => {
  const env = { ...process.env }
  const started = fakeElectronRecorder()

  beforeAll(async () => {
    // No demo fleet and an in-memory database: only the wiring is under test.
    // An update address is set, but this is not the packaged app: updates stay off.
    Object.assign(process.env, { MINI_DATA_DIR: 'memory', MINI_DEMO_FLEET: '0', MINI_UPDATE_URL: 'https://updates.example.com/mini/' })
    delete process.env['ELECTRON_RENDERER_URL']
    let ready!: () => void
    const whenReady = new Promise<void>((resolve) => (ready = () => ((started.ready = true), resolve())))
    electronFake.value = fakeElectronModule(started, whenReady)
    await import('./main')
    ready()
    await vi.waitFor(() => {
      expect(started.errors).toEqual([])
      expect(started.windows).toHaveLength(1)
    }, { timeout: 30_000, interval: 20 })
    // The window is at the page it loaded, as far as the sender check is concerned.
    started.windows[0]!.webContents.mainFrame.url = started.windows[0]!.loaded[0]!
  }, 60_000)

  afterAll(async () => {
    await started.appListeners.get('before-quit')?.()
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]
    Object.assign(process.env, env)
  })

  it('enables the sandbox for every renderer and opens the one window with the secure preferences', () => {
    expect(started.enableSandbox).toHaveBeenCalled()
    const { options, loaded } = started.windows[0]!
    expect(options.webPreferences).toEqual(secureWebPreferences(options.webPreferences!.preload!, true))
    expect(options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(loaded).toEqual([APP_PAGE])
  })

  it('registers app:// as privileged before the app is ready, and serves it from the built renderer folder only', async () => {
    expect(started.privileged).toEqual([{ schemes: [APP_SCHEME_PRIVILEGES], afterReady: false }])
    const serve = started.protocols.get('app')
    expect([...started.protocols.keys()]).toEqual(['app'])
    // main.ts serves ../renderer from its own folder (src/main/renderer here): climbing three levels from
    // there would reach the repository's package.json, which exists; it must not be served.
    for (const url of ['app://mini/..%2f..%2f..%2fpackage.json', 'app://mini/%2e%2e/%2e%2e/%2e%2e/package.json', 'app://mini/..%5c..%5c..%5cpackage.json']) {
      const response = await serve!(new Request(url))
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('mini-backoffice')
    }
  })

  it('hardens every WebContents Electron creates and the default session', () => {
    const contents = fakeWebContents()
    started.appListeners.get('web-contents-created')!({}, contents)
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' })
    const answers: boolean[] = []
    started.ses.permissionRequest!({}, 'media', (granted) => answers.push(granted))
    expect(answers).toEqual([false])
    expect(started.ses.headers).not.toBeNull()
  })

  it('does not load the updater outside the packaged app, even with an update address set', async () => {
    expect(updaterLoaded.value).toBe(false)
    const window = started.windows[0]!.webContents
    await started.ipc.get(contract.createFirstSupervisor.channel)!({ sender: window, senderFrame: window.mainFrame }, { username: 'first.admin', displayName: 'First Admin', password: 'a-long-password' })
    await expect(started.ipc.get(contract.updateInstall.channel)!({ sender: window, senderFrame: window.mainFrame }, {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } })
    await started.ipc.get(contract.signOut.channel)!({ sender: window, senderFrame: window.mainFrame }, {})
  })

  it('handles exactly the contract channels over IPC, nothing else', () => {
    expect([...started.ipc.keys()].sort()).toEqual(methods.map((m) => contract[m].channel).sort())
  })

  it('answers every channel with forbidden-sender, before the router, for another window, a subframe or a foreign page', async () => {
    const window = started.windows[0]!.webContents
    const stranger = fakeWebContents()
    const senders = [
      { what: 'another WebContents', sender: stranger, senderFrame: stranger.mainFrame },
      { what: 'a subframe of the window', sender: window, senderFrame: { url: window.mainFrame.url } },
      { what: 'no frame', sender: window, senderFrame: null }
    ]
    for (const [channel, handler] of started.ipc) {
      for (const { what, sender, senderFrame } of senders) {
        await expect(handler({ sender, senderFrame }, {}), `${channel} from ${what}`).resolves.toEqual({
          ok: false,
          error: { code: 'forbidden-sender', key: 'request.forbiddenSender' }
        })
      }
    }
    // The same window after navigating away (were navigation not blocked) is not trusted either, not
    // even at the app's own built page opened from the disk.
    const appUrl = window.mainFrame.url
    try {
      for (const elsewhere of ['https://evil.example/', FILE_PAGE, 'app://mini/other.html']) {
        window.mainFrame.url = elsewhere
        await expect(started.ipc.get(contract.appInfo.channel)!({ sender: window, senderFrame: window.mainFrame }, {}), elsewhere).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
      }
    } finally {
      window.mainFrame.url = appUrl
    }
  })

  it('passes calls from the app page to the router, with a session per window', async () => {
    const window = started.windows[0]!.webContents
    const call = (channel: string, payload: unknown) => started.ipc.get(channel)!({ sender: window, senderFrame: window.mainFrame }, payload)
    await expect(call(contract.appInfo.channel, {})).resolves.toMatchObject({ ok: true, data: { transport: 'electron', version: '0.0.0-test' } })
    await expect(call(contract.vehicleGet.channel, { vin: 'WMW11DH00T2012345' })).resolves.toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    await expect(call(contract.settingsGet.channel, 'nonsense')).resolves.toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})
