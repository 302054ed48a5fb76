import type { Logger } from '../logger'

/**
 * Updates through electron-updater's generic provider: the address IT configured (update-config.ts),
 * checked at start and once a day, downloaded in the background. Restarting is the agent's choice, at a
 * safe moment (src/shared/updates/safe-moment.ts); a downloaded update not yet restarted into is also
 * installed when the agent quits the app.
 */

/** The parts of electron-updater's autoUpdater used here, so tests can drive a fake without Electron. */
export interface AutoUpdater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  logger: Logger | null
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000

export interface Updates {
  /** The version downloaded and waiting for a restart, or null. */
  readyVersion(): string | null
  /** Quits, installs silently and starts the new version. */
  install(): void
  stop(): void
}

export interface UpdateDeps {
  updater: AutoUpdater
  url: string
  log: Logger
  /** Called when an update has been downloaded (main then tells the renderer). */
  onReady(version: string): void
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void }
}

export function startUpdates({ updater, url, log, onReady, timers = globalThis as NonNullable<UpdateDeps['timers']> }: UpdateDeps): Updates {
  let ready: string | null = null
  let checking = false
  updater.logger = log
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  updater.setFeedURL({ provider: 'generic', url })
  updater.on('update-downloaded', (info) => {
    ready = info.version
    log.info(`updates: version ${info.version} downloaded; waiting for the agent to restart`)
    onReady(info.version)
  })
  // An unreachable server or a bad file must never reach the agent: it is logged, and tried again tomorrow.
  updater.on('error', (error) => log.warn(`updates: ${error.message}`))

  async function check(): Promise<void> {
    if (checking) return
    checking = true
    try {
      await updater.checkForUpdates()
    } catch (error) {
      log.warn(`updates: the check failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      checking = false
    }
  }

  void check()
  const daily = timers.setInterval(() => void check(), CHECK_EVERY_MS)
  log.info(`updates: checking ${url} now and every 24 hours`)
  return {
    readyVersion: () => ready,
    install() {
      log.info(`updates: restarting into version ${ready}`)
      updater.quitAndInstall(true, true)
    },
    stop: () => timers.clearInterval(daily)
  }
}
