import { h, onBeforeUnmount } from 'vue'
import { ElNotification } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import type { AttentionRowDoc } from '@shared/ipc/contract'
import { displayName } from '../format'
import { useAttentionStore } from '../stores/attention'

/**
 * When a SIM command the agent sent fails, times out or starts retrying while they are elsewhere in the
 * app (not on that vehicle's card, which shows it), a notification says so; it opens the vehicle. It
 * stays a while (the agent may be mid-call), at the bottom right, away from the search box.
 */
export function useFailureNotifications(): void {
  const attention = useAttentionStore()
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()

  function notify(row: AttentionRowDoc): void {
    const c = row.command
    if (route.name === 'vehicle' && route.params['vin'] === c.vin) return
    const title =
      c.status === 'failed' ? t('attention.notifyFailed') : c.status === 'timed-out' ? t('attention.notifyTimedOut') : t('attention.notifyRetrying')
    const who = displayName(row.vehicle)
    const open = () => {
      notification.close()
      void router.push({ name: 'vehicle', params: { vin: c.vin } })
    }
    const notification = ElNotification({
      title,
      type: c.status === 'pending' ? 'warning' : 'error',
      position: 'bottom-right',
      // Long enough to be read mid-call; the badge and the commands view keep it afterwards.
      duration: 20_000,
      showClose: true,
      customClass: 'sim-failure-notification',
      onClick: open,
      message: h('div', { 'data-testid': 'sim-failure-notification', 'data-vin': c.vin }, [
        h('p', { class: 'notification-line' }, `${row.vehicle.model} · ${c.vin}${who ? ` · ${who}` : ''}`),
        h('button', { type: 'button', class: 'link-button', 'data-testid': 'sim-failure-open', onClick: (e: Event) => (e.stopPropagation(), open()) }, t('attention.openVehicle'))
      ])
    })
  }

  const off = attention.onFailure((rows) => rows.forEach(notify))
  onBeforeUnmount(off)
}
