// The packaging check (`npm run test:package`, part of `npm test`): packages the built app for Linux
// `--dir` with electron-builder and the project's electron-builder.yml, against a placeholder Electron
// distribution (Electron's own binary cannot be downloaded on CI machines), then checks the app's part
// of the result. Nothing is downloaded: `electronDist` is a local folder and no native module is rebuilt.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { extractFile, listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { SHIPPED_FUSES } from './fuses.mjs'
import { resourcesDir } from '../../src/main/app/resources-dir'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** Libraries only the renderer uses: Vite bundles them into out/renderer, so they must not be packaged again. */
const RENDERER_ONLY = ['vue', 'element-plus', 'pinia', 'dexie', 'vue-i18n', 'vue-router']
/** PGlite's binaries, read from disk beside its module (electron-builder.yml, asarUnpack). */
const PGLITE_FILES = ['pglite.wasm', 'pglite.data', 'initdb.wasm']
const PGLITE_DIST = 'node_modules/@electric-sql/pglite/dist'

let passed = 0
let failed = 0
function check(what: string, ok: boolean, detail = ''): void {
  if (ok) passed++
  else failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `: ${detail}`}`)
}
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
const sample = (items: string[]) => items.slice(0, 5).join(', ') + (items.length > 5 ? ` and ${items.length - 5} more` : '')

function folderSize(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + folderSize(join(path, name)), 0)
}

/** The Electron version electron-builder packages for: package.json's electron devDependency. */
function electronVersion(): string {
  const range = pkg.devDependencies['electron'] ?? ''
  const version = /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range)?.[1]
  if (!version) throw new Error(`package.json's electron devDependency (${range || 'missing'}) is not a plain version or ^/~ range`)
  return version
}

/** A folder shaped like an unpacked Electron for Linux, whose `electron` only says what it is. */
function placeholderElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const script = '#!/bin/sh\necho "This is the packaging check\'s placeholder, not Electron." >&2\nexit 1\n'
  writeFileSync(join(dir, 'electron'), script)
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), electronVersion())
}

function packageApp(work: string): string {
  const dist = join(work, 'electron-placeholder')
  const output = join(work, 'dist')
  placeholderElectron(dist)
  const cli = require.resolve('electron-builder/cli.js')
  const args = [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion()}`, `-c.directories.output=${output}`]
  const started = Date.now()
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MINI_PACKAGE_PLACEHOLDER: '1' } })
  const log = `${run.stdout}${run.stderr}`
  if (run.status !== 0) {
    console.log(log)
    throw new Error(`electron-builder failed (exit ${run.status ?? run.signal})`)
  }
  console.log(`electron-builder packaged linux --dir in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  // The afterPack hook's own line about the fuses (skipped for the placeholder, with its reason).
  for (const line of log.split('\n')) if (line.startsWith('fuses:')) console.log(line)
  return join(output, 'linux-unpacked')
}

function sameFiles(packagedDir: string, sourceDir: string): { missing: string[]; different: string[]; extra: string[] } {
  const source = existsSync(sourceDir) ? readdirSync(sourceDir).sort() : []
  const packaged = existsSync(packagedDir) ? readdirSync(packagedDir).sort() : []
  return {
    missing: source.filter((name) => !packaged.includes(name)),
    different: source.filter((name) => packaged.includes(name) && !readFileSync(join(packagedDir, name)).equals(readFileSync(join(sourceDir, name)))),
    extra: packaged.filter((name) => !source.includes(name))
  }
}

function checkAsar(resources: string): void {
  const asar = join(resources, 'app.asar')
  check('app.asar exists', existsSync(asar))
  if (!existsSync(asar)) return
  // Paths as the archive lists them, with forward slashes and no leading separator.
  const entries = listPackage(asar, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, ''))
  const files = entries.filter((p) => 'size' in statFile(asar, p, false))
  const has = (p: string) => files.includes(p)

  const app = pkg.main.replace(/^\.\//, '')
  check(`holds main (${app}, package.json's "main")`, has(app) && has('package.json'))
  check('holds the preload (out/preload/index.cjs)', has('out/preload/index.cjs'))
  const html = has('out/renderer/index.html') ? extractFile(asar, 'out/renderer/index.html').toString('utf8') : ''
  const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `out/renderer/${m[1]}`)
  const missingAssets = referenced.filter((p) => !has(p))
  check('holds the renderer (out/renderer/index.html and every script and style it loads)', !!html && referenced.length >= 2 && missingAssets.length === 0, sample(missingAssets))

  const own = files.filter((p) => !p.startsWith('node_modules/'))
  const outside = own.filter((p) => p !== 'package.json' && !p.startsWith('out/'))
  check('holds nothing of the app but out/ and package.json', outside.length === 0, sample(outside))
  const sources = files.filter((p) => /(^|\/)(src|e2e|tests|bench|scripts|resources)\//.test(p) && !p.startsWith('node_modules/'))
  const sourceFiles = own.filter((p) => /\.(ts|mts|cts|vue|map|sql)$/.test(p))
  check('holds no source files (.ts, .vue, source maps, src/, e2e/, tests/, bench/, scripts/)', sources.length + sourceFiles.length === 0, sample([...sources, ...sourceFiles]))
  const tests = files.filter((p) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(p) && !p.startsWith('node_modules/'))
  check('holds no test files', tests.length === 0, sample(tests))

  const packagedModules = new Set(entries.filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/').slice(1, p.startsWith('node_modules/@') ? 3 : 2).join('/')))
  const rendererLibs = RENDERER_ONLY.filter((name) => packagedModules.has(name))
  check(`holds none of the renderer's bundled libraries (${RENDERER_ONLY.join(', ')})`, rendererLibs.length === 0, sample(rendererLibs))
  const runtime = Object.keys(pkg.dependencies).filter((name) => !packagedModules.has(name))
  check(`holds every runtime dependency main imports (${Object.keys(pkg.dependencies).length})`, runtime.length === 0, `missing ${sample(runtime)}`)

  for (const name of PGLITE_FILES) {
    const inside = `${PGLITE_DIST}/${name}`
    const onDisk = join(resources, 'app.asar.unpacked', PGLITE_DIST, name)
    const marked = entries.includes(inside) && (statFile(asar, inside, false) as { unpacked?: boolean }).unpacked === true
    const same = existsSync(onDisk) && readFileSync(onDisk).equals(readFileSync(join(ROOT, PGLITE_DIST, name)))
    check(`PGlite's ${name} is unpacked (app.asar.unpacked, marked in the archive)`, marked && same, !marked ? 'not marked unpacked in app.asar' : 'missing or different on disk')
  }
}

function checkResources(resources: string): void {
  // The folder main.ts reads when packaged (process.resourcesPath is the packaged app's resources/).
  const dir = resourcesDir({ packaged: true, resourcesPath: resources, appPath: '(unused)' })
  for (const what of ['migrations', 'fonts']) {
    const { missing, different, extra } = sameFiles(join(dir, what), join(ROOT, 'resources', what))
    const problems = [...missing.map((n) => `${n} missing`), ...different.map((n) => `${n} differs`), ...extra.map((n) => `${n} unexpected`)]
    const count = existsSync(join(dir, what)) ? readdirSync(join(dir, what)).length : 0
    check(`${what} are where main looks (${relative(resources, join(dir, what))}, ${count} files, same as resources/${what})`, problems.length === 0 && count > 0, sample(problems))
  }
}

/** For a real package (`--app-out`): the fuses read back from the binary are the shipped ones. */
async function checkFuses(appOut: string): Promise<void> {
  const binary = join(appOut, 'mini-backoffice')
  const wire = await getCurrentFuseWire(binary)
  const wrong = Object.entries(SHIPPED_FUSES)
    .filter(([index, on]) => wire[Number(index) as FuseV1Options] !== (on ? 0x31 : 0x30))
    .map(([index]) => FuseV1Options[Number(index)] ?? index)
  check(`the Electron fuses are the shipped ones (${Object.keys(SHIPPED_FUSES).length})`, wrong.length === 0, `not as shipped: ${sample(wrong)}`)
}

async function main(): Promise<void> {
  // `--app-out dist/linux-unpacked` checks a real `npm run package:dir` on Linux instead of packaging
  // against the placeholder.
  const at = process.argv.indexOf('--app-out')
  const existing = at >= 0 ? process.argv[at + 1] : undefined
  if (at >= 0 && !existing) throw new Error('--app-out needs the folder electron-builder wrote, like dist/linux-unpacked')
  const work = mkdtempSync(join(tmpdir(), 'mini-package-check-'))
  try {
    const appOut = existing ? resolve(existing) : packageApp(work)
    const resources = join(appOut, 'resources')
    checkAsar(resources)
    checkResources(resources)
    if (existing) await checkFuses(appOut)
    const asarBytes = existsSync(join(resources, 'app.asar')) ? statSync(join(resources, 'app.asar')).size : 0
    const unpacked = join(resources, 'app.asar.unpacked')
    const unpackedBytes = existsSync(unpacked) ? folderSize(unpacked) : 0
    console.log(`size: app.asar ${mb(asarBytes)}, app.asar.unpacked ${mb(unpackedBytes)}, migrations and fonts ${mb(folderSize(join(resources, 'resources')))}`)
    if (!existing) console.log("note: the packaged executable is the check's placeholder (a shell script), not Electron: the app was not started and its fuses were not flipped")
  } finally {
    if (process.env['MINI_PACKAGE_KEEP'] === '1') console.log(`kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
  console.log(`packaging check: ${passed} passed, ${failed} failed`)
  if (failed > 0) process.exitCode = 1
}

await main()
