import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AGENTS, clearCache, fakeMain, putInCache, render, vehicleDoc } from '../testing/render'
import SearchBox from '../components/SearchBox.vue'
import { useSearchStore } from './search'
import { useSessionStore } from './session'

/**
 * The key completing a VIN or its last 7 shows the vehicle in the same task as the key (cache/read-ahead.ts):
 * the results are on the page before the browser paints the keystroke.
 */
const target = vehicleDoc(4, { vin: 'WMW11DK0X02045678', shortVin: '2045678' })
const twin = vehicleDoc(5, { vin: 'WMW11DK0X02045679', shortVin: '2045679' })
// The same seven digits as `target`'s last 7 as a customer number: only the copy's full search finds it.
const numberOwner = vehicleDoc(6, { customer: { ...vehicleDoc(6).customer, id: 'C-NUMBER', customerNumber: '2045678' } })

beforeEach(async () => {
  fakeMain({ vehicleSearch: { vehicles: [], truncated: false } })
  await clearCache()
  await putInCache([target, twin, numberOwner])
  await render(SearchBox)
})
afterEach(() => (document.body.innerHTML = ''))

/** Types `text` key by key, each key's search finished before the next (an agent's pace). */
async function typeUpTo(text: string): Promise<void> {
  const search = useSearchStore()
  for (let i = 1; i <= text.length; i++) await search.setQuery(text.slice(0, i))
}
const shown = () => useSearchStore().outcome.results.map((v) => v.vin)

describe('a VIN typed key by key', () => {
  it('lists its vehicle as the last key is handled, before the copy’s search returns', async () => {
    const search = useSearchStore()
    await typeUpTo(target.vin.slice(0, 16))
    expect(shown()).toEqual([])
    const done = search.setQuery(target.vin)
    expect(shown()).toEqual([target.vin])
    await done
    expect(shown()).toEqual([target.vin])
  })

  it('pasted at once (nothing read ahead) is found by the copy’s search, as before', async () => {
    const search = useSearchStore()
    const done = search.setQuery(target.vin)
    expect(shown()).toEqual([])
    await done
    expect(shown()).toEqual([target.vin])
  })

  it('with a prefix shared by more vehicles than are held, is found by the copy’s search alone', async () => {
    const crowd = Array.from('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', (c, i) => vehicleDoc(7, { vin: `WMW11DK0X02T9999${c}`, shortVin: `2T9999${c}`, customer: { ...vehicleDoc(7).customer, id: `C-CROWD-${i}` } }))
    await putInCache(crowd)
    const search = useSearchStore()
    await typeUpTo(crowd[20]!.vin.slice(0, 16))
    const done = search.setQuery(crowd[20]!.vin)
    expect(shown()).not.toContain(crowd[20]!.vin)
    await done
    expect(shown()).toEqual([crowd[20]!.vin])
  })

  it('read ahead for one agent is never shown to the next at the same desk', async () => {
    const search = useSearchStore()
    await typeUpTo(target.vin.slice(0, 16))
    useSessionStore().agent = AGENTS['dealer.dk']
    void search.setQuery(target.vin)
    expect(shown()).not.toContain(target.vin)
  })
})

describe('the last 7 typed key by key', () => {
  it('lists its vehicle at once, and the full search adds a customer number of the same digits', async () => {
    const search = useSearchStore()
    await typeUpTo('204567')
    const done = search.setQuery('2045678')
    expect(shown()).toEqual([target.vin])
    await done
    expect(new Set(shown())).toEqual(new Set([target.vin, numberOwner.vin]))
  })

  it('is provisional: Enter waits for the full search', async () => {
    const search = useSearchStore()
    await typeUpTo('204567')
    void search.setQuery('2045678')
    const settled = search.settled()
    expect(shown()).toEqual([target.vin])
    await settled
    expect(shown()).toContain(numberOwner.vin)
  })
})
