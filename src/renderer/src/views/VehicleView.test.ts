import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SimCommandDoc } from '@shared/ipc/schemas'
import { formatInstantDate, formatTime } from '../format'
import { clearCache, fakeMain, plain, putInCache, render, until, vehicleDoc } from '../testing/render'
import VehicleView from './VehicleView.vue'

const settings = { idleMinutes: 15, telematics: { minLatencyMs: 1000, maxLatencyMs: 3000, failureRate: 0.05, timeoutMs: 15000 }, recipients: {}, bulk: { rolesAllowed: ['hotline' as const, 'dealer' as const], rowsPerSecond: 10 }, refundWarningDays: 3 }

beforeEach(async () => {
  fakeMain({ settingsGet: settings, callerStatus: { check: null, locked: false, lockedUntil: null, remainingAttempts: 3 } })
  await clearCache()
})
afterEach(() => (document.body.innerHTML = ''))

async function card(doc: ReturnType<typeof vehicleDoc>, agent: 'hotline' | 'dealer.dk' | 'supervisor' = 'hotline') {
  await putInCache([doc])
  const rendered = await render(VehicleView, { props: { vin: doc.vin }, agent, route: `/vehicle/${doc.vin}` })
  await until(() => expect(rendered.wrapper.find('[data-testid="vehicle-card"]').exists()).toBe(true))
  return rendered
}
const ACTIONS = ['open-deactivate', 'open-reactivate', 'open-withdrawal', 'purchase-withdraw']
const shown = (root: ParentNode, testId: string) => root.querySelectorAll(`[data-testid="${testId}"]`).length > 0

describe('dealer staff are offered only what they may do (issue 13, defect 12)', () => {
  it('a Danish dealer sees a Swedish vehicle with no SIM or withdrawal action, and is told why', async () => {
    const swedish = vehicleDoc(3)
    expect(swedish.market).toBe('SE')
    const { wrapper } = await card(swedish, 'dealer.dk')
    for (const action of ACTIONS) expect(shown(wrapper.element, action), action).toBe(false)
    expect(plain(wrapper.get('[data-testid="other-market"]').text())).toContain('Sweden')
  })

  it('the same dealer is offered them on a Danish vehicle', async () => {
    const { wrapper } = await card(vehicleDoc(2), 'dealer.dk')
    expect(shown(wrapper.element, 'open-deactivate')).toBe(true)
    expect(shown(wrapper.element, 'open-withdrawal')).toBe(true)
    expect(shown(wrapper.element, 'other-market')).toBe(false)
  })
})

describe('contract and SIM after a failed or unanswered deactivation (issue 13, defect 4)', () => {
  const requestedAt = '2026-11-21T09:30:00Z'
  const nextAttemptAt = '2026-11-21T09:31:30Z'
  const retrying: SimCommandDoc = {
    id: 'SIM-00000000-0000-4000-8000-000000000001',
    vin: vehicleDoc(2).vin,
    action: 'deactivate',
    fromState: 'ACTIVE',
    targetState: 'ECALL_ONLY',
    status: 'pending',
    requestedAt,
    completedAt: null,
    error: 'no-answer',
    attempts: 2,
    agentName: 'Hanna Hotline',
    contractEffect: 'termination',
    terminationEffectiveOn: '2026-12-21',
    origin: 'agent',
    caseId: null,
    nextAttemptAt
  }
  const terminated = vehicleDoc(2, { contract: { ...vehicleDoc(2).contract!, status: 'terminated', terminationEffectiveOn: '2026-12-21' }, simCommand: retrying })

  it('says the termination was requested and when it takes effect, and that the SIM change is retried by itself, with its next attempt', async () => {
    const { wrapper } = await card(terminated)
    const contract = plain(wrapper.get('[data-testid="contract-status"]').text())
    expect(contract).toContain(`Termination requested on ${plain(formatInstantDate(requestedAt))}`)
    expect(contract).toContain('takes effect on 21 Dec 2026')
    const status = plain(wrapper.get('[data-testid="sim-command"]').text())
    expect(status).toContain('retrying automatically')
    expect(status).toContain(plain(formatTime(nextAttemptAt)))
    // The SIM is still on its last confirmed state: no new deactivation is offered while this one is under way.
    expect(wrapper.get('[data-testid="sim-state"]').attributes('data-state')).toBe('ACTIVE')
    expect(wrapper.get('[data-testid="open-deactivate"]').attributes('disabled')).toBeDefined()
  })

  it('Legal Emergency Call shows no end date after a termination (issue 13, defect 3)', async () => {
    const { wrapper } = await card(terminated)
    const row = [...wrapper.findAll('[data-testid="services"] tbody tr')].find((r) => r.text().includes('Legal Emergency Call'))!
    expect(plain(row.text())).toContain('No end')
    expect(plain(row.text())).not.toContain('2026')
  })
})
