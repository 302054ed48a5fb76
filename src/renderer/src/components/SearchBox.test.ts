import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useSearchStore } from '../stores/search'
import { clearCache, fakeMain, putInCache, render, until, vehicleDoc } from '../testing/render'
import SearchBox from './SearchBox.vue'

/** Issue 13, defect 1: Enter opened the first row, not the one selected with ↑/↓. */
const mette = vehicleDoc(2)
const niels = vehicleDoc(2, { vin: 'WMW11DK0X02T99887', shortVin: 'T99887'.padStart(7, '2'), plate: null, customer: { ...mette.customer, id: 'C-NIELS', firstName: 'Niels', customerNumber: '99887766' } })

beforeEach(async () => {
  fakeMain({})
  await clearCache()
  await putInCache([mette, niels])
})
afterEach(() => (document.body.innerHTML = ''))

async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
}
const press = (input: HTMLInputElement, key: string) => input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))

describe('the search box and the keyboard', () => {
  it('Enter opens the row selected with ↓, not the first one', async () => {
    const { wrapper, router } = await render(SearchBox)
    const input = wrapper.get<HTMLInputElement>('[data-testid="search-input"]').element
    const search = useSearchStore()
    await type(input, 'kjaer')
    await until(() => expect(search.outcome.results).toHaveLength(2))
    press(input, 'ArrowDown')
    const selected = search.outcome.results[1]!.vin
    expect(search.selected).toBe(1)
    press(input, 'Enter')
    await until(() => expect(router.currentRoute.value.params['vin']).toBe(selected))
  })

  it('Enter pressed before the last keystroke’s results are in opens what that query finds, first row', async () => {
    const { wrapper, router } = await render(SearchBox)
    const input = wrapper.get<HTMLInputElement>('[data-testid="search-input"]').element
    await type(input, niels.vin)
    press(input, 'Enter')
    await until(() => expect(router.currentRoute.value.params['vin']).toBe(niels.vin))
  })
})
