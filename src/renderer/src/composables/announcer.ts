import { readonly, ref } from 'vue'

/**
 * What screen readers announce (WCAG 2.2, 4.1.3 Status Messages): command outcomes, verification
 * results, the number of search results. Two live regions exist once in the app (LiveAnnouncer.vue);
 * anything that has news for the agent says it here. The same sentence said twice is announced twice:
 * the region is emptied first.
 */
const regions = { polite: ref(''), assertive: ref('') }
let timer: ReturnType<typeof setTimeout> | null = null

export function announce(text: string, politeness: 'polite' | 'assertive' = 'polite'): void {
  const region = regions[politeness]
  region.value = ''
  if (timer) clearTimeout(timer)
  // A short pause between emptying and filling: screen readers announce a change, not a value.
  timer = setTimeout(() => {
    timer = null
    region.value = text
  }, 60)
}

export const announcements = { polite: readonly(regions.polite), assertive: readonly(regions.assertive) }
