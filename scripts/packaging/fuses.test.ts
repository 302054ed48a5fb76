import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { Arch, type AfterPackContext } from 'electron-builder'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import afterPack from './after-pack.mjs'
import { fuseConfigFor, SHIPPED_FUSES } from './fuses.mjs'

const ON = 0x31
const OFF = 0x30
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron 45's fuse wire as it ships: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on. */
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON]

/** A file shaped like an Electron binary: bytes, the fuse sentinel, wire version 1, the wire, more bytes. */
function fakeElectron(path: string, wire = ELECTRON_DEFAULTS): void {
  const noise = Buffer.alloc(4096, 0x90)
  writeFileSync(path, Buffer.concat([noise, Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), noise]))
}

describe('the fuse configuration (scripts/packaging/fuses.mjs)', () => {
  it('turns off Node as a runtime, NODE_OPTIONS, --inspect and file:// privileges; turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(SHIPPED_FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
    })
    expect(Object.isFrozen(SHIPPED_FUSES)).toBe(true)
  })

  it('is the same for every platform, re-signing ad hoc only on Apple silicon', () => {
    const linux = fuseConfigFor({ platform: 'linux', arch: 'x64', e2eBuild: false })
    expect(linux).toEqual({ version: FuseVersion.V1, resetAdHocDarwinSignature: false, ...SHIPPED_FUSES })
    expect(fuseConfigFor({ platform: 'win32', arch: 'x64', e2eBuild: false })).toEqual(linux)
    expect(fuseConfigFor({ platform: 'darwin', arch: 'x64', e2eBuild: false })).toEqual(linux)
    expect(fuseConfigFor({ platform: 'darwin', arch: 'arm64', e2eBuild: false })).toEqual({ ...linux, resetAdHocDarwinSignature: true })
  })

  it('an e2e build differs only in keeping --inspect (Playwright drives the app through it)', () => {
    const shipped = fuseConfigFor({ platform: 'linux', arch: 'x64', e2eBuild: false })
    const e2e = fuseConfigFor({ platform: 'linux', arch: 'x64', e2eBuild: true })
    expect(e2e).toEqual({ ...shipped, [FuseV1Options.EnableNodeCliInspectArguments]: true })
  })
})

describe('the afterPack hook', () => {
  let dir: string
  const env = { ...process.env }
  const context = (platform: string, arch = Arch.x64) =>
    ({
      appOutDir: dir,
      electronPlatformName: platform,
      arch,
      packager: { appInfo: { productFilename: 'MINI Back Office' }, executableName: 'mini-backoffice' }
    }) as unknown as AfterPackContext

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mini-fuses-'))
    delete process.env['MINI_PACKAGE_PLACEHOLDER']
    delete process.env['MINI_E2E_BUILD']
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
    Object.assign(process.env, env)
    vi.restoreAllMocks()
  })

  it('flips the fuses in the packaged binary (Linux executable name, Windows product file name)', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    fakeElectron(join(dir, 'mini-backoffice'))
    await afterPack(context('linux'))
    const wire = await getCurrentFuseWire(join(dir, 'mini-backoffice'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF)
    // A fuse the configuration does not name keeps Electron's default.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF)

    fakeElectron(join(dir, 'MINI Back Office.exe'))
    await afterPack(context('win32'))
    expect((await getCurrentFuseWire(join(dir, 'MINI Back Office.exe')))[FuseV1Options.RunAsNode]).toBe(OFF)
  })

  it('keeps --inspect for an e2e build, and says so', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    process.env['MINI_E2E_BUILD'] = '1'
    fakeElectron(join(dir, 'mini-backoffice'))
    await afterPack(context('linux'))
    const wire = await getCurrentFuseWire(join(dir, 'mini-backoffice'))
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(ON)
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(log.mock.calls.flat().join('\n')).toMatch(/e2e build.*not for agents/)
  })

  it('fails the build for a binary without a fuse wire, unless the packaging check says it is its placeholder', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    writeFileSync(join(dir, 'mini-backoffice'), '#!/bin/sh\nexit 1\n')
    await expect(afterPack(context('linux'))).rejects.toThrow(/Cannot flip the Electron fuses in .*mini-backoffice/)
    process.env['MINI_PACKAGE_PLACEHOLDER'] = '1'
    await afterPack(context('linux'))
    expect(log.mock.calls.flat().join('\n')).toMatch(/^fuses: not flipped: .* is the placeholder, not Electron/)
    expect(readFileSync(join(dir, 'mini-backoffice'), 'utf8')).toBe('#!/bin/sh\nexit 1\n')
  })

  it('even with the placeholder flag, a missing binary is an error, not a skip', async () => {
    process.env['MINI_PACKAGE_PLACEHOLDER'] = '1'
    await expect(afterPack(context('linux'))).rejects.toThrow(/Cannot flip the Electron fuses/)
  })
})
