import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { APP_PAGE } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './csp'

export { CONTENT_SECURITY_POLICY }

// Electron's security checklist, applied in one place: no navigation away from the app, no new windows,
// no webviews, no permissions, and IPC accepted only from our own top-level frame.

/**
 * The app's own page: the dev server's origin, or else exactly the page the app:// handler serves
 * (`appPage`, with any hash route). Nothing on file:// counts, not even the app's own files there.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, appPage: string = APP_PAGE): boolean {
  try {
    const parsed = new URL(url)
    if (devServerUrl) return parsed.origin === new URL(devServerUrl).origin
    const page = new URL(appPage)
    // Compared part by part: for a non-web scheme like app:, URL.origin is the opaque "null".
    return (
      parsed.protocol === page.protocol &&
      parsed.host === page.host &&
      parsed.pathname === page.pathname &&
      parsed.search === '' &&
      parsed.username === '' &&
      parsed.password === ''
    )
  } catch {
    return false
  }
}

export function hardenWebContents(contents: WebContents, devServerUrl: string | undefined, log: (msg: string) => void, appPage?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl, appPage)) {
      event.preventDefault()
      log(`security: blocked navigation to ${url}`)
    }
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl, appPage)) {
      event.preventDefault()
      log(`security: blocked redirect to ${url}`)
    }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log('security: blocked a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    log(`security: blocked window.open(${url})`)
    return { action: 'deny' }
  })
}

export function hardenSession(ses: Session, devServerUrl: string | undefined): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // The CSP travels as a header for http(s) (the dev server); the app:// handler sets it on its own
  // responses, and index.html carries the same policy in a <meta> tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const policy = devServerUrl
      ? CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
          "connect-src 'self'",
          `connect-src 'self' ${new URL(devServerUrl).origin.replace(/^http/, 'ws')}`
        )
      : CONTENT_SECURITY_POLICY
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}

/** IPC is answered only for the app's own window and its top frame at the app's own URL. */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: WebContents | null, devServerUrl: string | undefined, appPage?: string): boolean {
  if (!trusted || event.sender !== trusted) return false
  const frame = event.senderFrame
  if (!frame || frame !== trusted.mainFrame) return false
  return isAppUrl(frame.url, devServerUrl, appPage)
}
