/**
 * Server instances as separate processes (`src/server/index.ts`), for the shared-deployment tests: each
 * on its own port, all on one PostgreSQL database, killable with SIGKILL like a crashed machine.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface Instance {
  id: string
  url: string
  process: ChildProcess
  output: () => string
  kill(signal?: NodeJS.Signals): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

export async function startInstance(id: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MINI_SERVER_PORT: String(port),
      MINI_SERVER_HOST: '127.0.0.1',
      MINI_INSTANCE_ID: id,
      MINI_DEMO_FLEET_SIZE: '60',
      MINI_TODAY: '2026-11-21',
      MINI_LOG_LEVEL: 'warn',
      MINI_SIGN_IN_LIMITS: '100000,100000',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${id} exited (${child.exitCode}): ${output}`)
    try {
      const health = await fetch(`${url}/health`)
      if (health.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 180_000) throw new Error(`instance ${id} did not start: ${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    id,
    url,
    process: child,
    output: () => output,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        // A process that does not stop in time is stopped for good: a test's cleanup never hangs.
        const hard = setTimeout(() => child.kill('SIGKILL'), 15_000)
        child.once('exit', () => {
          clearTimeout(hard)
          done()
        })
        child.kill(signal)
      })
  }
}
