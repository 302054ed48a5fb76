import { computed, ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { serviceEffects } from '@shared/domain/service-effects'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { newRequestKey } from '../api/keys'
import { useSessionStore } from '../stores/session'
import { announce } from './announcer'
import { useAction } from './useAction'

/**
 * What the deactivation and reactivation dialogs share: the assessment of what the customer keeps and
 * loses (one computation with the card, src/shared/domain/service-effects.ts), who the request is for
 * (verified), a reason, one idempotency key per opening (a double click or a retry applies once), and
 * sending: the dialog closes, the agent is told the command is on its way, and `sent` is true until the
 * dialog has closed so the card can take the focus.
 */
export function useSimCommandDialog(vehicle: () => VehicleDoc, open: Ref<boolean>) {
  const session = useSessionStore()
  const { t } = useI18n()
  const effects = computed(() => serviceEffects(vehicle(), session.today))
  const verified = ref(false)
  const reason = ref('')
  const sent = ref(false)
  const { busy, error, run } = useAction()
  let requestKey = newRequestKey()

  function reset(): void {
    requestKey = newRequestKey()
    verified.value = false
    reason.value = ''
    sent.value = false
    error.value = null
  }

  /** The reason as main takes it: absent when blank. */
  const reasonField = () => (reason.value.trim() ? { reason: reason.value.trim() } : {})

  async function send(command: (idempotencyKey: string) => Promise<unknown>): Promise<boolean> {
    const done = await run(() => command(requestKey))
    if (done === undefined) {
      announce(error.value ?? '', 'assertive')
      return false
    }
    sent.value = true
    open.value = false
    ElMessage.success({ message: t('sim.sent'), grouping: true })
    return true
  }

  return { session, effects, verified, reason, reasonField, sent, busy, error, reset, send }
}

/** One dialog's command, as SimCommandDialog takes it. */
export type SimCommand = ReturnType<typeof useSimCommandDialog>
