// @ts-check
import { join } from 'node:path'
import { Arch } from 'electron-builder'
import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { fuseConfigFor } from './fuses.mjs'

// A fuse's byte on the wire: ASCII '1' enabled, '0' disabled (@electron/fuses 1.x does not export its enum).
const ENABLED = 0x31
const DISABLED = 0x30

/**
 * electron-builder's afterPack hook: flips the Electron fuses (fuses.mjs) in the packaged binary, after
 * the files are in place and before signing, then reads them back.
 *
 * The packaging check (check.ts) packages against a placeholder that is not Electron and has no fuse
 * wire; it says so with MINI_PACKAGE_PLACEHOLDER=1, and only then is a missing wire skipped. Anywhere else
 * a binary without a fuse wire fails the build rather than shipping an unhardened app.
 * MINI_E2E_BUILD=1 keeps --inspect on for Playwright (see fuses.mjs); never ship such a build.
 *
 * @param {import('electron-builder').AfterPackContext} context
 */
export default async function afterPack(context) {
  const platform = context.electronPlatformName
  const binary = electronBinary(context)
  const e2eBuild = process.env['MINI_E2E_BUILD'] === '1'
  try {
    await getCurrentFuseWire(binary)
  } catch (error) {
    if (process.env['MINI_PACKAGE_PLACEHOLDER'] === '1' && /sentinel/i.test(String(error))) {
      console.log(`fuses: not flipped: ${binary} is the placeholder, not Electron (it has no fuse wire); real packaging flips them`)
      return
    }
    throw new Error(`Cannot flip the Electron fuses in ${binary}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const config = fuseConfigFor({ platform, arch: Arch[context.arch], e2eBuild })
  await flipFuses(binary, config)
  const wire = await getCurrentFuseWire(binary)
  for (const [index, wanted] of Object.entries(config)) {
    if (!/^\d+$/.test(index)) continue
    const now = wire[/** @type {FuseV1Options} */ (Number(index))]
    if (now !== (wanted ? ENABLED : DISABLED)) {
      throw new Error(`The fuse ${FuseV1Options[Number(index)]} did not take in ${binary}`)
    }
  }
  console.log(`fuses: flipped in ${binary}${e2eBuild ? ' (e2e build: --inspect left on; not for agents)' : ''}`)
}

/** Where the Electron binary (or, on macOS, the app bundle whose framework holds the fuses) is. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (platform === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return join(appOutDir, /** @type {import('app-builder-lib').LinuxPackager} */ (/** @type {unknown} */ (packager)).executableName)
}
