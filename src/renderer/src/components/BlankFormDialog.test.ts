import { afterEach, describe, expect, it } from 'vitest'
import { fakeMain, render, until } from '../testing/render'
import BlankFormDialog from './BlankFormDialog.vue'

afterEach(() => (document.body.innerHTML = ''))
const pdf = { fileName: 'withdrawal-form.pdf', pdfBase64: btoa('%PDF-1.7'), pages: 1, warnings: [] }

async function pick(dialog: HTMLElement, group: string, label: string): Promise<void> {
  const button = [...dialog.querySelectorAll<HTMLElement>(`[data-testid="${group}"] label`)].find((l) => l.textContent?.trim() === label)
  if (!button) throw new Error(`no ${label} in ${group}`)
  button.querySelector('input')!.click()
  await until(() => expect(button.classList.contains('is-active')).toBe(true))
}

describe('a blank withdrawal form from the UI (issue 13, defect 5)', () => {
  it('per market and contract, and per language where the market has several', async () => {
    URL.createObjectURL = () => 'blob:form'
    URL.revokeObjectURL = () => undefined
    const main = fakeMain({ formRender: pdf })
    await render(BlankFormDialog, { props: { modelValue: true, market: 'BE' } })
    const dialog = document.querySelector<HTMLElement>('[data-testid="blank-form-dialog"]')!
    await until(() => expect(dialog.querySelector('[data-testid="blank-form-language"]')).not.toBeNull())
    // Belgium: MINI Connected only, in French, Dutch or German.
    expect(dialog.querySelectorAll('[data-testid="blank-form-contract"] label')).toHaveLength(1)
    await pick(dialog, 'blank-form-language', 'Dutch')
    dialog.querySelector<HTMLButtonElement>('[data-testid="form-download"]')!.click()
    await until(() => expect(main.calls.filter((c) => c.method === 'formRender')).toHaveLength(1))
    expect(main.calls.find((c) => c.method === 'formRender')!.request).toEqual({ source: 'blank', market: 'BE', contract: 'connected', language: 'nl' })
  })

  it('Denmark offers the Service Inclusive form too, and names no language (the market has one)', async () => {
    URL.createObjectURL = () => 'blob:form'
    const main = fakeMain({ formRender: pdf })
    await render(BlankFormDialog, { props: { modelValue: true, market: 'DK' } })
    const dialog = document.querySelector<HTMLElement>('[data-testid="blank-form-dialog"]')!
    await until(() => expect(dialog.querySelectorAll('[data-testid="blank-form-contract"] label')).toHaveLength(2))
    expect(dialog.querySelector('[data-testid="blank-form-language"]')).toBeNull()
    await pick(dialog, 'blank-form-contract', 'MINI Service Inclusive')
    dialog.querySelector<HTMLButtonElement>('[data-testid="form-download"]')!.click()
    await until(() => expect(main.calls.find((c) => c.method === 'formRender')?.request).toEqual({ source: 'blank', market: 'DK', contract: 'service-inclusive' }))
  })
})
