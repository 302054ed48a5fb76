import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHECK_EVERY_MS, startUpdates, type AutoUpdater } from './updates'

/** electron-updater's autoUpdater as far as the app uses it: settings, events, checks and the restart. */
function fakeUpdater(check: () => Promise<unknown> = () => Promise.resolve(null)) {
  const emitter = new EventEmitter()
  const fake = Object.assign(emitter, {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null as AutoUpdater['logger'],
    feeds: [] as unknown[],
    setFeedURL: (options: unknown) => void fake.feeds.push(options),
    checkForUpdates: vi.fn(check),
    quitAndInstall: vi.fn()
  })
  return fake
}

describe('startUpdates', () => {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.clearAllMocks()
  })

  it('uses the generic provider at the configured address and downloads in the background', () => {
    const updater = fakeUpdater()
    startUpdates({ updater, url: 'https://updates.example.com/mini/', log, onReady: () => {} })
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/mini/' }])
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    expect(updater.logger).toBe(log)
  })

  it('checks at start and then once a day', async () => {
    const updater = fakeUpdater()
    const updates = startUpdates({ updater, url: 'https://u.example/', log, onReady: () => {} })
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS - 1000)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3)
    updates.stop()
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3)
  })

  it('logs a failed check instead of failing, and checks again the next day', async () => {
    const updater = fakeUpdater(() => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED')))
    startUpdates({ updater, url: 'https://u.example/', log, onReady: () => {} })
    await vi.advanceTimersByTimeAsync(0)
    expect(log.warn).toHaveBeenCalledWith('updates: the check failed: net::ERR_NAME_NOT_RESOLVED')
    updater.emit('error', new Error('sha512 checksum mismatch'))
    expect(log.warn).toHaveBeenCalledWith('updates: sha512 checksum mismatch')
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('does not start a second check while one is still running', async () => {
    let finish!: () => void
    const updater = fakeUpdater(() => new Promise<void>((resolve) => (finish = resolve)))
    startUpdates({ updater, url: 'https://u.example/', log, onReady: () => {} })
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('knows and announces a downloaded version, and restarts into it only when asked', () => {
    const updater = fakeUpdater()
    const ready: string[] = []
    const updates = startUpdates({ updater, url: 'https://u.example/', log, onReady: (v) => ready.push(v) })
    expect(updates.readyVersion()).toBeNull()
    updater.emit('update-downloaded', { version: '0.2.0' })
    expect(updates.readyVersion()).toBe('0.2.0')
    expect(ready).toEqual(['0.2.0'])
    expect(updater.quitAndInstall).not.toHaveBeenCalled()
    updates.install()
    // Silent (no installer window for the agent), then the new version starts.
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true)
  })
})
