import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/**
 * The ports a run's harnesses listen on: `HARNESS_PORT` (embedded), +2 (dated-effects' own harness), +10
 * (shared). Without HARNESS_PORT the first base from 4781 on whose three ports are free is taken and put
 * in the environment, so that Playwright's workers (which load this file again) and the web servers agree,
 * and a second `npm test` on the same machine runs beside the first instead of failing on a busy port.
 * Synchronous (the config is), hence a child process that tries to listen.
 */
function harnessPort(): number {
  const given = process.env['HARNESS_PORT']
  if (given) return Number(given)
  const probe = `
    const net = require('node:net')
    const free = (port) => new Promise((ok) => { const s = net.createServer(); s.once('error', () => ok(false)); s.listen(port, '127.0.0.1', () => s.close(() => ok(true))) })
    ;(async () => {
      for (let base = 4781; base < 4981; base += 20) {
        if ((await free(base)) && (await free(base + 2)) && (await free(base + 10))) return console.log(base)
      }
      console.log(4781)
    })()`
  const base = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim()
  process.env['HARNESS_PORT'] = base
  return Number(base)
}

/** Shared by the Playwright config, the fixtures and the specs so they agree on the demo world. */
export const HARNESS_PORT = harnessPort()
/** The harness as a client of a server on PostgreSQL (the shared deployment). */
export const SHARED_HARNESS_PORT = Number(process.env['SHARED_HARNESS_PORT'] ?? HARNESS_PORT + 10)
/** A fixed "today": the demo fleet and every legal date the specs check follow from it. */
export const HARNESS_TODAY = '2026-11-21'
export const DEMO_FLEET_SIZE = 400

export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  }
  return path
}

export const ELECTRON_MISSING_REASON = 'Electron binary not downloadable on this machine; this project runs on desktops with Electron installed.'

/**
 * Where Electron's binary is, or why it is not usable here. Read from the electron package's files rather
 * than by require('electron'), which would try to download the binary (Electron 45 does on first use).
 */
export function electronBinary(): { path: string } | { missing: string } {
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim()
    const path = join(pkg, 'dist', relative)
    return existsSync(path) ? { path } : { missing: `${path} does not exist` }
  } catch (error) {
    return { missing: (error as Error).message.split('\n')[0] ?? 'electron is not installed' }
  }
}

/** Set to a packaged app's executable to run the electron project against the installed layout. */
export const PACKAGED_EXECUTABLE_ENV = 'MINI_E2E_EXECUTABLE'

/**
 * What the electron project launches: the packaged executable named by MINI_E2E_EXECUTABLE (it loads
 * its own app.asar), or else Electron's binary with the built main (`npm run build` first). A packaged
 * app for Playwright must be built with MINI_E2E_BUILD=1 (README, Installing and updating): Playwright
 * drives the app through --inspect, which the shipped fuses turn off.
 */
export function electronLaunch(root: string): { executablePath: string; args: string[]; packaged: boolean } | { missing: string } {
  const packaged = process.env[PACKAGED_EXECUTABLE_ENV]
  if (packaged) {
    const path = resolve(packaged)
    if (!existsSync(path)) throw new Error(`${PACKAGED_EXECUTABLE_ENV} names ${path}, which does not exist. Package the app first (README, "Running the e2e specs against the real app").`)
    return { executablePath: path, args: [], packaged: true }
  }
  const binary = electronBinary()
  if (!('path' in binary)) return binary
  return { executablePath: binary.path, args: [join(root, 'out/main/index.js')], packaged: false }
}
