// @ts-check
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/**
 * The Electron fuses of every shipped build, in one place (flipped by after-pack.mjs, read by a test).
 * Fuses are bits in the Electron binary itself: unlike options in code, nobody can turn them back on
 * with an environment variable or a command-line argument.
 */
export const SHIPPED_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter for any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk are encrypted with an OS-held key (the app keeps none today; this stays safe if it does).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process, which holds the database.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (Info.plist on macOS, a resource on Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the (integrity-checked) app.asar is loaded, never a loose `app` folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app:// (src/main/app/app-protocol.ts), so file:// pages need no extra rights.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
})

/**
 * What a build for Playwright may change: `_electron` drives the app through the inspector, so an e2e
 * build keeps --inspect. Such a build is for a test desktop only, never for agents.
 */
export const E2E_BUILD_OVERRIDES = Object.freeze({
  [FuseV1Options.EnableNodeCliInspectArguments]: true
})

/**
 * The configuration handed to @electron/fuses for one packaged app.
 * @param {{ platform: string, arch: string, e2eBuild: boolean }} target platform as Electron names it (darwin, win32, linux, mas)
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfigFor({ platform, arch, e2eBuild }) {
  return {
    version: FuseVersion.V1,
    // On Apple silicon a binary changed after signing must be re-signed (ad hoc) before it will start;
    // electron-builder signs properly afterwards when a Developer ID is configured.
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && arch === 'arm64',
    ...SHIPPED_FUSES,
    ...(e2eBuild ? E2E_BUILD_OVERRIDES : {})
  }
}
