import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { generateFleet } from '@shared/fleet/generate'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { i18n } from '../i18n'
import EcallEvidence from './EcallEvidence.vue'

const fleet = generateFleet({ size: 12, referenceDate: '2026-11-21' })
function doc(index: number, patch: Partial<VehicleDoc> = {}): VehicleDoc {
  const r = fleet.records[index]!
  return {
    ...r.vehicle,
    shortVin: r.vehicle.vin.slice(-7),
    customer: fleet.customers.find((c) => c.id === r.vehicle.customerId)!,
    contract: r.contract,
    purchases: r.purchases,
    simCommand: null, cases: [],
    rev: 1,
    ...patch
  }
}
const render = (vehicle: VehicleDoc) => mount(EcallEvidence, { props: { vehicle }, global: { plugins: [ElementPlus, i18n] } })

describe('eCall evidence on the card', () => {
  it('says yes and names the equipment code that proves it', () => {
    const wrapper = render(doc(5))
    expect(wrapper.get('[data-testid="legal-ecall"]').attributes('data-value')).toBe('yes')
    expect(wrapper.get('[data-testid="ecall-evidence"]').text()).toContain('6AF')
  })

  it('says no for Intelligent eCall alone (6AC is not legal eCall)', () => {
    const wrapper = render(doc(4))
    expect(wrapper.get('[data-testid="legal-ecall"]').attributes('data-value')).toBe('no')
    expect(wrapper.find('[data-testid="ecall-conflict"]').exists()).toBe(false)
  })

  it('treats a record saying "no" as fitted when the equipment says yes, and flags the conflict (D1)', () => {
    const wrapper = render(doc(5, { euEcall: false }))
    expect(wrapper.get('[data-testid="legal-ecall"]').attributes('data-value')).toBe('yes')
    expect(wrapper.get('[data-testid="ecall-conflict"]').text()).toMatch(/treated as fitted/)
  })
})
