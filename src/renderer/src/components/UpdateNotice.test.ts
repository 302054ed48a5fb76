import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventPayload } from '@shared/ipc/contract'
import { i18n } from '../i18n'
import { useSessionStore } from '../stores/session'
import UpdateNotice from './UpdateNotice.vue'

/** window.api as far as the notice uses it: the updateReady push and the updateInstall command. */
function fakeApi(answer: unknown = { ok: true, data: { version: '0.2.0' } }) {
  let push: ((payload: EventPayload<'updateReady'>) => void) | null = null
  const api = {
    on: vi.fn((_event: string, listener: (payload: EventPayload<'updateReady'>) => void) => {
      push = listener
      return () => (push = null)
    }),
    updateInstall: vi.fn(async () => answer),
    push: (payload: EventPayload<'updateReady'>) => push?.(payload)
  }
  ;(window as unknown as { api: unknown }).api = api
  return api
}

function render() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().agent = { id: 'a1', username: 'hotline', displayName: 'Hotline Agent', role: 'hotline', dealerNumber: null, language: null }
  return mount(UpdateNotice, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
}

/** An Element Plus dialog's overlay, shown or hidden the way Element Plus does it (v-show). */
function overlay(shown: boolean): HTMLElement {
  const el = document.createElement('div')
  el.className = 'el-overlay'
  el.style.display = shown ? '' : 'none'
  document.body.appendChild(el)
  return el
}

describe('UpdateNotice', () => {
  beforeEach(() => (document.body.innerHTML = ''))
  afterEach(() => delete (window as unknown as { api?: unknown }).api)

  it('shows nothing until main says an update is ready', () => {
    fakeApi()
    const wrapper = render()
    expect(wrapper.find('[data-testid="update-notice"]').exists()).toBe(false)
  })

  it('offers "Restart now" when nothing is pending and no dialog is open, and asks main to install', async () => {
    const api = fakeApi()
    const wrapper = render()
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    expect(wrapper.get('[data-testid="update-notice"]').text()).toContain('Version 0.2.0 of MINI Back Office is ready.')
    await wrapper.get('[data-testid="update-restart"]').trigger('click')
    await flushPromises()
    expect(api.updateInstall).toHaveBeenCalledWith({})
  })

  it('hides "Restart now" while a dialog is open, and brings it back when the dialog closes', async () => {
    const api = fakeApi()
    const wrapper = render()
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    const dialog = overlay(true)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="update-restart"]').exists()).toBe(false))
    expect(wrapper.get('[data-testid="update-notice"]').text()).toContain('Finish or close the open dialog to restart.')
    dialog.style.display = 'none'
    await vi.waitFor(() => expect(wrapper.find('[data-testid="update-restart"]').exists()).toBe(true))
  })

  it('does not offer a restart while a SIM command is pending, and does once main says it has settled', async () => {
    const api = fakeApi()
    const wrapper = render()
    api.push({ version: '0.2.0', pendingCommands: 1 })
    await flushPromises()
    expect(wrapper.find('[data-testid="update-restart"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="update-notice"]').text()).toContain('once the pending SIM command has been confirmed')
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    expect(wrapper.find('[data-testid="update-restart"]').exists()).toBe(true)
  })

  it("shows main's refusal in words and stays", async () => {
    const api = fakeApi({ ok: false, error: { code: 'conflict', key: 'update.waitForCommands', params: { count: 1 } } })
    const wrapper = render()
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    await wrapper.get('[data-testid="update-restart"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="update-error"]').text()).toBe('A SIM command is still waiting for the vehicle’s answer (1 in all). The app can restart once it is confirmed, has failed or has timed out.')
    expect(wrapper.find('[data-testid="update-notice"]').exists()).toBe(true)
  })

  it('"Later" puts off this version; a newer one shows again', async () => {
    const api = fakeApi()
    const wrapper = render()
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    await wrapper.get('[data-testid="update-later"]').trigger('click')
    expect(wrapper.find('[data-testid="update-notice"]').exists()).toBe(false)
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    expect(wrapper.find('[data-testid="update-notice"]').exists()).toBe(false)
    api.push({ version: '0.3.0', pendingCommands: 0 })
    await flushPromises()
    expect(wrapper.find('[data-testid="update-notice"]').exists()).toBe(true)
  })

  it('stays hidden while nobody is signed in', async () => {
    const api = fakeApi()
    const wrapper = render()
    useSessionStore().agent = null
    api.push({ version: '0.2.0', pendingCommands: 0 })
    await flushPromises()
    expect(wrapper.find('[data-testid="update-notice"]').exists()).toBe(false)
  })
})
