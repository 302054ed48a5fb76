import { contextBridge, ipcRenderer } from 'electron'
import { contract, events, methods, type Api, type EventName } from '@shared/ipc/contract'

/**
 * Exposes exactly the IPC contract as `window.api`: one function per contract method and `on` for the
 * contract's events. No ipcRenderer, no Electron event objects, nothing else reaches the page.
 */
const api: Record<string, unknown> = {}
for (const method of methods) {
  const { channel } = contract[method]
  api[method] = (request: unknown) => ipcRenderer.invoke(channel, request)
}
api['on'] = (event: EventName, listener: (payload: unknown) => void) => {
  const definition = events[event]
  if (!definition) throw new Error(`Unknown event ${String(event)}`)
  const wrapped = (_e: unknown, payload: unknown) => listener(payload)
  ipcRenderer.on(definition.channel, wrapped)
  return () => {
    ipcRenderer.removeListener(definition.channel, wrapped)
  }
}

contextBridge.exposeInMainWorld('api', api as Api)
