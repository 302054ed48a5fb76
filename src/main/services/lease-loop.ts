import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock'
import type { Logger } from '../logger'

/** Taken from the runner's and the dispatcher's own options, which carry these under the same names. */
export interface LeaseSettings {
  clock: Clock
  log: Logger
  owner?: string
  leaseMs?: number
  pollMs?: number
}

export interface LeasedWork<T extends { id: string }> {
  /** Due items, or the one with this id, leased to `owner` until `leaseUntil()`; may be none. */
  claim(id: string | null): Promise<T[]>
  renew(item: T): Promise<unknown>
  run(item: T): Promise<void>
  messages: { renewFailed: string; runFailed: (item: T) => string; claimFailed: string; pollFailed: string }
}

/**
 * The in-process half of work run under a lease (SIM commands, bulk jobs). Which process runs an item is
 * decided by the caller's `claim`, in the database (one transaction, `FOR UPDATE SKIP LOCKED`, then
 * `lease_owner`/`lease_until`); the set of items in flight only keeps this process from starting an item it
 * is already running, which a later claim can return again. The lease is renewed every third of its length,
 * so one renewal that fails does not let another process take an item that is still running.
 */
export function createLeaseLoop<T extends { id: string }>(options: LeaseSettings, work: LeasedWork<T>) {
  const { clock, log } = options
  const { messages } = work
  const owner = options.owner ?? `process-${randomUUID()}`
  const leaseMs = options.leaseMs ?? 10_000
  const pollMs = options.pollMs ?? 1_000
  const inFlight = new Set<string>()
  let poller: ReturnType<typeof setInterval> | null = null
  let closed = false
  let polling = false
  // The embedded database is held by one process: leases of an earlier run of the app are void at once.
  let exclusive = false

  const leaseUntil = () => clock.now().add({ milliseconds: leaseMs }).toString()

  async function run(item: T): Promise<void> {
    if (inFlight.has(item.id)) return
    inFlight.add(item.id)
    const renew = setInterval(() => void work.renew(item).catch((error: unknown) => log.warn(messages.renewFailed, error)), Math.max(50, Math.floor(leaseMs / 3)))
    renew.unref?.()
    try {
      await work.run(item)
    } finally {
      clearInterval(renew)
      inFlight.delete(item.id)
    }
  }

  function start(claimed: T[]): void {
    for (const item of claimed) void run(item).catch((error: unknown) => log.error(messages.runFailed(item), error))
  }

  async function poll(): Promise<number> {
    if (polling || closed) return 0
    polling = true
    try {
      const claimed = await work.claim(null)
      start(claimed)
      return claimed.length
    } finally {
      polling = false
    }
  }

  function kick(id: string): void {
    if (closed) return
    void work
      .claim(id)
      .then(start)
      .catch((error: unknown) => log.error(messages.claimFailed, error))
  }

  return {
    owner,
    leaseUntil,
    exclusive: () => exclusive,
    closed: () => closed,
    isRunning: (id: string) => inFlight.has(id),
    running: () => inFlight.size,
    poll,
    kick,
    /** `beforeFirstPoll` runs once `exclusive` is known, before anything is claimed. */
    async start(startOptions: { exclusive: boolean }, beforeFirstPoll?: () => Promise<void>): Promise<void> {
      exclusive = startOptions.exclusive
      await beforeFirstPoll?.()
      await poll()
      poller = setInterval(() => void poll().catch((error: unknown) => log.error(messages.pollFailed, error)), pollMs)
      poller.unref?.()
    },
    close(): void {
      closed = true
      if (poller) clearInterval(poller)
      poller = null
    }
  }
}
