import { fleet, test, expect, snapshot } from './fixtures'

/**
 * When main cannot be reached, lookups keep working from the offline copy and commands say clearly that
 * they cannot be sent. The harness transport is cut with Playwright's routing (the HTTP analogue of a
 * main process that does not answer).
 */
test('lookups work from the cache while main is unreachable; commands say they cannot be sent', async ({ app }) => {
  const r = fleet.records.find((x, i) => i > 20 && x.vehicle.sim === 'ACTIVE' && x.contract?.status === 'active')!
  await app.route('**/api/**', (route) => route.abort('connectionrefused'))

  await app.getByTestId('search-input').fill(r.vehicle.vin.slice(-7))
  await expect(app.getByTestId('result-vin').first()).toHaveText(r.vehicle.vin)
  await app.getByTestId('search-input').press('Enter')
  await expect(app.getByTestId('vehicle-vin')).toHaveText(r.vehicle.vin)

  await app.getByTestId('open-deactivate').click()
  const dialog = app.getByTestId('deactivate-dialog')
  await expect(dialog.getByTestId('caller-error')).toContainText('cannot be reached right now')
  await snapshot(app, 'offline-command')
  await dialog.getByTestId('cancel').click()

  await app.getByTestId('agent-menu').click()
  await app.getByTestId('rebuild-cache').click()
  await expect(app.getByTestId('offline-banner')).toBeVisible()
  await expect(app.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline')
  await snapshot(app, 'offline-banner')
  // The offline copy was not wiped by a rebuild that main could not serve.
  await app.getByTestId('search-input').fill(r.vehicle.vin)
  await expect(app.getByTestId('result-vin')).toHaveText([r.vehicle.vin])

  await app.unroute('**/api/**')
  await app.getByTestId('agent-menu').click()
  await app.getByTestId('rebuild-cache').click()
  await expect(app.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', { timeout: 20_000 })
  await expect(app.getByTestId('offline-banner')).toHaveCount(0)
})
