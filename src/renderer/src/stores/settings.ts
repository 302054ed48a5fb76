import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Request, Response, SettingsValues } from '@shared/ipc/contract'
import type { Market } from '@shared/ipc/schemas'
import { recipientIsSetting, type WithdrawalRecipient } from '@shared/rules'
import { call } from '../api/client'

type Agents = Response<'agentsList'>

/**
 * The supervisor settings as main keeps them (idle sign-out, the telematics simulator, the withdrawal
 * recipients of the markets whose terms name none, D5) and the accounts. Every agent reads the settings (a withdrawal's recipient);
 * only supervisors change them or see the accounts: main refuses the others.
 */
export const useSettingsStore = defineStore('settings', () => {
  const values = shallowRef<SettingsValues | null>(null)
  const agents = shallowRef<Agents>([])
  /** Settings loaded since the app started: a second caller waits for the same answer. */
  const loaded = ref(false)
  let loading: Promise<SettingsValues> | null = null

  async function load(): Promise<SettingsValues> {
    loading ??= call('settingsGet', {}).finally(() => (loading = null))
    values.value = await loading
    loaded.value = true
    return values.value
  }

  async function save(change: Request<'settingsSet'>): Promise<SettingsValues> {
    values.value = await call('settingsSet', change)
    return values.value
  }

  async function loadAgents(): Promise<Agents> {
    agents.value = await call('agentsList', {})
    return agents.value
  }

  async function createAgent(request: Request<'agentCreate'>): Promise<void> {
    await call('agentCreate', request)
    await loadAgents()
  }

  /** The trader a withdrawal in this market goes to where the rules leave it to a setting (D5); null: the terms name it, or none is set. */
  function recipientFor(market: Market): WithdrawalRecipient | null {
    return recipientIsSetting(market) ? (values.value?.recipients[market] ?? null) : null
  }

  return { values, agents, loaded, load, save, loadAgents, createAgent, recipientFor }
})
