import { afterEach, describe, expect, it } from 'vitest'
import { announcements } from '../composables/announcer'
import { formatTime } from '../format'
import { fakeMain, plain, render, until, vehicleDoc } from '../testing/render'
import CallerCheckPanel from './CallerCheckPanel.vue'

afterEach(() => (document.body.innerHTML = ''))
const lockedUntil = '2026-11-21T10:15:00Z'

describe('after three failed verifications (issue 13, defect 14)', () => {
  it('says until when, and what the agent can do next', async () => {
    fakeMain({ callerStatus: { check: null, locked: true, lockedUntil, remainingAttempts: 0 } })
    const { wrapper } = await render(CallerCheckPanel, { props: { vehicle: vehicleDoc(2) } })
    await until(() => expect(wrapper.find('[data-testid="caller-locked"]').exists()).toBe(true))
    const shown = plain(wrapper.get('[data-testid="caller-locked"]').text())
    expect(shown).toContain(`until ${plain(formatTime(lockedUntil))}`)
    expect(shown).toContain('call back after')
    expect(shown).toContain('visit a MINI dealer with an identity document')
  })

  it('the third failure is announced with what to do next', async () => {
    fakeMain({
      callerStatus: { check: null, locked: false, lockedUntil: null, remainingAttempts: 1 },
      callerVerify: { check: null, locked: true, lockedUntil, remainingAttempts: 0, passed: false, failures: ['postcode-mismatch'] }
    })
    const { wrapper } = await render(CallerCheckPanel, { props: { vehicle: vehicleDoc(2) } })
    await wrapper.get('form').trigger('submit')
    await until(() => expect(announcements.assertive.value).toContain('The postcode does not match the record.'))
    expect(announcements.assertive.value).toContain('call back after')
    expect(plain(wrapper.get('[data-testid="caller-locked"]').text())).toContain('visit a MINI dealer')
  })
})
