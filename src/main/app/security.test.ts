import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAppUrl } from './security'
import { secureWebPreferences } from './web-preferences'

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

  it('treats only the packaged renderer page (or the dev server) as the app', () => {
    expect(isAppUrl('file:///opt/mini/resources/app.asar/out/renderer/index.html', undefined)).toBe(true)
    expect(isAppUrl('https://evil.example/renderer/index.html', undefined)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/vehicle/X', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('not a url', undefined)).toBe(false)
  })
})
