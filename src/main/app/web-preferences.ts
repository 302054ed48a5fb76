import type { WebPreferences } from 'electron'

/** The one window's preferences: isolated, sandboxed, no Node, nothing experimental (checked by a test). */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    webviewTag: false,
    safeDialogs: true,
    spellcheck: false,
    devTools
  }
}
