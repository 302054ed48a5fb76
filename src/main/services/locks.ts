/**
 * Serialises work per key (a VIN) inside this process: a double-clicked confirm waits for the first
 * call to finish and then finds its idempotency key, instead of racing it. Across processes (a shared
 * PostgreSQL) the database's unique indexes are the guard.
 */
export function keyedMutex() {
  const tails = new Map<string, Promise<unknown>>()
  return async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve()
    const run = previous.catch(() => undefined).then(work)
    const tail = run.catch(() => undefined)
    tails.set(key, tail)
    try {
      return await run
    } finally {
      if (tails.get(key) === tail) tails.delete(key)
    }
  }
}
