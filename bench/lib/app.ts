/**
 * The real built app in the harness: its first start with an empty cache (the app's own sync store and
 * engine fill it), its heap afterwards, and the search box typed into key by key.
 *
 * Code that runs in the page is given as strings: this file is typechecked without the DOM library.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { heapAfterGc } from './browser'
import type { TypingTarget } from './queries'
import { median, percentile } from './stats'

export interface AppRun {
  page: Page
  syncMs: number
  heapMb: number
}

// Predicates for waitForFunction are functions: a string would be eval'd in the page, which the app's
// Content-Security-Policy forbids. Their globals are typed locally (no DOM library here).
interface PageGlobals {
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null }
  __bench?: { shownAt: number | null }
}
const syncIdle = () =>
  (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-state') === 'idle'
const targetShown = () => (globalThis as unknown as PageGlobals).__bench?.shownAt != null

/** Opens the app on an empty cache and waits until its own start-up sync is done. */
export async function openAppAndSync(context: BrowserContext, origin: string, fleet: number): Promise<AppRun> {
  const page = await context.newPage()
  const started = performance.now()
  await page.goto(`${origin}/`)
  await page.waitForFunction(syncIdle, null, { timeout: 300_000, polling: 50 })
  const syncMs = performance.now() - started
  const count = Number(
    await page.evaluate(`(async () => {
      const open = indexedDB.open('mini-backoffice-cache')
      const db = await new Promise((ok, ko) => { open.onsuccess = () => ok(open.result); open.onerror = () => ko(open.error) })
      const req = db.transaction('vehicles').objectStore('vehicles').count()
      const n = await new Promise((ok, ko) => { req.onsuccess = () => ok(req.result); req.onerror = () => ko(req.error) })
      db.close()
      return n
    })()`)
  )
  if (count !== fleet) throw new Error(`the app's cache holds ${count} vehicles after its start-up sync, expected ${fleet}`)
  return { page, syncMs, heapMb: await heapAfterGc(page) }
}

// In the app page: when each key went down, when the wanted VIN first appeared in the results table
// (a MutationObserver), and when the frame showing it was presented (after the next animation frame).
// Long input events (Event Timing API) show whether typing was ever blocked.
const INSTRUMENT = `(() => {
  if (window.__bench) return
  const s = (window.__bench = { keys: [], target: null, seenAt: null, shownAt: null, longest: 0 })
  document.addEventListener('keydown', () => s.keys.push(performance.now()), true)
  const check = () => {
    if (!s.target || s.seenAt !== null) return
    for (const cell of document.querySelectorAll('[data-testid="result-vin"]')) {
      if (cell.textContent === s.target) {
        s.seenAt = performance.now()
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => { s.shownAt = performance.now() }
          channel.port2.postMessage(0)
        })
        return
      }
    }
  }
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (['keydown', 'keypress', 'keyup', 'beforeinput', 'input'].includes(e.name)) s.longest = Math.max(s.longest, e.duration)
  }).observe({ type: 'event', durationThreshold: 16, buffered: true })
})()`

export interface TypingFigures {
  p50: number
  p95: number
  count: number
  maxInputEventMs: number
  samples: { kind: string; ms: number }[]
}

/**
 * Types each target's query into the search box at a fast typist's pace (40 ms between keys, so earlier
 * lookups are still running) and measures from the keystroke whose lookup listed the vehicle to the
 * frame showing it. The store drops results of superseded queries, so whatever appears after a keystroke
 * belongs to that keystroke's query. The first query is a warm-up (it mounts the results table).
 */
export async function measureTyping(page: Page, targets: TypingTarget[]): Promise<TypingFigures> {
  await page.evaluate(INSTRUMENT)
  const input = page.getByTestId('search-input')
  await input.waitFor({ timeout: 30_000 })
  const samples: { kind: string; ms: number }[] = []
  for (const [i, target] of [targets[0]!, ...targets].entries()) {
    await input.click()
    await input.fill('')
    await page.waitForTimeout(100)
    await page.evaluate(`(() => { const s = window.__bench; s.keys = []; s.target = ${JSON.stringify(target.vin)}; s.seenAt = null; s.shownAt = null; if (${i} === 1) s.longest = 0 })()`)
    await page.keyboard.type(target.text, { delay: 40 })
    await page.waitForFunction(targetShown, null, { timeout: 10_000, polling: 20 }).catch(() => {
      throw new Error(`typing "${target.text}" never listed ${target.vin}`)
    })
    const ms = Number(
      await page.evaluate(`(() => {
        const s = window.__bench
        const key = s.keys.filter((k) => k <= s.seenAt).pop()
        return s.shownAt - key
      })()`)
    )
    if (i > 0) samples.push({ kind: target.kind, ms })
  }
  const times = samples.map((s) => s.ms)
  return {
    p50: median(times),
    p95: percentile(times, 95),
    count: times.length,
    maxInputEventMs: Number(await page.evaluate('window.__bench.longest')),
    samples
  }
}
