import { tmpdir } from 'node:os'
import type { WebPreferences } from 'electron'
import { vi } from 'vitest'
import { APP_PAGE } from '../app-protocol'

/**
 * Electron's binary is not available to unit tests: these fakes stand in for the parts main.ts and the
 * hardening use, and record what the app registers so tests can fire events and call handlers.
 */

interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

/** A WebContents that records the handlers hardenWebContents and main.ts install, and can fire them. */
export function fakeWebContents(url: string = APP_PAGE) {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  let windowOpen: ((details: { url: string }) => { action: string }) | null = null
  const fake = {
    id: Math.floor(Math.random() * 1e6),
    mainFrame: { url },
    sent: [] as unknown[][],
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return fake
    },
    once(event: string, listener: (...args: unknown[]) => void) {
      return fake.on(event, listener)
    },
    send(...args: unknown[]) {
      fake.sent.push(args)
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpen = handler
    },
    /** Fires an event the way Electron does; answers whether a listener prevented the default. */
    fire(event: string, ...args: unknown[]): boolean {
      const e: FakeEvent = { defaultPrevented: false, preventDefault: () => void (e.defaultPrevented = true) }
      for (const listener of listeners.get(event) ?? []) listener(e, ...args)
      return e.defaultPrevented
    },
    openWindow(target: string) {
      return windowOpen?.({ url: target })
    }
  }
  return fake
}
export type FakeWebContents = ReturnType<typeof fakeWebContents>

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void
type PermissionCheck = (contents: unknown, permission: string, origin: string, details?: unknown) => boolean
export type HeaderMap = Record<string, string[]>
type HeadersHook = (details: { url: string; responseHeaders?: HeaderMap }, callback: (response: { responseHeaders?: HeaderMap }) => void) => void

/** A Session that records the permission handlers and the header hook. */
export function fakeSession() {
  const handlers: { permissionRequest: PermissionRequest | null; permissionCheck: PermissionCheck | null; headers: HeadersHook | null } = {
    permissionRequest: null,
    permissionCheck: null,
    headers: null
  }
  return Object.assign(handlers, {
    setPermissionRequestHandler(handler: PermissionRequest) {
      handlers.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: PermissionCheck) {
      handlers.permissionCheck = handler
    },
    webRequest: {
      onHeadersReceived(handler: HeadersHook) {
        handlers.headers = handler
      }
    }
  })
}

/** What main.ts registered with the fake Electron (one per import of main.ts). */
export function fakeElectronRecorder() {
  return {
    ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { options: { webPreferences?: WebPreferences }; webContents: FakeWebContents; loaded: string[] }[],
    ses: fakeSession(),
    enableSandbox: vi.fn(),
    errors: [] as unknown[],
    /** Scheme registrations, each with whether the app was ready when it happened. */
    privileged: [] as { schemes: unknown; afterReady: boolean }[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    ready: false
  }
}
export type FakeElectronRecorder = ReturnType<typeof fakeElectronRecorder>

/** The `electron` module main.ts imports; `whenReady` resolves when the test says the app is ready. */
export function fakeElectronModule(started: FakeElectronRecorder, whenReady: Promise<void>, options: { packaged?: boolean; userData?: string } = {}): Record<string, unknown> {
  return {
    app: {
      isPackaged: options.packaged ?? false,
      enableSandbox: started.enableSandbox,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => started.appListeners.set(event, listener),
      whenReady: () => whenReady,
      getAppPath: () => process.cwd(),
      getPath: (name: string) => (name === 'userData' && options.userData) || tmpdir(),
      getVersion: () => '0.0.0-test',
      quit: vi.fn(),
      exit: (code: number) => started.errors.push(`app.exit(${code})`)
    },
    BrowserWindow: class {
      webContents = fakeWebContents()
      loaded: string[] = []
      constructor(readonly options: { webPreferences?: WebPreferences }) {
        started.windows.push(this)
      }
      once() {}
      on() {}
      loadFile(path: string) {
        this.loaded.push(path)
        return Promise.resolve()
      }
      loadURL(url: string) {
        this.loaded.push(url)
        return Promise.resolve()
      }
    },
    dialog: { showErrorBox: (_title: string, message: string) => started.errors.push(message) },
    ipcMain: { handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => started.ipc.set(channel, handler) },
    session: { defaultSession: started.ses },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => started.privileged.push({ schemes, afterReady: started.ready }),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => started.protocols.set(scheme, handler)
    },
    shell: {}
  }
}
