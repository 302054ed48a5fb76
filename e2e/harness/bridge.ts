/**
 * The browser-side stand-in for the Electron preload: the same `window.api` (one function per contract
 * method, plus `on` for events), carried over HTTP and Server-Sent Events to the harness server instead
 * of Electron IPC. Only the transport differs; the renderer cannot tell.
 */
import { contract, events, methods, type Api, type EventName } from '../../src/shared/ipc/contract'

const api: Record<string, unknown> = {}

for (const method of methods) {
  const { channel } = contract[method]
  api[method] = async (request: unknown) => {
    const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request ?? {}),
      credentials: 'same-origin'
    })
    return response.json()
  }
}

type Listener = (payload: unknown) => void
const listeners = new Map<EventName, Set<Listener>>()
let source: EventSource | null = null
let lostConnection = false

function ensureSource(): void {
  if (source) return
  source = new EventSource('./events')
  for (const name of Object.keys(events) as EventName[]) {
    source.addEventListener(name, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data)
      for (const listener of listeners.get(name) ?? []) listener(payload)
    })
  }
  source.addEventListener('error', () => {
    lostConnection = true
  })
  // After a reconnect, pushes may have been missed: tell sync listeners to catch up.
  source.addEventListener('open', () => {
    if (!lostConnection) return
    lostConnection = false
    for (const listener of listeners.get('syncChanged') ?? []) listener({ head: -1 })
  })
}

api['on'] = (event: EventName, listener: Listener) => {
  if (!(event in events)) throw new Error(`Unknown event ${String(event)}`)
  ensureSource()
  let set = listeners.get(event)
  if (!set) listeners.set(event, (set = new Set()))
  set.add(listener)
  return () => set.delete(listener)
}

;(window as unknown as { api: Api }).api = api as Api
