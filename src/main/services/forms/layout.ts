// Places a FormDocument on A4 pages: text runs, strike-through lines, writing and signature lines, the
// addressee box and the footer. Pure geometry (fonts measure, nothing is drawn): draw.ts paints it.
import type { FilledValue, FormDocument, FormLine } from '@shared/forms'
import type { FontFaces } from './fonts'
import { COLOR, CONTENT_WIDTH, LEADING, MARGIN, PAGE, SPACE, TEXT, type Rgb, type TextStyle } from './style'
import { measure, wrap, type Fragment, type SetLine } from './typeset'

export interface TextItem {
  text: string
  x: number
  /** Baseline. */
  y: number
  style: TextStyle
  field: string
}

export type StrokeKind = 'strike' | 'writing' | 'signature' | 'footer'

export interface Stroke {
  kind: StrokeKind
  x1: number
  x2: number
  y: number
  thickness: number
  color: Rgb
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
  color: Rgb
}

export interface PageContent {
  texts: TextItem[]
  strokes: Stroke[]
  boxes: Box[]
}

export interface FormLayout {
  pages: PageContent[]
}

const lineHeight = (style: TextStyle) => style.size * LEADING
const TEXT_LEFT = MARGIN.left
const TEXT_RIGHT = PAGE.width - MARGIN.right

function formText(line: FormLine): string {
  return `form text (${line.id})`
}

/** A blank of the source that holds a value (DK SI «Bestilt den ___») prints the value, on a writing line, in its place. */
function labelFragments(faces: FontFaces, line: FormLine, style: TextStyle): Fragment[] {
  return line.segments.map((s) => {
    if (s.fill) return { text: s.fill.text, style: TEXT.value, field: s.fill.source, blankWidth: measure(faces, style, s.text) }
    return s.kind === 'alternative' ? { text: s.text, style, struck: s.struck, field: formText(line) } : { text: s.text, style, field: formText(line) }
  })
}

/** Fields that need room to write by hand when nothing is filled in. */
const ROOMY_FIELDS = new Set(['services', 'names', 'address'])

/** The page flow shared by the forms and the acknowledgement letter: a cursor moving down A4 pages. */
export class Flow {
  readonly pages: PageContent[] = []
  page!: PageContent
  /** Top of the next line box. */
  cursor = 0

  constructor(private readonly faces: FontFaces) {
    this.newPage()
  }

  newPage(): void {
    this.page = { texts: [], strokes: [], boxes: [] }
    this.pages.push(this.page)
    this.cursor = PAGE.height - MARGIN.top
  }

  /** Moves to a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.cursor - height < MARGIN.bottom && this.cursor < PAGE.height - MARGIN.top) this.newPage()
  }

  baselineFor(style: TextStyle): number {
    return this.cursor - style.size * this.faces[style.face].ascent
  }

  /** Places one set line at `x`; returns its baseline. Struck runs get a line through exactly their text. */
  placeLine(set: SetLine, x: number, style: TextStyle): number {
    this.ensure(lineHeight(style))
    const baseline = this.baselineFor(style)
    for (const run of set.runs) {
      this.page.texts.push({ text: run.text, x: x + run.x, y: baseline, style: run.style, field: run.field })
      if (run.blankWidth !== undefined) this.writingLine(x + run.x, x + run.x + Math.max(run.width, run.blankWidth), baseline)
      if (run.struck) {
        const face = this.faces[run.style.face]
        this.page.strokes.push({
          kind: 'strike',
          x1: x + run.x,
          x2: x + run.x + run.width,
          y: baseline + face.strikeoutPosition * run.style.size,
          thickness: Math.max(face.strikeoutThickness * run.style.size, 0.75),
          color: run.style.color
        })
      }
    }
    this.cursor -= lineHeight(style)
    return baseline
  }

  placeText(fragments: Fragment[], x: number, width: number, style: TextStyle): { lastBaseline: number; lastWidth: number } {
    let lastBaseline = this.cursor
    let lastWidth = 0
    for (const set of wrap(this.faces, fragments, width)) {
      lastBaseline = this.placeLine(set, x, style)
      lastWidth = set.width
    }
    return { lastBaseline, lastWidth }
  }

  writingLine(x1: number, x2: number, baseline: number): void {
    this.page.strokes.push({ kind: 'writing', x1, x2, y: baseline - 2.5, thickness: 0.6, color: COLOR.hairline })
  }
}

function layoutRecipient(flow: Flow, faces: FontFaces, lines: FormLine[]): void {
  const style = TEXT.recipient
  const pad = SPACE.boxPadding
  const accent = 3
  const bulletWidth = lines.some((l) => l.bullet) ? SPACE.bulletIndent : 0
  const innerLeft = TEXT_LEFT + accent + pad
  const innerWidth = CONTENT_WIDTH - accent - 2 * pad - bulletWidth
  const sets = lines.map((l) => ({ line: l, sets: wrap(faces, labelFragments(faces, l, style), innerWidth) }))
  const count = sets.reduce((n, s) => n + s.sets.length, 0)
  const height = 2 * pad + count * lineHeight(style) - (lineHeight(style) - style.size * 1.15)
  flow.ensure(height)
  const top = flow.cursor
  flow.page.boxes.push({ x: TEXT_LEFT, y: top - height, width: CONTENT_WIDTH, height, color: COLOR.boxFill })
  flow.page.boxes.push({ x: TEXT_LEFT, y: top - height, width: accent, height, color: COLOR.accent })
  flow.cursor -= pad
  for (const { line, sets: lineSets } of sets) {
    lineSets.forEach((set, i) => {
      if (i === 0 && line.bullet) {
        flow.page.texts.push({ text: line.bullet, x: innerLeft, y: flow.baselineFor(style), style, field: formText(line) })
      }
      flow.placeLine(set, innerLeft + bulletWidth, style)
    })
  }
  flow.cursor = top - height - SPACE.afterRecipient
}

function layoutValues(flow: Flow, faces: FontFaces, values: FilledValue[], textX: number, labelEnd: { baseline: number; x: number }): void {
  const style = TEXT.value
  const textWidth = TEXT_RIGHT - textX
  const inlineX = labelEnd.x + SPACE.valueGap
  const inlineRoom = TEXT_RIGHT - inlineX
  const fitsInline =
    inlineX - textX <= SPACE.maxValueStart * textWidth && values.every((v) => measure(faces, style, v.text) <= inlineRoom)
  if (fitsInline) {
    // A column after the label, starting on the label's last line.
    values.forEach((v, i) => {
      if (i === 0) {
        flow.page.texts.push({ text: v.text, x: inlineX, y: labelEnd.baseline, style, field: v.source })
      } else {
        flow.placeLine({ runs: [{ text: v.text, style, struck: false, field: v.source, x: 0, width: measure(faces, style, v.text) }], width: 0 }, inlineX, style)
      }
    })
    return
  }
  const x = textX + SPACE.valueIndent
  for (const v of values) flow.placeText([{ text: v.text, style, field: v.source }], x, TEXT_RIGHT - x, style)
}

function layoutSignatures(flow: Flow, faces: FontFaces, signatories: FilledValue[], textX: number): void {
  const nameStyle = TEXT.signatory
  const perRow = Math.max(1, Math.floor((TEXT_RIGHT - textX + SPACE.signatureGap) / (SPACE.signatureWidth + SPACE.signatureGap)))
  const slots: (FilledValue | undefined)[] = signatories.length > 0 ? signatories : [undefined]
  for (let start = 0; start < slots.length; start += perRow) {
    const row = slots.slice(start, start + perRow)
    const named = row.map((s) => (s ? wrap(faces, [{ text: s.text, style: nameStyle, field: s.source }], SPACE.signatureWidth) : []))
    const nameLines = Math.max(0, ...named.map((n) => n.length))
    flow.ensure(SPACE.signatureHeight + nameLines * lineHeight(nameStyle) + 4)
    const lineY = flow.cursor - SPACE.signatureHeight
    row.forEach((_, i) => {
      const x = textX + i * (SPACE.signatureWidth + SPACE.signatureGap)
      flow.page.strokes.push({ kind: 'signature', x1: x, x2: x + SPACE.signatureWidth, y: lineY, thickness: 0.7, color: COLOR.muted })
      ;(named[i] ?? []).forEach((set, k) => {
        for (const run of set.runs) {
          flow.page.texts.push({ text: run.text, x: x + run.x, y: lineY - 11 - k * lineHeight(nameStyle), style: run.style, field: run.field })
        }
      })
    })
    flow.cursor = lineY - 6 - nameLines * lineHeight(nameStyle)
  }
}

/** A line with blanks of its own («Bestilt den ___») is written in those: no extra writing line. */
function hasOwnBlank(line: FormLine): boolean {
  return line.segments.some((s) => s.fill !== undefined || /_{3,}/.test(s.text))
}

function layoutBodyLine(flow: Flow, faces: FontFaces, line: FormLine, next: FormLine | undefined, prefilled: boolean): void {
  const style = line.role === 'section' ? TEXT.section : line.role === 'footnote' ? TEXT.footnote : TEXT.body
  if (line.spaceBefore) flow.cursor -= SPACE.blankLine
  const hasBullet = line.bullet !== undefined
  const textX = TEXT_LEFT + (hasBullet || line.role === 'rule' ? SPACE.bulletIndent : 0)
  const textWidth = TEXT_RIGHT - textX
  flow.ensure(lineHeight(style))
  if (hasBullet && line.bullet) {
    flow.page.texts.push({ text: line.bullet, x: TEXT_LEFT, y: flow.baselineFor(style), style, field: formText(line) })
  }
  const label = flow.placeText(labelFragments(faces, line, style), textX, textWidth, style)
  const labelEnd = { baseline: label.lastBaseline, x: textX + label.lastWidth }

  if (line.role === 'field' && line.field === 'signature') {
    // The DK SI annex prints its own signature line (31 underscores) right after the label.
    const ownLine = next?.role === 'rule'
    if (prefilled && line.signatories && line.signatories.length > 0) layoutSignatures(flow, faces, line.signatories, textX)
    else if (!ownLine) layoutSignatures(flow, faces, [], textX)
  } else if (line.role === 'field' && line.values.length > 0) {
    layoutValues(flow, faces, line.values, textX, labelEnd)
  } else if (line.role === 'field' && next?.role !== 'rule' && !hasOwnBlank(line)) {
    // Nothing filled in: room to write by hand, after the label and, for longer answers, a line below.
    const inlineFrom = labelEnd.x + 8
    if (TEXT_RIGHT - inlineFrom >= SPACE.writingLineMin) flow.writingLine(inlineFrom, TEXT_RIGHT, labelEnd.baseline)
    else {
      flow.ensure(lineHeight(style) + 4)
      flow.cursor -= 4
      flow.writingLine(textX, TEXT_RIGHT, flow.baselineFor(style))
      flow.cursor -= lineHeight(style)
    }
    if (line.field && ROOMY_FIELDS.has(line.field)) {
      flow.ensure(lineHeight(style) + 6)
      flow.cursor -= 6
      flow.writingLine(textX, TEXT_RIGHT, flow.baselineFor(style))
      flow.cursor -= lineHeight(style)
    }
  }
  flow.cursor -= line.role === 'section' ? SPACE.afterSection : SPACE.betweenBodyLines
}

function layoutFooter(pages: PageContent[], faces: FontFaces, doc: FormDocument): void {
  const footer = doc.footer
  if (!footer) return
  const style = TEXT.footer
  const valueStyle: TextStyle = { ...style, color: COLOR.text }
  const parts: { text: string; style: TextStyle; field: string }[] = []
  if (footer.caseNumber) {
    parts.push({ text: `${footer.labels.case}: `, style, field: 'form text (footer)' })
    parts.push({ text: footer.caseNumber.text, style: valueStyle, field: footer.caseNumber.source })
    parts.push({ text: '   ·   ', style, field: 'form text (footer)' })
  }
  parts.push({ text: `${footer.labels.generated}: `, style, field: 'form text (footer)' })
  parts.push({ text: footer.generatedOn.text, style: valueStyle, field: footer.generatedOn.source })
  pages.forEach((page, i) => {
    page.strokes.push({ kind: 'footer', x1: TEXT_LEFT, x2: TEXT_RIGHT, y: SPACE.footerRule, thickness: 0.5, color: COLOR.hairline })
    let x = TEXT_LEFT
    for (const p of parts) {
      page.texts.push({ text: p.text, x, y: SPACE.footerBaseline, style: p.style, field: p.field })
      x += measure(faces, p.style, p.text)
    }
    if (pages.length > 1) {
      const label = `${i + 1}/${pages.length}`
      page.texts.push({ text: label, x: TEXT_RIGHT - measure(faces, style, label), y: SPACE.footerBaseline, style, field: 'form text (footer)' })
    }
  })
}

export function layoutForm(doc: FormDocument, faces: FontFaces): FormLayout {
  const flow = new Flow(faces)
  const prefilled = doc.mode === 'prefilled'
  const lines = doc.lines
  const recipientLines = lines.filter((l) => l.role === 'recipient')
  let recipientDone = false
  lines.forEach((line, i) => {
    switch (line.role) {
      case 'kicker':
        flow.placeText(labelFragments(faces, line, TEXT.kicker), TEXT_LEFT, CONTENT_WIDTH, TEXT.kicker)
        flow.cursor -= SPACE.afterKicker
        return
      case 'title':
        flow.placeText(labelFragments(faces, line, TEXT.title), TEXT_LEFT, CONTENT_WIDTH, TEXT.title)
        flow.cursor -= SPACE.afterTitle
        return
      case 'intro':
        flow.placeText(labelFragments(faces, line, TEXT.intro), TEXT_LEFT, CONTENT_WIDTH, TEXT.intro)
        return
      case 'recipient':
        if (!recipientDone) {
          flow.cursor -= SPACE.afterIntro - SPACE.afterTitle
          layoutRecipient(flow, faces, recipientLines)
          recipientDone = true
        }
        return
      default:
        layoutBodyLine(flow, faces, line, lines[i + 1], prefilled)
    }
  })
  layoutFooter(flow.pages, faces, doc)
  return { pages: flow.pages }
}
