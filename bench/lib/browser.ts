/**
 * Debian's Chromium driven by playwright-core, the way the e2e harness project launches it, with a
 * persistent on-disk profile in a temporary folder: IndexedDB then lives on disk as in the Electron app
 * (an incognito context would keep it in memory and flatter every figure).
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { chromiumPath } from '../../e2e/env'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export interface BenchBrowser {
  context: BrowserContext
  version: string
  close(): Promise<void>
}

/**
 * A browser with its own fresh profile (empty IndexedDB), signed in to the harness session `session`:
 * the harness keys sessions by this cookie, so profiles given the same value share one signed-in agent.
 */
export async function launchBrowser(origin: string, session: string = randomUUID()): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'mini-bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1360, height: 900 }
  })
  // The harness lets a page call the backend only with its page cookie (harness_page), which it sets when it serves
  // the app's index.html. The bench page is another file of the same origin: give the profile a session.
  await context.addCookies([{ name: 'harness_page', value: session, url: origin, httpOnly: true, sameSite: 'Strict' }])
  const version = context.browser()?.version() ?? (await probeVersion(context))
  return {
    context,
    version,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    }
  }
}

async function probeVersion(context: BrowserContext): Promise<string> {
  const page = context.pages()[0] ?? (await context.newPage())
  const ua = await page.evaluate('navigator.userAgent')
  return String(/Chrome\/([\d.]+)/.exec(String(ua))?.[1] ?? 'unknown')
}

/** The renderer's JS heap in MB after a full garbage collection (CDP, as DevTools measures it). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = await cdp.send('Runtime.getHeapUsage')
    return usage.usedSize / (1024 * 1024)
  } finally {
    await cdp.detach()
  }
}
