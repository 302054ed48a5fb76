import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session } from 'electron'
import log from 'electron-log/main'
import { contract, events as eventContract, methods } from '@shared/ipc/contract'
import { createBackend, type Backend } from '../backend'
import { systemClock } from '../clock'
import { readEnv, settingDefaultsFromEnv } from '../config'
import { createRemoteRouter, subscribeRemoteEvents, type FetchLike } from '../remote/client'
import { loadServerConfig } from '../remote/server-config'
import type { Router } from '../router'
import { loadUpdateConfig, type UpdateConfig } from '../update-config'
import { APP_PAGE, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { createDesktopPort } from './desktop'
import { resourcesDir } from './resources-dir'
import { hardenSession, hardenWebContents, isTrustedSender } from './security'
import { startUpdates, type Updates } from './updates'
import { secureWebPreferences } from './web-preferences'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
/** The built renderer: the only folder app:// serves (the page main loads is APP_PAGE). */
const rendererDir = join(here, '../renderer')
let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null
let updates: Updates | null = null
/** Renderer calls main is answering right now (an update waits for them). */
let callsInFlight = 0

app.enableSandbox()
// Custom schemes get their privileges only if registered before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
log.transports.file.level = 'info'
log.errorHandler.startCatching({ showDialog: false })

// PGlite holds its folder exclusively: a second copy of the app must hand over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl, (m) => log.warn(m)))
  app.whenReady().then(start, (error: unknown) => fatal(error))
}

async function start(): Promise<void> {
  try {
    const env = readEnv()
    hardenSession(session.defaultSession, devServerUrl)
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, (m) => log.warn(m)))
    // Updates only for the installed app (a checkout is updated with git), and only where IT set an address.
    const updateConfig: UpdateConfig = app.isPackaged
      ? await loadUpdateConfig(process.env, app.getPath('userData'))
      : { enabled: false, reason: 'Updates are off: this is not the installed app.' }
    log.info(updateConfig.enabled ? `updates: address from ${updateConfig.source}` : updateConfig.reason)
    // The shared deployment: this desktop is a client of the team's server, and holds no database.
    const server = await loadServerConfig(process.env, app.getPath('userData'))
    if (server.shared) {
      log.info(`shared deployment: the server at ${server.url} (from ${server.source})`)
      startRemote(server.url)
      createWindow()
      return
    }
    if (server.problem) throw new Error(`${server.problem} Correct it, or remove it to use the embedded database.`)
    // Database credentials never sit on a desktop: a team shares a server, which holds them.
    if (env.DATABASE_URL) throw new Error('DATABASE_URL is for the server (npm run server). A desktop of the shared deployment is pointed at the server with MINI_SERVER_URL or server.json; unset DATABASE_URL to use the embedded database.')
    backend = await createBackend({
      dataDir: env.MINI_DATA_DIR ?? join(app.getPath('userData'), 'database'),
      resourcesDir: resourcesDir({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
      demoFleet: env.MINI_DEMO_FLEET === '1' ? { size: env.MINI_DEMO_FLEET_SIZE } : false,
      clock: systemClock({ ...(env.MINI_TODAY ? { fixedToday: env.MINI_TODAY } : {}), ...(env.MINI_TIME_ZONE ? { timeZone: env.MINI_TIME_ZONE } : {}) }),
      log,
      transport: 'electron',
      version: app.getVersion(),
      defaults: settingDefaultsFromEnv(env),
      desktop: createDesktopPort(() => mainWindow),
      ...(updateConfig.enabled
        ? {
            updates: {
              readyVersion: () => updates?.readyVersion() ?? null,
              callsInFlight: () => callsInFlight,
              // After the answer to the agent's request has gone out: quitting closes the window and the database.
              install: () => void setImmediate(() => updates?.install())
            }
          }
        : {}),
      validateResponses: !app.isPackaged
    })
    const b = backend
    registerIpc(b.router)
    b.events.on((event, payload) => {
      mainWindow?.webContents.send(eventContract[event].channel, payload)
    })
    createWindow()
    // However updates fail, the agent's work goes on: logged, never fatal.
    if (updateConfig.enabled) void startUpdating(backend, updateConfig.url).catch((error: unknown) => log.error('updates: could not start', error))
  } catch (error) {
    fatal(error)
  }
}

/**
 * Each window's session token, held here only: the renderer never sees it. A new token comes with each
 * sign-in (a window's id would be reused after a restart and must never name a session).
 */
const sessionTokens = new Map<number, string>()

/**
 * A client of the shared deployment: each call goes to the server with its window's token, and each
 * window follows the server's events with its own token (re-subscribed at every sign-in and sign-out).
 */
function startRemote(url: string): void {
  const fetch = ((input, init) => net.fetch(input, init as RequestInit)) as FetchLike
  const router = createRemoteRouter({ url, log, fetch })
  const unsubscribe = new Map<number, () => void>()
  registerIpc(router, (windowId, token) => {
    unsubscribe.get(windowId)?.()
    unsubscribe.delete(windowId)
    if (!token) return
    unsubscribe.set(
      windowId,
      subscribeRemoteEvents({ url, log, fetch, token, onEvent: (event, payload) => mainWindow?.webContents.send(eventContract[event].channel, payload) })
    )
  })
}

function registerIpc(router: Router, onToken: (windowId: number, token: string | null) => void = () => undefined): void {
  for (const method of methods) {
    const { channel } = contract[method]
    // The request to install an update does not count as work the update must wait for.
    const counted = method !== 'updateInstall'
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, mainWindow?.webContents ?? null, devServerUrl)) {
        log.warn(`security: refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`)
        return { ok: false, error: { code: 'forbidden-sender', key: 'request.forbiddenSender' } }
      }
      const windowId = event.sender.id
      if (counted) callsInFlight++
      try {
        return await router.handle(channel, payload, {
          transport: 'electron',
          sessionToken: sessionTokens.get(windowId) ?? null,
          setSessionToken(token) {
            if (token) sessionTokens.set(windowId, token)
            else sessionTokens.delete(windowId)
            onToken(windowId, token)
          }
        })
      } finally {
        if (counted) callsInFlight--
      }
    })
  }
}

/**
 * Starts electron-updater (loaded only here: it needs Electron at run time) and tells the renderer when
 * an update is ready, again whenever SIM commands change (the count of pending ones decides whether the
 * notice offers a restart) and whenever the page (re)loads.
 */
async function startUpdating(b: Backend, url: string): Promise<void> {
  const { default: electronUpdater } = await import('electron-updater')
  const announce = async () => {
    const version = updates?.readyVersion()
    if (version) b.events.emit('updateReady', { version, pendingCommands: await b.pendingSimCommands() })
  }
  const announceLogged = () => void announce().catch((error: unknown) => log.warn('updates: could not tell the window', error))
  updates = startUpdates({ updater: electronUpdater.autoUpdater, url, log, onReady: announceLogged })
  b.events.on((event) => {
    if (event === 'syncChanged') announceLogged()
  })
  mainWindow?.webContents.on('did-finish-load', announceLogged)
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'MINI Back Office',
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs'), !app.isPackaged)
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone (${details.reason}); reloading`)
    if (details.reason !== 'clean-exit') mainWindow?.reload()
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  void mainWindow.loadURL(devServerUrl ?? APP_PAGE)
}

function fatal(error: unknown): void {
  log.error('startup failed', error)
  dialog.showErrorBox('MINI Back Office could not start', error instanceof Error ? error.message : String(error))
  app.exit(1)
}

app.on('window-all-closed', () => {
  app.quit()
})

app.on('before-quit', () => {
  updates?.stop()
  void backend?.close()
})
