#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's static checker for Electron misconfigurations) over the app's sources.
 *
 * Its CLI (dist/index.js) cannot start here: it imports `commander` without declaring it and gets the
 * hoisted v14, whose API it predates. The CLI only parses flags and calls the runner, which is the
 * package's documented programmatic entry (`main`: dist/runner.js), so this script calls the runner.
 *
 * What it scans: `src/` (main, preload, renderer .ts/.html). Not `out/`: CI runs this before the build
 * (`npm test` builds only for e2e), and the bundle would add findings from third-party renderer code.
 * Vue single-file components are not read by the tool (it scans .js/.ts/.html only).
 *
 * Gate: every HIGH or MEDIUM finding must be explained in security/electronegativity-accepted.json by
 * check id, file and a text the flagged source line contains (stable when lines move), with a one-line
 * reason. Unexplained findings, allowlist entries that no longer match anything, and files the tool
 * could not parse fail the run (exit 1). LOW and INFORMATIONAL findings, and findings in test code
 * (*.test.ts, src/main/testing), are listed, never fatal.
 * The report (every finding, with its status and reason) goes to test-results/electronegativity.csv.
 *
 * Network: the "available security fixes" check downloads Electron's release list; it is excluded
 * (Electron upgrades are tracked by the dependency updates, and CI must not depend on GitHub). The tool
 * still tries to fetch updated English messages (a short timeout; offline it says so and uses its own).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const input = resolve(root, 'src')
const allowlistPath = resolve(root, 'security/electronegativity-accepted.json')
const reportPath = resolve(root, 'test-results/electronegativity.csv')
const GATED = new Set(['HIGH', 'MEDIUM'])
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']
const TEST_CODE = /\.test\.[cm]?[jt]sx?$|^src\/main\/testing\//

/** The Electron the app is built against: the tool cannot find it under src/ and would assume 0.1.0. */
function electronVersion() {
  return JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')).version
}

/** @returns {{ check: string, file: string, match: string, reason: string }[]} */
function readAllowlist() {
  const parsed = JSON.parse(readFileSync(allowlistPath, 'utf8'))
  const entries = parsed.accepted
  if (!Array.isArray(entries)) throw new Error(`${relative(root, allowlistPath)}: "accepted" must be an array`)
  entries.forEach((e, i) => {
    for (const key of ['check', 'file', 'match', 'reason']) {
      if (typeof e?.[key] !== 'string' || e[key].trim() === '') throw new Error(`${relative(root, allowlistPath)}: accepted[${i}].${key} must be a non-empty string`)
    }
  })
  return entries
}

const toRepoPath = (file) => (file === 'N/A' ? file : relative(root, resolve(input, file)).split(sep).join('/'))
const csv = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`

async function main() {
  const started = Date.now()
  const allowlist = readAllowlist()
  // The tool picks its message language from $LANG; the report is always in its bundled English.
  process.env.LANG = 'en-US'
  const run = require('@doyensec/electronegativity')
  const version = electronVersion()

  // The tool logs through console.log while it works ("Could not retrieve updated translations…"): keep it.
  const result = await run(
    {
      input,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
      parserPlugins: [],
      electronVersionOverride: version
    },
    false
  )

  const used = new Set()
  const findings = result.issues.map((issue) => {
    const file = toRepoPath(issue.file)
    const sample = typeof issue.sample === 'string' ? issue.sample : ''
    const index = allowlist.findIndex((a) => a.check === issue.id && a.file === file && sample.includes(a.match))
    if (index >= 0) used.add(index)
    // Tests never ship (and fake Electron objects on purpose): their findings are listed, never gated.
    const gated = GATED.has(issue.severity.name) && !TEST_CODE.test(file)
    return {
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file,
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      sample,
      manualReview: Boolean(issue.manualReview),
      status: index >= 0 ? 'accepted' : gated ? 'UNEXPLAINED' : TEST_CODE.test(file) ? 'test code' : 'info',
      reason: index >= 0 ? allowlist[index].reason : '',
      url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`
    }
  })
  const order = { HIGH: 0, MEDIUM: 1, LOW: 2, INFORMATIONAL: 3 }
  findings.sort((a, b) => (order[a.severity] ?? 9) - (order[b.severity] ?? 9) || a.file.localeCompare(b.file) || a.line - b.line)

  mkdirSync(dirname(reportPath), { recursive: true })
  const header = ['check', 'severity', 'confidence', 'file', 'line', 'column', 'manual_review', 'status', 'reason', 'sample', 'url']
  const rows = findings.map((f) => [f.id, f.severity, f.confidence, f.file, f.line, f.column, f.manualReview, f.status, f.reason, f.sample, f.url].map(csv).join(','))
  writeFileSync(reportPath, [header.join(','), ...rows].join('\n') + '\n')

  const unexplained = findings.filter((f) => f.status === 'UNEXPLAINED')
  const stale = allowlist.filter((_, i) => !used.has(i))
  const parseErrors = result.errors.filter((e) => !e.tolerable)

  console.log(`\nElectronegativity ${require('@doyensec/electronegativity/package.json').version} on src/ (Electron ${version}): ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${Date.now() - started} ms`)
  for (const f of findings) {
    const where = `${f.file}:${f.line}`
    const note = f.status === 'accepted' ? `accepted: ${f.reason}` : f.status === 'info' && f.manualReview ? 'review' : f.status
    console.log(`  ${f.severity.padEnd(13)} ${f.id.padEnd(34)} ${where.padEnd(34)} ${note}`)
  }
  const counts = Object.keys(order)
    .map((s) => [s, findings.filter((f) => f.severity === s).length])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
  console.log(`  ${findings.length} findings (${counts.join(', ') || 'none'}), ${findings.filter((f) => f.status === 'accepted').length} accepted; report: ${relative(root, reportPath)}`)

  let failed = false
  for (const e of result.errors.filter((e) => e.tolerable)) console.log(`  note: ${toRepoPath(e.file)}: ${e.message}`)
  for (const e of parseErrors) {
    console.error(`✗ ${toRepoPath(e.file)} could not be parsed, so it was not checked: ${e.message}`)
    failed = true
  }
  for (const f of unexplained) {
    console.error(`✗ ${f.severity} ${f.id} at ${f.file}:${f.line}: ${f.sample}\n    fix it, or explain it in ${relative(root, allowlistPath)} (${f.url})`)
    failed = true
  }
  for (const a of stale) {
    console.error(`✗ allowlist entry matches no finding any more (remove it): ${a.check} in ${a.file} at "${a.match}"`)
    failed = true
  }
  if (failed) {
    console.error('security:scan failed')
    process.exit(1)
  }
  console.log('security:scan passed: no unexplained HIGH or MEDIUM finding')
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
