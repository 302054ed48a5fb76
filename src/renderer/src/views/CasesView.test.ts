import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WithdrawalCaseDoc } from '@shared/ipc/schemas'
import { clearCache, fakeMain, putInCache, render, until, vehicleDoc } from '../testing/render'
import CasesView from './CasesView.vue'

const vehicle = vehicleDoc(3)
const openCase: WithdrawalCaseDoc = {
  id: 'WD-2026-000007', vin: vehicle.vin, subject: 'connected', purchaseId: null, contractKind: 'connected', source: 'agent', decision: 'accepted', status: 'refund-due',
  noticeChannel: 'email', noticeSentAt: '2026-11-20', noticeReceivedAt: '2026-11-21', consumers: ['Åsa Bäckström'], address: 'Storgatan 1', currency: 'SEK', price: 299_000, paid: 299_000,
  charge: 0, refund: 299_000, refundDueBy: '2026-12-07', deadline: '2026-12-07', refusal: null, note: null, consumerLanguage: 'sv', createdAt: '2026-11-21T10:00:00Z', createdByName: 'Hanna Hotline',
  closedAt: null, refundPaid: 0, payments: []
}

beforeEach(async () => {
  fakeMain({})
  await clearCache()
  await putInCache([{ ...vehicle, cases: [openCase] }])
})
afterEach(() => (document.body.innerHTML = ''))

describe('the case list by keyboard (WCAG 2.1.1)', () => {
  it('each case is a link that Tab reaches and Enter opens', async () => {
    const { wrapper, router } = await render(CasesView, { route: '/cases' })
    await until(() => expect(wrapper.find('[data-testid="case-row-id"]').exists()).toBe(true))
    const link = wrapper.get('[data-testid="case-row-id"]')
    expect(link.element.tagName).toBe('A')
    expect(link.attributes('href')).toContain(`/vehicle/${vehicle.vin}/case/${openCase.id}`)
    await link.trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('case'))
  })
})
