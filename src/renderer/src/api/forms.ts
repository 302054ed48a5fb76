import type { FormSource } from '@shared/ipc/contract'
import { call } from './client'

/**
 * The standard withdrawal form as a PDF (RULES.md §9), drawn in main. The desktop app saves it where the
 * agent chooses or opens it in the system viewer; in a browser (the test harness) it is downloaded.
 */
export type FormDelivery = 'download' | 'save' | 'open'

/** Resolves with the path it was saved to (save), or null (download, open, or a save the agent cancelled). */
export async function deliverForm(source: FormSource, how: FormDelivery): Promise<string | null> {
  if (how === 'save') return (await call('formSave', source)).path
  if (how === 'open') {
    await call('formOpen', source)
    return null
  }
  const form = await call('formRender', source)
  const bytes = Uint8Array.from(atob(form.pdfBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  const a = document.createElement('a')
  a.href = url
  a.download = form.fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return null
}
