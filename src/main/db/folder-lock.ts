import { hostname } from 'node:os'
import { open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DatabaseUnavailableError } from './database'

/**
 * One process per embedded database folder: two PGlite instances on one folder each keep their own
 * copy in memory and silently lose each other's writes. The lock is a file created exclusively that names
 * its holder. Hand-written rather than `proper-lockfile`, which judges a lock stale by an mtime its holder
 * refreshes on a timer: a long synchronous WebAssembly query (seeding a fleet) can starve that timer and
 * hand the folder to a second process. Here a lock is stale only when its holder's process is gone.
 */
const LOCK_FILE = 'mini-backoffice.lock'

interface Holder {
  pid: number
  host: string
  startedAt: string
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? '') } : null
  } catch {
    return null
  }
}

export async function lockFolder(folder: string): Promise<() => Promise<void>> {
  const file = join(folder, LOCK_FILE)
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(JSON.stringify(me))
      await handle.close()
      let released = false
      return async () => {
        if (released) return
        released = true
        const holder = await readHolder(file)
        if (holder?.pid === me.pid && holder.host === me.host) await rm(file, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await readHolder(file)
    const sameHost = holder?.host === me.host
    if (holder && (!sameHost || alive(holder.pid))) {
      throw new DatabaseUnavailableError(
        `The embedded database folder ${folder} is in use by another process (process ${holder.pid} on ${holder.host}, since ${holder.startedAt}). ` +
          'Only one copy of the app may use it at a time: close the other one. If that process is not this app, delete the file ' +
          `${LOCK_FILE} in that folder and start again.`
      )
    }
    // The holder is gone (a crash) or the file is unreadable (a crash while writing it): take it over.
    await rm(file, { force: true })
  }
  throw new DatabaseUnavailableError(`The embedded database folder ${folder} could not be locked for this process.`)
}
