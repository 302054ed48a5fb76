import { nextTick } from 'vue'

/** What a keyboard can land on, first: a field, else a button or link. */
const FIELD = 'input:not([type=hidden]):not([disabled]):not([tabindex="-1"]), textarea:not([disabled]), select:not([disabled])'

/**
 * Puts the focus where the work continues (WCAG 2.2, 2.4.3 Focus Order): in a dialog just opened, on
 * its first field (`[data-autofocus]` when the dialog names one). Element Plus's dialog traps the focus
 * and then, a tick later, focuses its own container: call this from `@open-auto-focus`, and it takes the
 * focus after that (a macrotask later, after the trap's microtask).
 */
export async function focusFirstField(root: HTMLElement | null | undefined): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve))
  await nextTick()
  if (!root) return false
  const named = root.querySelector<HTMLElement>('[data-autofocus]')
  const target = named?.matches(FIELD) ? named : (named?.querySelector<HTMLElement>(FIELD) ?? named ?? root.querySelector<HTMLElement>(FIELD))
  if (!target) return false
  target.focus()
  return document.activeElement === target
}

/** Focuses an element (a heading or status given tabindex="-1", a button), once it is rendered. */
export async function focusElement(get: () => HTMLElement | null | undefined): Promise<void> {
  await nextTick()
  get()?.focus()
}

/**
 * Focuses an element that a page is about to render (a view that reads its data first), as soon as it
 * is there; gives up after `timeoutMs` (the focus then stays where it was).
 */
export function focusWhenRendered(get: () => HTMLElement | null | undefined, timeoutMs = 5_000): void {
  const started = Date.now()
  const attempt = (): void => {
    const el = get()
    if (el) return el.focus()
    if (Date.now() - started < timeoutMs) requestAnimationFrame(attempt)
  }
  attempt()
}
