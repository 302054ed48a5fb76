// The form service: request in, PDF bytes out. Plain Node (no Electron): the IPC layer and the samples
// script call it the same way. Fonts are loaded and parsed once, on first use, and then shared.
import { buildWithdrawalForm, FormRequestError, type FormDocument, type WithdrawalFormRequest } from '@shared/forms'
import { ServiceError } from '../errors'
import { drawForm } from './draw'
import { loadFontFaces, type FontFaces } from './fonts'
import { assertPrintable, type PrintedText } from './glyphs'
import { layoutForm, type FormLayout } from './layout'

export interface RenderedForm {
  bytes: Uint8Array
  fileName: string
  pages: number
  /** Accepted input that was not used (e.g. fill data on a blank form). */
  warnings: string[]
}

export interface FormService {
  /** Throws ServiceError: 'bad-request' (invalid request, MissingGlyphError) or 'refused' (D5). */
  render(request: WithdrawalFormRequest | unknown): Promise<RenderedForm>
  /** The content model alone (for a preview). */
  build(request: WithdrawalFormRequest | unknown): FormDocument
  /** Loads the fonts now instead of on the first render (at start-up, off the agent's click). */
  warmUp(): Promise<void>
}

export interface FormServiceOptions {
  /** The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (resources/fonts). */
  fontsDir: string
}

function asServiceError(error: unknown): unknown {
  if (error instanceof FormRequestError) {
    // The only refusal is D5 (a market whose recipient is a setting, not set); form-requests.ts checks it
    // first with the market named, so this is the last line.
    const key = error.code === 'refused' ? 'form.noRecipient' : 'request.invalid'
    return new ServiceError(error.code, key, {}, error.issues.map((i) => ({ path: i.path, key: 'field.invalid' as const })))
  }
  return error
}

function printedTexts(doc: FormDocument, layout: FormLayout, faces: FontFaces): PrintedText[] {
  // The addressee is printed inside a form line; checked first on its own so an error names its field.
  const r = doc.recipient
  const recipient: PrintedText[] = [
    { text: r.name, face: faces.regular, field: 'recipient.name' },
    { text: r.address ?? '', face: faces.regular, field: 'recipient.address' },
    { text: r.email, face: faces.regular, field: 'recipient.email' }
  ]
  return [...recipient, ...layout.pages.flatMap((p) => p.texts.map((t) => ({ text: t.text, face: faces[t.style.face], field: t.field })))]
}

export function createFormService(options: FormServiceOptions): FormService {
  let faces: Promise<FontFaces> | undefined
  const fonts = (): Promise<FontFaces> => {
    if (!faces) {
      faces = loadFontFaces(options.fontsDir)
      // A failed load (missing file) is retried on the next call, not cached.
      faces.catch(() => (faces = undefined))
    }
    return faces
  }

  const build = (request: unknown): FormDocument => {
    try {
      return buildWithdrawalForm(request)
    } catch (error) {
      throw asServiceError(error)
    }
  }

  return {
    build,
    async warmUp() {
      await fonts()
    },
    async render(request) {
      const doc = build(request)
      const loaded = await fonts()
      const layout = layoutForm(doc, loaded)
      // Before anything is drawn: every string against the face it will be drawn in.
      assertPrintable(printedTexts(doc, layout, loaded))
      const bytes = await drawForm(doc, layout, loaded)
      return { bytes, fileName: doc.fileName, pages: layout.pages.length, warnings: doc.warnings }
    }
  }
}
