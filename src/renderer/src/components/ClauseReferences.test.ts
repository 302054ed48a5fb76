import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClauseCatalogue } from '../clauses'
import { i18n, setLocale } from '../i18n'
import { useSessionStore } from '../stores/session'
import ClauseReferences from './ClauseReferences.vue'

/** A small catalogue in the shape the rules module exports (`CLAUSES`, `DECISIONS`), for this test only. */
const catalogue: ClauseCatalogue = {
  clauses: {
    'DK GTC 1.6 b)': { document: 'dk-connected-terms', section: '1.6 b)', source: 'seed 001 L66–L71' },
    'DK GTC 8.1': { document: 'dk-connected-terms', section: '8.1', source: 'seed 001 L499–L506' },
    'DK GTC 8.7': { document: 'dk-connected-terms', section: '8.7', source: 'seed 001 L550–L552' },
    'PT II.5.1': { document: 'pt-terms', section: 'II.5.1', source: 'seed 004 L375' },
    'EU 2011/83 art. 11(2)': { document: 'eu-directive-2011-83', section: 'art. 11(2)', source: 'Directive 2011/83/EU' }
  },
  decisions: { D13: { summary: 'One month after a date: same day number in the next month, or its last day.' } }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(async () => setLocale('en'))

async function render(role: 'hotline' | 'supervisor', clauses: string[], notes: string[] = []) {
  useSessionStore().agent = { id: 'a1', username: role, displayName: role, role, dealerNumber: null, language: null }
  const wrapper = mount(ClauseReferences, { props: { clauses, catalogue, notes }, global: { plugins: [ElementPlus, i18n] } })
  await flushPromises()
  return wrapper
}

describe('clauses as people cite them', () => {
  it('an agent reads document and section, each once, and never a decision id or a source line', async () => {
    const w = await render('hotline', ['DK GTC 1.6 b)', 'DK GTC 8.1', 'D13', 'DK GTC 8.7', 'DK GTC 8.7', 'EU 2011/83 art. 11(2)'])
    expect(w.findAll('[data-testid="clause-citations"] li').map((li) => li.text())).toEqual([
      'MINI Connected terms (Denmark) §1.6 b)',
      'MINI Connected terms (Denmark) §8.1',
      'MINI Connected terms (Denmark) §8.7',
      'Directive 2011/83/EU on consumer rights, art. 11(2)'
    ])
    expect(w.text()).not.toMatch(/D13|seed 001|L550/)
    expect(w.find('[data-testid="clause-details"]').exists()).toBe(false)
  })

  it('a supervisor also finds the identifiers, source lines, decisions and the rules’ notes in a details disclosure', async () => {
    const w = await render('supervisor', ['DK GTC 8.7', 'D13'], ['The notice is recorded as received before it was sent'])
    const details = w.get('[data-testid="clause-details"]')
    expect(details.element.tagName).toBe('DETAILS')
    expect(details.text()).toContain('DK GTC 8.7')
    expect(details.text()).toContain('seed 001 L550–L552')
    expect(details.text()).toContain('Decision D13')
    expect(details.text()).toContain('same day number in the next month')
    expect(details.get('[data-testid="rule-notes"]').text()).toContain('received before it was sent')
  })

  it('cites in the agent’s language', async () => {
    await setLocale('da')
    const w = await render('hotline', ['DK GTC 8.7', 'PT II.5.1'])
    expect(w.findAll('[data-testid="clause-citations"] li').map((li) => li.text())).toEqual(['MINI Connected-vilkår (Danmark) §8.7', 'MINI Connected-vilkår (Portugal) §II.5.1'])
    await setLocale('de')
    await flushPromises()
    expect(w.findAll('[data-testid="clause-citations"] li').map((li) => li.text())).toEqual(['MINI Connected Bedingungen (Dänemark) §8.7', 'MINI Connected Bedingungen (Portugal) §II.5.1'])
  })

  it('an entry from a rules module without the catalogue shows its reference, never its prose or decision', async () => {
    const w = await render('hotline', ['DK GTC 1.6 a) + D12 — the request before handover is a withdrawal', 'D6 — the day of the event is not counted', 'RULES.md §2 — the SIM is already ACTIVE'])
    expect(w.findAll('[data-testid="clause-citations"] li').map((li) => li.text())).toEqual(['DK GTC 1.6 a)'])
    expect(w.text()).not.toMatch(/D12|D6|withdrawal|RULES\.md/)
  })
})
