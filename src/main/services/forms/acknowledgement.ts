// Places an acknowledgement of receipt (@shared/forms buildAcknowledgement) on A4 pages, in the forms' font
// and style: the trader's letterhead, the consumer's address, the date, the subject, the letter, a table of
// the confirmed facts, the closing and the trader's name; a footer with the case number on every page.
import type { AcknowledgementDocument } from '@shared/forms'
import type { FontFaces } from './fonts'
import { Flow, type FormLayout } from './layout'
import { COLOR, CONTENT_WIDTH, LEADING, MARGIN, PAGE, SPACE, TEXT, type TextStyle } from './style'
import { measure, wrap } from './typeset'

const LEFT = MARGIN.left
const RIGHT = PAGE.width - MARGIN.right
const LETTERHEAD: TextStyle = { face: 'bold', size: 12, color: COLOR.text }
const SMALL: TextStyle = { face: 'regular', size: 9, color: COLOR.muted }
const SUBJECT: TextStyle = { face: 'bold', size: 12.5, color: COLOR.text }
const LABEL: TextStyle = { face: 'regular', size: 10, color: COLOR.muted }
/** The facts' labels take this share of the width; values start after it. */
const LABEL_COLUMN = 0.4

function block(flow: Flow, faces: FontFaces, text: string, style: TextStyle, field: string, x = LEFT, width = CONTENT_WIDTH): void {
  flow.placeText([{ text, style, field }], x, width, style)
}

export function layoutAcknowledgement(doc: AcknowledgementDocument, faces: FontFaces): FormLayout {
  const flow = new Flow(faces)
  const s = doc.sender

  // Letterhead: the trader confirms, so the trader is the sender.
  block(flow, faces, s.name, LETTERHEAD, 'sender.name')
  if (s.department) block(flow, faces, s.department, SMALL, 'sender.department')
  if (s.address) block(flow, faces, s.address, SMALL, 'sender.address')
  block(flow, faces, s.email, SMALL, 'sender.email')
  const rule = flow.cursor - 6
  flow.page.strokes.push({ kind: 'footer', x1: LEFT, x2: RIGHT, y: rule, thickness: 0.5, color: COLOR.hairline })
  flow.cursor = rule - 22

  // The consumer's address, and the date on the right of its first line.
  const top = flow.cursor
  for (const line of doc.addressee) block(flow, faces, line, TEXT.recipient, 'addressee')
  const dateWidth = measure(faces, TEXT.body, doc.date)
  flow.page.texts.push({ text: doc.date, x: RIGHT - dateWidth, y: top - TEXT.body.size * faces.regular.ascent, style: TEXT.body, field: 'issuedOn' })
  flow.cursor -= 26

  block(flow, faces, doc.subject, SUBJECT, 'letter text (subject)')
  flow.cursor -= 12
  block(flow, faces, doc.salutation, TEXT.body, 'letter text (salutation)')
  flow.cursor -= 8
  for (const [i, p] of doc.paragraphs.entries()) {
    block(flow, faces, p, TEXT.body, `letter text (paragraph ${i + 1})`)
    flow.cursor -= 9
    if (i === 0) {
      // The facts confirmed, right after the sentence that confirms receipt.
      flow.cursor -= 2
      layoutFacts(flow, faces, doc)
      flow.cursor -= 11
    }
  }
  flow.cursor -= 6
  block(flow, faces, doc.closing, TEXT.body, 'letter text (closing)')
  flow.cursor -= 6
  for (const line of doc.signature) block(flow, faces, line, { ...TEXT.body, face: 'bold' }, 'sender.name')

  layoutFooter(flow, faces, doc)
  return { pages: flow.pages }
}

function layoutFacts(flow: Flow, faces: FontFaces, doc: AcknowledgementDocument): void {
  const pad = SPACE.boxPadding
  const labelWidth = CONTENT_WIDTH * LABEL_COLUMN
  const valueX = LEFT + pad + labelWidth
  const valueWidth = RIGHT - pad - valueX
  const rows = doc.facts.map((f) => ({
    label: wrap(faces, [{ text: f.label, style: LABEL, field: 'letter text (facts)' }], labelWidth - 8),
    value: wrap(faces, [{ text: f.value, style: TEXT.value, field: 'letter text (facts)' }], valueWidth)
  }))
  const lh = TEXT.value.size * LEADING
  const height = 2 * pad + rows.reduce((n, r) => n + Math.max(r.label.length, r.value.length) * lh, 0) - (lh - TEXT.value.size * 1.15)
  flow.ensure(height)
  const top = flow.cursor
  flow.page.boxes.push({ x: LEFT, y: top - height, width: CONTENT_WIDTH, height, color: COLOR.boxFill })
  flow.page.boxes.push({ x: LEFT, y: top - height, width: 3, height, color: COLOR.accent })
  flow.cursor -= pad
  for (const row of rows) {
    const start = flow.cursor
    for (const set of row.label) flow.placeLine(set, LEFT + pad, LABEL)
    const afterLabel = flow.cursor
    flow.cursor = start
    for (const set of row.value) flow.placeLine(set, valueX, TEXT.value)
    flow.cursor = Math.min(afterLabel, flow.cursor)
  }
  flow.cursor = top - height
}

function layoutFooter(flow: Flow, faces: FontFaces, doc: AcknowledgementDocument): void {
  const label = doc.facts[0]?.label ?? ''
  const style = TEXT.footer
  flow.pages.forEach((page, i) => {
    page.strokes.push({ kind: 'footer', x1: LEFT, x2: RIGHT, y: SPACE.footerRule, thickness: 0.5, color: COLOR.hairline })
    const caption = `${label} `
    page.texts.push({ text: caption, x: LEFT, y: SPACE.footerBaseline, style, field: 'letter text (footer)' })
    page.texts.push({ text: doc.caseNumber, x: LEFT + measure(faces, style, caption), y: SPACE.footerBaseline, style: { ...style, color: COLOR.text }, field: 'caseNumber' })
    if (flow.pages.length > 1) {
      const n = `${i + 1}/${flow.pages.length}`
      page.texts.push({ text: n, x: RIGHT - measure(faces, style, n), y: SPACE.footerBaseline, style, field: 'letter text (footer)' })
    }
  })
}
