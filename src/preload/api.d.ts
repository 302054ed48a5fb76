import type { Api } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Provided by the preload in Electron, or by the harness bridge in the e2e browser. */
    api: Api
  }
}

export {}
