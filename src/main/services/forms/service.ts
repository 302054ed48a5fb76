// The form service: request in, PDF bytes out. Plain Node (no Electron): the IPC layer and the samples
// script call it the same way. Fonts are loaded and parsed once, on first use, and then shared.
import {
  buildAcknowledgement,
  buildWithdrawalForm,
  FormRequestError,
  type AcknowledgementDocument,
  type AcknowledgementRequest,
  type FormDocument,
  type WithdrawalFormRequest
} from '@shared/forms'
import { layoutAcknowledgement } from './acknowledgement'
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

export interface RenderedAcknowledgement extends RenderedForm {
  /** The same letter as plain text, ready to paste into an e-mail. */
  email: { subject: string; body: string }
  language: AcknowledgementDocument['language']
}

export interface FormService {
  /** Throws ServiceError: 'bad-request' (invalid request, MissingGlyphError) or 'refused' (D5). */
  render(request: WithdrawalFormRequest | unknown): Promise<RenderedForm>
  /** The content model alone (for a preview). */
  build(request: WithdrawalFormRequest | unknown): FormDocument
  /**
   * The acknowledgement of receipt of a withdrawal (Directive 2011/83/EU art. 11(3)) as a PDF, with the
   * same letter as e-mail text. Throws ServiceError: 'bad-request' (invalid request, MissingGlyphError) or
   * 'refused' (BE/LU without the supervisor's trader, D5).
   */
  renderAcknowledgement(request: AcknowledgementRequest | unknown): Promise<RenderedAcknowledgement>
  /** The acknowledgement's content alone (for a preview, or the e-mail text without a PDF). */
  buildAcknowledgement(request: AcknowledgementRequest | unknown): AcknowledgementDocument
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
  return [...recipient, ...layoutTexts(layout, faces)]
}

function layoutTexts(layout: FormLayout, faces: FontFaces): PrintedText[] {
  return layout.pages.flatMap((p) => p.texts.map((t) => ({ text: t.text, face: faces[t.style.face], field: t.field })))
}

/** The case's own strings, checked first so that a missing glyph names the field the agent typed it in. */
function acknowledgementInputs(doc: AcknowledgementDocument, request: unknown, faces: FontFaces): PrintedText[] {
  const r = request as Partial<AcknowledgementRequest>
  const bold = faces.bold
  const out: PrintedText[] = [
    ...doc.addressee.slice(0, r.consumers?.length ?? 0).map((text, i) => ({ text, face: faces.regular, field: `consumers[${i}]` })),
    ...doc.addressee.slice(r.consumers?.length ?? 0).map((text) => ({ text, face: faces.regular, field: 'address' })),
    { text: doc.caseNumber, face: bold, field: 'caseNumber' },
    { text: doc.sender.name, face: bold, field: 'trader.name' },
    { text: doc.sender.address ?? '', face: faces.regular, field: 'trader.address' }
  ]
  const w = r.withdrawn
  if (w && typeof w === 'object') {
    if ('name' in w && typeof w.name === 'string') out.push({ text: w.name, face: bold, field: 'withdrawn.name' })
    if (typeof w.reference === 'string') out.push({ text: w.reference, face: bold, field: 'withdrawn.reference' })
  }
  return out
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

  const buildAck = (request: unknown): AcknowledgementDocument => {
    try {
      return buildAcknowledgement(request)
    } catch (error) {
      throw asServiceError(error)
    }
  }

  return {
    build,
    buildAcknowledgement: buildAck,
    async renderAcknowledgement(request) {
      const doc = buildAck(request)
      const loaded = await fonts()
      const layout = layoutAcknowledgement(doc, loaded)
      assertPrintable([...acknowledgementInputs(doc, request, loaded), ...layoutTexts(layout, loaded)])
      const bytes = await drawForm(doc, layout, loaded)
      return { bytes, fileName: doc.fileName, pages: layout.pages.length, warnings: doc.warnings, email: doc.email, language: doc.language }
    },
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
