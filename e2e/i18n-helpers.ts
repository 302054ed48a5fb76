import type { Page } from '@playwright/test'
import { withdrawalInput } from '../src/shared/domain/withdrawal-input'
import type { VehicleDoc } from '../src/shared/ipc/schemas'
import { assessWithdrawal, type Market } from '../src/shared/rules'
import { HARNESS_TODAY } from './env'
import { expect, fleet } from './fixtures'

/** Helpers of the language specs: the demo fleet's vehicles as documents, and the agent menu's language choice. */
export const record = (i: number) => fleet.records[i]!
export const customerOf = (i: number) => fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!

function doc(i: number): VehicleDoc {
  const r = record(i)
  return { ...r.vehicle, shortVin: r.vehicle.vin.slice(-7), customer: customerOf(i), contract: r.contract, purchases: r.purchases, simCommand: null, cases: [], rev: 1 }
}

/**
 * The `skip`+1-th vehicle past the showcases whose purchase a consumer can still withdraw from with money
 * back, decided by the same rules the app uses, so each spec can take its own.
 */
export function withdrawablePurchase(market: Market, skip = 0): { index: number; purchaseId: string; refund: number } {
  let seen = 0
  for (let i = 20; i < fleet.records.length; i++) {
    if (record(i).vehicle.market !== market || record(i).contract?.status !== 'active') continue
    for (const p of record(i).purchases.filter((x) => x.status === 'active')) {
      const details = { vin: record(i).vehicle.vin, subject: 'purchase' as const, purchaseId: p.id, noticeChannel: 'email' as const, noticeSentAt: HARNESS_TODAY, noticeReceivedAt: HARNESS_TODAY, consumers: ['x'], address: 'y', startRequested: false }
      const mapped = withdrawalInput(doc(i), details, null)
      if (!mapped.ok) continue
      const a = assessWithdrawal(mapped.input)
      if (a.eligible && a.refund > 0 && seen++ === skip) return { index: i, purchaseId: p.id, refund: a.refund }
    }
  }
  throw new Error(`no withdrawable ${market} purchase in the demo fleet`)
}

/** Switches the UI language from the agent menu, as an agent would, and checks the page was not reloaded. */
export async function chooseLanguage(app: Page, locale: string): Promise<void> {
  const before = await app.evaluate(() => performance.timeOrigin)
  await app.getByTestId('agent-menu').click()
  await app.getByTestId(`language-${locale}`).click()
  await expect(app.locator('html')).toHaveAttribute('lang', locale)
  expect(await app.evaluate(() => performance.timeOrigin)).toBe(before)
}
