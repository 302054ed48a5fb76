import { existsSync } from 'node:fs'

/** Shared by the Playwright config, the fixtures and the specs so they agree on the demo world. */
export const HARNESS_PORT = Number(process.env['HARNESS_PORT'] ?? 4781)
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
