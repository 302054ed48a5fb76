import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call } from '../api/client'
import { DUE_SOON_DAYS } from '../cases'

/**
 * How many days before its due date a refund needs attention (RULES.md §5; the supervisor's setting
 * `refundWarningDays`, default 3). The top bar counts such refunds and the overdue ones; the case list
 * shows them.
 */
export const useRefundsStore = defineStore('refunds', () => {
  const warningDays = ref(DUE_SOON_DAYS)
  async function loadSetting(): Promise<void> {
    try {
      warningDays.value = (await call('settingsGet', {})).refundWarningDays
    } catch {
      // Main not reachable now: the default stands until the next sign-in or settings change.
    }
  }
  return { warningDays, loadSetting }
})
