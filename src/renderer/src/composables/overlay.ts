/**
 * Whether a dialog or drawer is open: Esc then belongs to it (Element Plus closes it), not to the page.
 */
export function isOverlayOpen(): boolean {
  return Array.from(document.querySelectorAll<HTMLElement>('.el-overlay')).some((el) => el.style.display !== 'none')
}
