import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useSearchStore } from '../stores/search'
import { SEARCH_FIRST_ROWS } from '../search-rows'
import { clearCache, fakeMain, plain, putInCache, render, until, vehicleDoc } from '../testing/render'
import SearchView from './SearchView.vue'

const mette = vehicleDoc(2)
const niels = vehicleDoc(2, { vin: 'WMW11DK0X02T99887', shortVin: '2T99887', plate: null, customer: { ...mette.customer, id: 'C-NIELS', firstName: 'Niels', customerNumber: '99887766' } })

beforeEach(async () => {
  fakeMain({})
  await clearCache()
  await putInCache([mette, niels])
})
afterEach(() => (document.body.innerHTML = ''))

describe('the search results table', () => {
  it('lists each match with its columns under named headers', async () => {
    const { wrapper } = await render(SearchView)
    await useSearchStore().setQuery('kjaer')
    await until(() => expect(wrapper.findAll('[data-testid="result-row"]')).toHaveLength(2))
    const headers = wrapper.findAll('[data-testid="results"] th')
    expect(headers.map((h) => h.attributes('scope'))).toEqual(Array(6).fill('col'))
    expect(headers.map((h) => plain(h.text()))).toEqual(['VIN', 'Plate', 'Model', 'Market', 'Customer', 'SIM'])
    const nielsRow = wrapper.findAll('[data-testid="result-row"]').find((r) => r.text().includes(niels.vin.slice(10)))!
    expect(plain(nielsRow.text())).toContain('Niels')
    expect(nielsRow.findAll('td')[1]!.text()).toBe('—')
    expect(nielsRow.get('[data-testid="result-vin"]').attributes('href')).toContain(`/vehicle/${niels.vin}`)
  })

  it('marks the row chosen with ↑/↓ for screen readers, not only by colour, and follows the selection', async () => {
    const { wrapper } = await render(SearchView)
    const search = useSearchStore()
    await search.setQuery('kjaer')
    await until(() => expect(wrapper.findAll('[data-testid="result-row"]')).toHaveLength(2))
    const marks = () => wrapper.findAll('[data-testid="result-row"]').map((r) => r.attributes('aria-selected'))
    expect(marks()).toEqual(['true', 'false'])
    search.move(1)
    await until(() => expect(marks()).toEqual(['false', 'true']))
    expect(wrapper.findAll('[data-testid="result-row"]')[1]!.classes()).toContain('is-selected')
  })

  it('opens the vehicle when its row is clicked anywhere', async () => {
    const { wrapper, router } = await render(SearchView)
    await useSearchStore().setQuery(niels.vin)
    await until(() => expect(wrapper.findAll('[data-testid="result-row"]')).toHaveLength(1))
    await wrapper.get('[data-testid="result-row"] td:nth-child(3)').trigger('click')
    await until(() => expect(router.currentRoute.value.params['vin']).toBe(niels.vin))
  })

  it('says so when nothing matches', async () => {
    const { wrapper } = await render(SearchView)
    await useSearchStore().setQuery('zzzzqx')
    await until(() => expect(plain(wrapper.get('[data-testid="results"]').text())).toContain('No vehicle matches'))
    expect(wrapper.findAll('[data-testid="result-row"]')).toHaveLength(0)
  })

  it(`renders the first ${SEARCH_FIRST_ROWS} rows while typing and the rest on request`, async () => {
    const many = Array.from({ length: SEARCH_FIRST_ROWS + 3 }, (_, i) =>
      vehicleDoc(2, { vin: `WMW11DK0X02T${String(70000 + i)}`, shortVin: `2T${String(70000 + i)}`, customer: { ...mette.customer, id: `C-${i}`, customerNumber: `5500${i}` } })
    )
    await putInCache(many)
    const { wrapper } = await render(SearchView)
    await useSearchStore().setQuery('kjaer')
    await until(() => expect(wrapper.findAll('[data-testid="result-row"]')).toHaveLength(SEARCH_FIRST_ROWS))
    await wrapper.get('[data-testid="show-all-results"]').trigger('click')
    await until(() => expect(wrapper.findAll('[data-testid="result-row"]')).toHaveLength(many.length + 2))
  })
})
