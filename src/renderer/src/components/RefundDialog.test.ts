import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WithdrawalCaseDoc } from '@shared/ipc/schemas'
import { i18n, setLocale, type UiLocale } from '../i18n'
import RefundDialog from './RefundDialog.vue'

/**
 * Issue 13, defect 2: money inputs changed the amount. `500,25` showed `50025` and became the full amount
 * owed on Tab; `7000` against 6 995 owed was silently recorded as 6 995.00 and closed the case.
 */
const refundCase: WithdrawalCaseDoc = {
  id: 'WD-2026-000042',
  vin: 'WMW11DK0X02T12345',
  subject: 'purchase',
  purchaseId: 'P-1',
  contractKind: 'service-inclusive',
  source: 'agent',
  decision: 'accepted',
  status: 'refund-due',
  noticeChannel: 'email',
  noticeSentAt: '2026-11-20',
  noticeReceivedAt: '2026-11-21',
  consumers: ['Mette Kjær'],
  address: 'Nørregade 1\n1165 København K\nDK',
  currency: 'DKK',
  price: 699_500,
  paid: 699_500,
  charge: 0,
  refund: 699_500,
  refundDueBy: '2026-12-07',
  deadline: '2026-11-30',
  refusal: null,
  note: null,
  consumerLanguage: 'da',
  createdAt: '2026-11-21T10:00:00Z',
  createdByName: 'Hotline',
  closedAt: null,
  refundPaid: 0,
  payments: []
}

let sent: { amount: number }[] = []
let wrapper: VueWrapper | null = null

beforeEach(() => {
  sent = []
  setActivePinia(createPinia())
  window.api = {
    refundRecord: async (request: { amount: number }) => {
      sent.push(request)
      return { ok: true, data: { case: { ...refundCase, refundPaid: request.amount } } }
    }
  } as unknown as typeof window.api
})
afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  await setLocale('en')
})

async function openDialog(locale: UiLocale): Promise<HTMLElement> {
  await setLocale(locale)
  wrapper = mount(RefundDialog, { props: { case: refundCase, modelValue: true }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return document.querySelector<HTMLElement>('[data-testid="refund-dialog"]')!
}

function amountInput(dialog: HTMLElement): HTMLInputElement {
  return dialog.querySelector<HTMLInputElement>('input[data-testid="refund-amount"], [data-testid="refund-amount"] input')!
}

/** Types like an agent: the text, then Tab away (blur and change). */
async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.focus()
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
  input.dispatchEvent(new Event('change', { bubbles: true }))
  input.dispatchEvent(new FocusEvent('blur'))
  await flushPromises()
}

async function save(dialog: HTMLElement): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('[data-testid="refund-save"]')!.click()
  await flushPromises()
}

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ')

describe('refund amount (issue 13, defect 2)', () => {
  it('a Danish agent types 500,25: the input keeps it, says what will be recorded, and 500,25 kr. is sent', async () => {
    const dialog = await openDialog('da')
    const input = amountInput(dialog)
    await type(input, '500,25')
    expect(input.value).toBe('500,25')
    expect(plain(dialog.textContent)).toContain('500,25 kr.')
    await save(dialog)
    expect(sent.map((r) => r.amount)).toEqual([50_025])
  })

  it('a German agent types 1.234,5 and an English agent 1,234.5: the same 1 234.50', async () => {
    for (const [locale, text] of [['de', '1.234,5'], ['en', '1,234.5']] as const) {
      sent = []
      const dialog = await openDialog(locale)
      await type(amountInput(dialog), text)
      await save(dialog)
      expect(sent.map((r) => r.amount), locale).toEqual([123_450])
      wrapper?.unmount()
      document.body.innerHTML = ''
    }
  })

  it('more than is owed is refused with a clear message before anything is sent', async () => {
    const dialog = await openDialog('en')
    await type(amountInput(dialog), '7000')
    expect(amountInput(dialog).value).toBe('7000')
    expect(plain(dialog.textContent)).toContain('more than the DKK 6,995.00 still owed')
    expect(dialog.querySelector<HTMLButtonElement>('[data-testid="refund-save"]')!.disabled).toBe(true)
    await save(dialog)
    expect(sent).toEqual([])
  })

  it('an amount the locale cannot read is refused, never reinterpreted (500.25 for a Danish agent)', async () => {
    const dialog = await openDialog('da')
    await type(amountInput(dialog), '500.25')
    // The message shows how to write an amount in Danish.
    expect(plain(dialog.querySelector('[data-testid="refund-amount-hint"]')?.textContent)).toContain('1.234,50')
    expect(dialog.querySelector<HTMLButtonElement>('[data-testid="refund-save"]')!.disabled).toBe(true)
    await save(dialog)
    expect(sent).toEqual([])
  })

  it('the amount offered at first is the full amount still owed, written the agent’s way', async () => {
    const dialog = await openDialog('da')
    expect(plain(amountInput(dialog).value)).toBe('6.995,00')
    await save(dialog)
    expect(sent.map((r) => r.amount)).toEqual([699_500])
  })
})

describe('keyboard (issue 13, defect 10)', () => {
  const until = async (check: () => void) => {
    for (let i = 0; ; i++) {
      await flushPromises()
      try {
        return check()
      } catch (error) {
        if (i > 200) throw error
        await new Promise((r) => setTimeout(r, 20))
      }
    }
  }

  it('opens with the focus on the amount', async () => {
    const dialog = await openDialog('en')
    await until(() => expect(document.activeElement).toBe(amountInput(dialog)))
  })

  it('Enter in a field records the payment', async () => {
    const dialog = await openDialog('en')
    const input = amountInput(dialog)
    input.focus()
    input.value = '250'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }))
    await until(() => expect(sent.map((r) => r.amount)).toEqual([25_000]))
  })
})
