import { onBeforeUnmount, onMounted } from 'vue'
import { isOverlayOpen } from './overlay'

/**
 * Single-key shortcuts ("?", and the card's d, r, w, p, n), as in mail and issue trackers: they apply
 * only when the agent is not typing (a key pressed in a field is the field's), no dialog is open (keys
 * belong to it), and no modifier is held (Ctrl/⌘+K and the browser's own keys stay theirs).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false
  const el = target as HTMLElement
  if (el.isContentEditable) return true
  const tag = el.tagName.toLowerCase()
  if (tag === 'textarea' || tag === 'select') return true
  if (tag !== 'input') return false
  // Buttons-as-inputs take no text: a key there is a shortcut.
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes((el as HTMLInputElement).type)
}

/** The key of a shortcut press, or null when the press belongs to something else. */
export function shortcutKey(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return null
  if (isTypingTarget(event.target) || isOverlayOpen()) return null
  return event.key.length === 1 ? event.key.toLowerCase() : null
}

/** While the component is mounted: `handlers[key]` runs for a shortcut press of that key. */
export function useShortcuts(handlers: () => Record<string, (() => void) | undefined>): void {
  function onKeydown(event: KeyboardEvent): void {
    const key = shortcutKey(event)
    // "?" is the key's character whatever the keyboard layout; letters ignore Shift and Caps Lock.
    const handler = key === null ? undefined : handlers()[event.key === '?' ? '?' : key]
    if (!handler) return
    event.preventDefault()
    handler()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
