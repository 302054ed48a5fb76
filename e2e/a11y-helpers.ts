import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, snapshot } from './fixtures'

/** axe-core's WCAG 2.2 A and AA rules (issue 13, "Accessible to every agent"). */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/**
 * The page as it is now passes every WCAG 2.2 A/AA rule of axe-core, with nothing excluded but fading toasts; a screenshot
 * is left beside the report either way, and each violation is listed with its elements.
 */
export async function expectAccessible(page: Page, name: string, options: { toasts?: boolean } = {}): Promise<void> {
  // Element Plus animates dialogs and menus in; colours are measured once they have settled.
  await page.waitForTimeout(400)
  // A spinner turns for ever: only animations that end are waited for.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))
  // A toast fades out on its own timer, which can start while axe measures it (on a slow machine it
  // measured a half-faded toast as grey). Toasts are checked where a spec holds one still under the pointer.
  const axe = new AxeBuilder({ page }).withTags(WCAG)
  const results = await (options.toasts ? axe : axe.exclude('.el-message')).analyze()
  await snapshot(page, `a11y-${name}`)
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} ${n.failureSummary?.split('\n').join(' ') ?? ''}`).join('\n')}`)
  expect(found, `${name}: axe violations`).toEqual([])
}
