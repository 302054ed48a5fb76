import { computed, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useSessionStore } from '../stores/session'

/**
 * The window title names the screen in the agent's language (task bars, window switchers and screen
 * readers announce it), and follows a language switch.
 */
export function useWindowTitle(): void {
  const { t } = useI18n()
  const route = useRoute()
  const session = useSessionStore()
  const screen = computed(() => {
    if (!session.agent) return session.firstRun ? t('titles.firstRun') : t('titles.signIn')
    const param = (name: string) => String(route.params[name] ?? '')
    switch (route.name) {
      case 'vehicle':
        return t('titles.vehicle', { vin: param('vin') })
      case 'cases':
        return t('titles.cases')
      case 'commands':
        return t('titles.commands')
      case 'case':
        return t('titles.case', { id: param('caseId') })
      case 'audit':
        return t('titles.audit')
      case 'settings':
        return t('titles.settings')
      default:
        return t('titles.search')
    }
  })
  watchEffect(() => {
    document.title = t('app.windowTitle', { screen: screen.value })
  })
}
