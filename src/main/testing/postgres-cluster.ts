/**
 * A throwaway PostgreSQL cluster for tests, the e2e suite and the benchmark: Debian's `postgresql` binaries,
 * a fresh data folder in the temp directory, loopback only, and an ordinary role that owns its database
 * (LOGIN CREATEDB, never a superuser), as a hospital IT department would grant it. `initdb` refuses to run
 * as root, so as root the cluster runs as the `postgres` system user.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Cluster {
  /** postgres://mini:…@127.0.0.1:port/mini — the ordinary owner role. */
  url: string
  port: number
  stop(): void
}

export const OWNER_ROLE = 'mini'
export const OWNER_PASSWORD = 'mini-test-only'

function binDir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  const candidates = [
    ...(fromConfig.status === 0 ? [fromConfig.stdout.trim()] : []),
    ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : [])
  ]
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed: the PostgreSQL half of the test suite needs Debian\'s "postgresql" package ' +
        '(sudo apt-get install -y postgresql), or set TEST_DATABASE_URL to a database whose role may create databases.'
    )
  }
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startCluster(options: { log?: (line: string) => void } = {}): Promise<Cluster> {
  const bin = binDir()
  const root = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'mini-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const port = await freePort()
  const run = (cmd: string, args: string[]) => {
    const file = join(bin, cmd)
    return root ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe', cwd: dir }) : execFileSync(file, args, { stdio: 'pipe', cwd: dir })
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  // fsync off: a throwaway cluster loses nothing of value in a crash, and tests write a lot.
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', '-o', `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='${dir}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`, 'start'])
  const psql = (sql: string) => run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql])
  psql(`CREATE ROLE ${OWNER_ROLE} LOGIN CREATEDB NOSUPERUSER PASSWORD '${OWNER_PASSWORD}'`)
  psql(`CREATE DATABASE ${OWNER_ROLE} OWNER ${OWNER_ROLE}`)
  options.log?.(`postgres: throwaway cluster on 127.0.0.1:${port} (${data})`)
  let stopped = false
  return {
    url: `postgres://${OWNER_ROLE}:${OWNER_PASSWORD}@127.0.0.1:${port}/${OWNER_ROLE}`,
    port,
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The same server and role, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
