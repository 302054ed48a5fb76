import { fleet, test, expect, snapshot } from './fixtures'

const showcase = (index: number) => fleet.records[index]!
const customerOf = (index: number) => fleet.customers.find((c) => c.id === showcase(index).vehicle.customerId)!

test.describe('vehicle lookup', () => {
  test('search is focused at start, and a full VIN opens its card with Enter', async ({ app }) => {
    const { vehicle } = showcase(2)
    const box = app.getByTestId('search-input')
    await expect(box).toBeFocused()
    await snapshot(app, 'search-empty')
    await box.fill(vehicle.vin)
    await expect(app.getByTestId('result-vin')).toHaveCount(1)
    await box.press('Enter')
    await expect(app.getByTestId('vehicle-vin')).toHaveText(vehicle.vin)
  })

  test('a VIN typed in lower case with spaces and dashes is still found', async ({ app }) => {
    const { vin } = showcase(5).vehicle
    const typed = `${vin.slice(0, 3)} ${vin.slice(3, 9)}-${vin.slice(9)}`.toLowerCase()
    await app.getByTestId('search-input').fill(typed)
    await expect(app.getByTestId('result-vin')).toHaveText([vin])
  })

  test('the last 7 of a VIN lists every vehicle that shares them', async ({ app }) => {
    const a = showcase(0).vehicle.vin
    const b = showcase(1).vehicle.vin
    expect(a.slice(-7)).toBe(b.slice(-7))
    await app.getByTestId('search-input').fill(a.slice(-7))
    const vins = app.getByTestId('result-vin')
    await expect(vins).toHaveCount(2)
    expect((await vins.allInnerTexts()).sort()).toEqual([a, b].sort())
    await expect(app.getByTestId('result-summary')).toContainText('2 vehicles match')
    await snapshot(app, 'search-short-vin')
  })

  test('a plate is found however it is typed', async ({ app }) => {
    const record = fleet.records.find((r) => r.vehicle.market === 'DK' && r.vehicle.plate)!
    const plate = record.vehicle.plate!
    await app.getByTestId('search-input').fill(plate.replace(/\s/g, '').toLowerCase())
    await expect(app.getByTestId('result-vin').first()).toHaveText(record.vehicle.vin)
  })

  test('a customer name matches without its accents and by the start of each word', async ({ app }) => {
    const vin = showcase(0).vehicle.vin
    await app.getByTestId('search-input').fill('soren osterg')
    await expect(app.getByTestId('result-vin')).toContainText([vin])
    await app.getByTestId('search-input').fill('Søren Ærø Østergård')
    await expect(app.getByTestId('result-vin')).toContainText([vin])
  })

  test('the vehicle card shows everything an agent needs, and Esc goes back', async ({ app }) => {
    const { vehicle, contract, purchases } = showcase(2)
    const customer = customerOf(2)
    await app.getByTestId('search-input').fill(vehicle.vin.slice(-7))
    await app.getByTestId('result-vin').first().click()
    const card = app.getByTestId('vehicle-card')
    await expect(card).toBeVisible()
    await expect(app.getByTestId('vehicle-vin')).toHaveText(vehicle.vin)
    await expect(app.getByTestId('vehicle-model')).toHaveText(vehicle.model)
    await expect(app.getByTestId('vehicle-market')).toHaveText('Denmark')
    await expect(app.getByTestId('vehicle-plate')).toHaveText(vehicle.plate!)
    for (const code of vehicle.equipment) await expect(app.getByTestId('equipment')).toContainText(code)
    await expect(app.getByTestId('legal-ecall')).toHaveAttribute('data-value', 'yes')
    await expect(app.getByTestId('ecall-evidence')).toContainText('6AF')
    await expect(app.getByTestId('sim-state')).toHaveAttribute('data-state', vehicle.sim)
    await expect(app.getByTestId('contract-status')).toHaveText('Active')
    expect(contract?.customer).toBe('consumer')
    await expect(app.getByTestId('customer-name')).toHaveText(`${customer.firstName} ${customer.lastName}`)
    await expect(app.getByTestId('customer-address')).toContainText(customer.street)
    await expect(app.getByTestId('customer-address')).toContainText(customer.city)
    for (const p of purchases) await expect(app.getByTestId('purchases')).toContainText(p.name)
    await snapshot(app, 'vehicle-card')
    await app.keyboard.press('Escape')
    await expect(app.getByTestId('vehicle-card')).toBeHidden()
    await expect(app.getByTestId('result-vin').first()).toBeVisible()
  })

  test('a vehicle without legal eCall says so, with the evidence looked at', async ({ app }) => {
    const { vehicle } = showcase(4)
    await app.getByTestId('search-input').fill(vehicle.vin)
    await app.getByTestId('search-input').press('Enter')
    await expect(app.getByTestId('legal-ecall')).toHaveAttribute('data-value', 'no')
    await expect(app.getByTestId('ecall-evidence')).toContainText('no 6AF, 6FP or 6UM')
  })

  test('a vehicle not handed over shows it is still at the dealer', async ({ app }) => {
    const { vehicle } = showcase(0)
    await app.getByTestId('search-input').fill(vehicle.vin)
    await app.getByTestId('search-input').press('Enter')
    await expect(app.getByTestId('handover')).toContainText('Not handed over')
    await expect(app.getByTestId('first-registration')).toContainText('Not registered')
  })

  test('Ctrl+K brings the focus back to the search box from a card', async ({ app }) => {
    await app.getByTestId('search-input').fill(showcase(3).vehicle.vin)
    await app.getByTestId('search-input').press('Enter')
    await expect(app.getByTestId('vehicle-card')).toBeVisible()
    await app.getByTestId('vehicle-model').click()
    await expect(app.getByTestId('search-input')).not.toBeFocused()
    await app.keyboard.press('Control+k')
    await expect(app.getByTestId('search-input')).toBeFocused()
  })
})

test.describe('invalid VINs', () => {
  const base = () => showcase(2).vehicle.vin

  test('the letter O says which position and suggests 0', async ({ app }) => {
    const typed = base().slice(0, 4) + 'O' + base().slice(5)
    await app.getByTestId('search-input').fill(typed)
    await expect(app.getByTestId('vin-problem')).toContainText('O at position 5')
    await expect(app.getByTestId('vin-problem')).toContainText('0')
    await snapshot(app, 'search-invalid-vin')
  })

  test('I and Q are refused too, never auto-corrected', async ({ app }) => {
    for (const letter of ['I', 'Q']) {
      await app.getByTestId('search-input').fill(base().slice(0, 10) + letter + base().slice(11))
      await expect(app.getByTestId('vin-problem')).toContainText(`${letter} at position 11`)
      await expect(app.getByTestId('result-vin')).toHaveCount(0)
    }
  })

  test('a VIN of the wrong length says how long it was', async ({ app }) => {
    await app.getByTestId('search-input').fill(base().slice(0, 16))
    await expect(app.getByTestId('vin-problem')).toContainText('16')
    await app.getByTestId('search-input').fill(base() + '9')
    await expect(app.getByTestId('vin-problem')).toContainText('18')
  })

  test('a character that is not a letter or digit is named, and the app keeps working', async ({ app }) => {
    await app.getByTestId('search-input').fill(base().slice(0, 8) + '*' + base().slice(9))
    await expect(app.getByTestId('vin-problem')).toContainText('"*" at position 9')
    await app.getByTestId('search-input').fill(base().slice(0, 8) + 'Ä' + base().slice(9))
    await expect(app.getByTestId('vin-problem')).toContainText('position 9')
    await app.getByTestId('search-input').fill(base())
    await expect(app.getByTestId('result-vin')).toHaveText([base()])
    await expect(app.getByTestId('vin-problem')).toHaveCount(0)
  })
})
