import { field, fleet, test, expect, openVehicle, snapshot } from './fixtures'
import { chooseLanguage, customerOf, record, withdrawablePurchase } from './i18n-helpers'
import { HARNESS_TODAY } from './env'

/**
 * The agents' languages through the real UI and backend (issue 12): a SIM deactivation by a Danish
 * agent, a withdrawal by a Portuguese one, and amounts typed the Danish way (issue 13, defect 2). Each
 * test uses vehicles past the showcases that no other spec touches.
 */
test.describe('a Danish agent', () => {
  test('deactivates a SIM in Danish: the dialog, the read-outs, the confirmation and the card speak Danish', async ({ app }) => {
    const index = fleet.records.findIndex((r, i) => i > 40 && r.vehicle.market === 'DK' && r.vehicle.sim === 'ACTIVE' && r.contract?.status === 'active' && r.vehicle.handedOverAt && ['6AF', '6FP', '6UM'].some((c) => r.vehicle.equipment.includes(c)))
    const c = customerOf(index)
    await chooseLanguage(app, 'da')
    await openVehicle(app, index)
    await expect(app).toHaveTitle(`Køretøj ${record(index).vehicle.vin} · MINI Back Office`)
    await expect(app.getByTestId('vehicle-market')).toHaveText('Danmark')
    await expect(app.getByTestId('customer-language')).toHaveText('dansk')
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByText(`Deaktiver SIM-kort · ${record(index).vehicle.vin}`)).toBeVisible()
    await expect(dialog.getByTestId('target-state')).toHaveText('Kun Legal eCall')
    await expect(dialog.getByTestId('keeps')).toContainText('Legal eCall fra EU')
    await expect(dialog.getByTestId('contract-effect')).toContainText('Denne anmodning opsiger MINI Connected-kontrakten med virkning fra 21. dec. 2026.')
    // Read out in the customer's language, which is the agent's: one column, GTC 8.7's own words.
    const readOuts = dialog.getByTestId('warnings')
    await expect(readOuts).toHaveAttribute('data-customer-language', 'da')
    await expect(readOuts.getByTestId('read-out-agent')).toHaveCount(0)
    await expect(readOuts).toContainText('Intelligent eCall (opkaldet til MINI’s callcenter) virker derfor ikke længere.')
    await expect(readOuts).toContainText('suspenderes uden refusion')
    await expect(readOuts).toContainText('ophører den 21. december 2026')
    await expect(dialog.getByTestId('clauses')).toContainText('8.7')
    await expect(dialog.getByTestId('clauses')).not.toContainText('D12')

    const panel = dialog.getByTestId('caller-check')
    await expect(panel.getByText('Bed opkalderen om fornavn og efternavn')).toBeVisible()
    await field(panel, 'caller-first-name').fill(c.firstName!)
    await field(panel, 'caller-last-name').fill(c.lastName!)
    await field(panel, 'caller-vin').fill(record(index).vehicle.vin)
    await panel.getByText('Postnummer', { exact: true }).click()
    await field(panel, 'caller-fact').fill(c.postcode)
    await panel.getByTestId('caller-verify').click()
    await expect(dialog.getByTestId('caller-verified')).toContainText('Opkalderen er kontrolleret')
    await dialog.getByTestId('read-out').click()
    await snapshot(app, 'da-dialog-deactivate')
    await expect(dialog.getByTestId('confirm')).toHaveText('Begræns SIM-kortet til Legal eCall')
    await dialog.getByTestId('confirm').click()
    await expect(app.getByText('Sendt til køretøjet.')).toBeVisible()
    await expect(app.getByTestId('sim-command')).toHaveAttribute('data-status', 'confirmed', { timeout: 15_000 })
    await expect(app.getByTestId('sim-command')).toContainText('Bekræftet af køretøjet')
    await expect(app.getByTestId('contract-status')).toHaveText(/^Opsigelse anmodet \d{1,2}\. [a-z]{3}\. \d{4}, får virkning 21\. dec\. 2026$/)
    await expect(app.getByTestId('contract-status')).toHaveAttribute('data-status', 'active')
    await snapshot(app, 'da-card-after-deactivation')
  })

  test('reads out to a Portuguese customer in Portuguese, beside the Danish', async ({ app }) => {
    // A PT vehicle without legal eCall: every emergency call is lost (RULES.md §3).
    const index = fleet.records.findIndex((r, i) => i > 40 && r.vehicle.market === 'PT' && r.vehicle.sim === 'ACTIVE' && r.contract?.status === 'active' && r.vehicle.euEcall !== true && !r.vehicle.legalMapData && !['6AF', '6FP', '6UM'].some((c) => r.vehicle.equipment.includes(c)))
    await chooseLanguage(app, 'da')
    await openVehicle(app, index)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    const readOuts = dialog.getByTestId('warnings')
    await expect(readOuts).toHaveAttribute('data-customer-language', 'pt')
    await expect(readOuts).toContainText('På kundens sprog (portugisisk)')
    await expect(readOuts.getByTestId('read-out-customer').first()).toContainText('a chamada de emergência no veículo deixará de funcionar')
    await expect(readOuts.getByTestId('read-out-agent').first()).toContainText('virker nødopkaldet i køretøjet ikke længere')
    await expect(dialog.getByTestId('ack-question')).toContainText('Confirma que pretende a desativação do cartão SIM')
    await expect(dialog.getByTestId('ack-question-agent')).toContainText('Bekræfter du')
    await snapshot(app, 'da-dialog-deactivate-pt-customer')
    await dialog.getByTestId('cancel').click()
  })

  test('types amounts the Danish way: 500,25 is recorded as 500,25 kr., more than is owed is refused', async ({ app }) => {
    const { index, purchaseId, refund: owedAtFirst } = withdrawablePurchase('DK')
    const purchase = record(index).purchases.find((p) => p.id === purchaseId)!
    await chooseLanguage(app, 'da')
    await openVehicle(app, index)
    await app.getByTestId('open-withdrawal').click()
    const dialog = app.getByTestId('withdrawal-dialog')
    await dialog.getByTestId('withdrawal-subject').click()
    await app.getByRole('option', { name: new RegExp(purchase.name) }).click()
    await expect(dialog.getByTestId('withdrawal-verdict')).toHaveText('Fortrydelsen er gyldig')
    await dialog.getByTestId('withdrawal-save').click()
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'refund-due')

    await app.getByTestId('open-refund').click()
    const refund = app.getByTestId('refund-dialog')
    const amount = field(refund, 'refund-amount')
    // Typed key by key, as a person types (a number-only input would not even take the comma).
    await amount.fill('')
    await amount.pressSequentially('500,25')
    await expect(refund.getByTestId('refund-amount-hint')).toHaveText('Registreres som 500,25 kr.')
    // Leaving the field (as Tab does) keeps the amount: it used to become the full amount owed.
    await amount.blur()
    await expect(amount).toHaveValue('500,25')
    await snapshot(app, 'da-refund-amount')
    await refund.getByTestId('refund-save').click()
    await expect(app.getByTestId('case-refund-paid')).toContainText('500,25 kr.')
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'refund-due')

    const remaining = owedAtFirst - 50_025
    const owed = new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' }).format(remaining / 100)
    await app.getByTestId('open-refund').click()
    await amount.fill('')
    await amount.pressSequentially('7000')
    await amount.blur()
    await expect(amount).toHaveValue('7000')
    await expect(refund.getByTestId('refund-amount-hint')).toHaveText(`Det er mere end de ${owed}, der stadig skyldes. Angiv højst ${owed}.`)
    await expect(refund.getByTestId('refund-save')).toBeDisabled()
    await snapshot(app, 'da-refund-more-than-owed')
    await refund.getByText('Annuller').click()
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'refund-due')
  })
})

test.describe('a Portuguese agent', () => {
  test('records a withdrawal in Portuguese: assessment, read-outs, the case and its timeline', async ({ app }) => {
    const { index, purchaseId } = withdrawablePurchase('PT')
    const purchase = record(index).purchases.find((p) => p.id === purchaseId)!
    await chooseLanguage(app, 'pt-PT')
    await openVehicle(app, index)
    await expect(app.getByTestId('vehicle-market')).toHaveText('Portugal')
    await app.getByTestId('open-withdrawal').click()
    const dialog = app.getByTestId('withdrawal-dialog')
    await expect(dialog.getByText(`Registar uma livre resolução · ${record(index).vehicle.vin}`)).toBeVisible()
    // The notice is dated main's today (the harness's fixed date), not this computer's.
    await expect(field(dialog, 'withdrawal-sent')).toHaveValue(HARNESS_TODAY)
    await dialog.getByTestId('withdrawal-subject').click()
    await app.getByRole('option', { name: new RegExp(purchase.name) }).click()
    await expect(dialog.getByTestId('withdrawal-verdict')).toHaveText('A livre resolução é válida')
    // The longest Portuguese checkbox label stays in the form's column, clear of the assessment beside it.
    const label = await dialog.getByTestId('withdrawal-start-requested').boundingBox()
    const assessment = await dialog.getByTestId('withdrawal-assessment').boundingBox()
    expect(label!.x + label!.width).toBeLessThanOrEqual(assessment!.x)
    await expect(dialog.getByTestId('withdrawal-in-time')).toHaveText('Sim')
    await expect(dialog.getByTestId('withdrawal-charge')).toContainText('o início não foi pedido: nada é devido')
    const readOuts = dialog.getByTestId('withdrawal-read-outs')
    await expect(readOuts).toHaveAttribute('data-customer-language', 'pt')
    await expect(readOuts).toContainText(`Exerce o seu direito de livre resolução relativamente a ${purchase.name}`)
    await expect(readOuts).toContainText('ser-lhe-á reembolsado até')
    await expect(readOuts.getByTestId('read-out-agent')).toHaveCount(0)
    await snapshot(app, 'pt-dialog-withdrawal')
    await expect(dialog.getByTestId('withdrawal-save')).toHaveText('Aceitar a livre resolução')
    await dialog.getByTestId('withdrawal-save').click()

    await expect(app.getByTestId('case-view')).toBeVisible()
    await expect(app).toHaveTitle(/^Processo WD-\d{4}-\d{6} · MINI Back Office$/)
    await expect(app.getByTestId('case-status')).toHaveText('Reembolso em dívida')
    await expect(app.getByTestId('case-decision')).toHaveText('Aceite')
    await expect(app.getByTestId('case-timeline')).toContainText('Livre resolução registada')
    await expect(app.getByText('Ainda em dívida', { exact: true })).toBeVisible()
    await snapshot(app, 'pt-case-page')
  })
})
