// Paints a laid-out form with pdf-lib: selectable text in an embedded subset of DejaVu Sans, drawn lines,
// metadata. Deterministic: the same document gives the same bytes (dates from generatedOn, a subset tag
// derived from the text, pdf-lib's seeded object ids).
import { PDFDocument, rgb, type Color, type PDFFont } from 'pdf-lib'
import type { FormDocument } from '@shared/forms'

/** What the PDF's document information comes from: a form or an acknowledgement letter. */
export type PrintedDocument = Pick<FormDocument, 'market' | 'metadata'>
import { documentFontkit, FONT_FEATURES, type FaceName, type FontFaces } from './fonts'
import type { FormLayout } from './layout'
import { PAGE, type Rgb } from './style'

const PRODUCER = 'MINI Back Office (pdf-lib)'

const color = (c: Rgb): Color => rgb(c[0], c[1], c[2])

/**
 * PDF 32000-1 §9.6.4: a subset font's name starts with six upper-case letters and '+'. The tag is a hash
 * of the characters used, so different subsets get different tags and the same text the same tag.
 */
export function subsetTag(codePoints: Iterable<number>, salt: string): string {
  let h = 0x811c9dc5
  const mix = (n: number) => {
    h ^= n
    h = Math.imul(h, 0x01000193) >>> 0
  }
  for (const ch of salt) mix(ch.codePointAt(0) ?? 0)
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) mix(cp)
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26))
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  }
  return tag
}

function usedCodePoints(layout: FormLayout, face: FaceName): number[] {
  const set = new Set<number>()
  for (const page of layout.pages) {
    for (const t of page.texts) {
      if (t.style.face !== face) continue
      for (const ch of t.text) set.add(ch.codePointAt(0) ?? 0)
    }
  }
  return [...set]
}

function pdfDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

export async function drawForm(doc: PrintedDocument, layout: FormLayout, faces: FontFaces): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.registerFontkit(documentFontkit(faces) as unknown as Parameters<PDFDocument['registerFontkit']>[0])

  const fonts = {} as Record<FaceName, PDFFont>
  for (const face of ['regular', 'bold'] as const) {
    const used = usedCodePoints(layout, face)
    if (used.length === 0) continue
    fonts[face] = await pdf.embedFont(faces[face].bytes, {
      subset: true,
      customName: `${subsetTag(used, faces[face].postscriptName)}+${faces[face].postscriptName}`,
      features: { ...FONT_FEATURES }
    })
  }

  for (const content of layout.pages) {
    const page = pdf.addPage([PAGE.width, PAGE.height])
    for (const b of content.boxes) page.drawRectangle({ x: b.x, y: b.y, width: b.width, height: b.height, color: color(b.color), borderWidth: 0 })
    for (const t of content.texts) {
      const font = fonts[t.style.face]
      page.drawText(t.text, { x: t.x, y: t.y, size: t.style.size, font, color: color(t.style.color) })
    }
    for (const s of content.strokes) {
      page.drawLine({ start: { x: s.x1, y: s.y }, end: { x: s.x2, y: s.y }, thickness: s.thickness, color: color(s.color) })
    }
  }

  const m = doc.metadata
  pdf.setTitle(m.title, { showInWindowTitleBar: true })
  pdf.setAuthor(m.author)
  pdf.setSubject(m.subject)
  pdf.setKeywords(m.keywords)
  // BCP 47 with the market's region: pt-PT, not Brazilian; fr-BE / fr-LU.
  pdf.setLanguage(`${m.language}-${doc.market}`)
  pdf.setCreator(m.author)
  pdf.setProducer(PRODUCER)
  pdf.setCreationDate(pdfDate(m.createdOn))
  pdf.setModificationDate(pdfDate(m.createdOn))
  return pdf.save()
}
