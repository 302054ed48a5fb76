import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/** Shared by the Playwright config, the fixtures and the specs so they agree on the demo world. */
export const HARNESS_PORT = Number(process.env['HARNESS_PORT'] ?? 4781)
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
