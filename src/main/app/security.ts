import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'

/**
 * Electron's security checklist, applied in one place: no navigation away from the app, no new windows,
 * no webviews, no permissions, and IPC accepted only from our own top-level frame.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

/**
 * The app's own page: the dev server's origin, or the renderer's index.html on the local disk. When main
 * knows the installed page's exact file URL (`appPage`), nothing else counts, not even another
 * `renderer/index.html` elsewhere on the disk.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, appPage?: string): boolean {
  try {
    const parsed = new URL(url)
    if (devServerUrl) return parsed.origin === new URL(devServerUrl).origin
    // A file URL with a host is a network share (a UNC path on Windows), never the installed app.
    if (parsed.protocol !== 'file:' || parsed.host !== '') return false
    if (appPage) return decodeURIComponent(parsed.pathname) === decodeURIComponent(new URL(appPage).pathname)
    return parsed.pathname.endsWith('/renderer/index.html')
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
  // The CSP travels as a header for http(s) (the dev server); file:// pages carry the same policy in a
  // <meta> tag of index.html.
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
