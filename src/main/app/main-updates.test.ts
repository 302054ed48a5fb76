import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { contract } from '@shared/ipc/contract'
import { fakeElectronModule, fakeElectronRecorder } from './testing/fake-electron'

// main.ts as the installed app (app.isPackaged) with an update address in the environment, against a fake
// Electron and a fake electron-updater: updates start, and the renderer hears of a downloaded one.
const fakes = vi.hoisted(() => ({ electron: {} as Record<string, unknown>, updater: null as unknown }))
vi.mock('electron', () => fakes.electron)
vi.mock('electron-log/main', () => ({
  default: { transports: { file: {} }, errorHandler: { startCatching() {} }, info() {}, warn() {}, error() {} }
}))
vi.mock('electron-updater', () => ({ default: { autoUpdater: fakes.updater } }))

const updater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  logger: null as unknown,
  feeds: [] as unknown[],
  setFeedURL: (options: unknown) => void updater.feeds.push(options),
  checkForUpdates: vi.fn(() => Promise.resolve(null)),
  quitAndInstall: vi.fn()
})
fakes.updater = updater

describe('main.ts, packaged, with an update address', () => {
  const env = { ...process.env }
  const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath')
  const started = fakeElectronRecorder()

  beforeAll(async () => {
    Object.assign(process.env, { MINI_DATA_DIR: 'memory', MINI_DEMO_FLEET: '0', MINI_UPDATE_URL: 'https://updates.example.com/mini' })
    // Packaged, main finds migrations and fonts under process.resourcesPath/resources: here, the checkout's.
    Object.defineProperty(process, 'resourcesPath', { value: process.cwd(), configurable: true })
    let ready!: () => void
    const whenReady = new Promise<void>((resolve) => (ready = resolve))
    fakes.electron = fakeElectronModule(started, whenReady, { packaged: true })
    await import('./main')
    ready()
    await vi.waitFor(() => {
      expect(started.errors).toEqual([])
      expect(updater.checkForUpdates).toHaveBeenCalled()
    }, { timeout: 30_000, interval: 20 })
    started.windows[0]!.webContents.mainFrame.url = started.windows[0]!.loaded[0]!
  }, 60_000)

  afterAll(async () => {
    await started.appListeners.get('before-quit')?.()
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]
    Object.assign(process.env, env)
    if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath)
    else delete (process as { resourcesPath?: string }).resourcesPath
  })

  it('points electron-updater at the address, downloads in the background and checks at start', () => {
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/mini/' }])
    expect(updater.autoDownload).toBe(true)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('tells the window when an update is downloaded, and again after the page reloads', async () => {
    const window = started.windows[0]!.webContents
    const readyEvents = () => window.sent.filter(([channel]) => channel === 'event:update-ready')
    updater.emit('update-downloaded', { version: '0.2.0' })
    await vi.waitFor(() => expect(readyEvents()).toEqual([['event:update-ready', { version: '0.2.0', pendingCommands: 0 }]]))
    window.fire('did-finish-load')
    await vi.waitFor(() => expect(readyEvents()).toHaveLength(2))
  })

  it('restarts into it when a signed-in agent asks and nothing is pending', async () => {
    const window = started.windows[0]!.webContents
    const call = (channel: string, payload: unknown) => started.ipc.get(channel)!({ sender: window, senderFrame: window.mainFrame }, payload)
    await expect(call(contract.updateInstall.channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    await expect(call(contract.createFirstSupervisor.channel, { username: 'it.admin', displayName: 'IT Admin', password: 'a-long-password' })).resolves.toMatchObject({ ok: true })
    expect(updater.quitAndInstall).not.toHaveBeenCalled()
    await expect(call(contract.updateInstall.channel, {})).resolves.toEqual({ ok: true, data: { version: '0.2.0' } })
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true))
  })
})
