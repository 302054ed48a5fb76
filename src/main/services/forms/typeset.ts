// Line breaking of mixed-style text: the words of a form line, its `(*)` alternatives (struck or not) and
// its filled values. Breaks only at spaces, never inside «Jeg/vi», and never before a lone «:» (French).
import type { FontFaces } from './fonts'
import type { TextStyle } from './style'

export interface Fragment {
  text: string
  style: TextStyle
  /** Draw a line through exactly this text (RULES.md §9). */
  struck?: boolean
  /** Where the text came from, for MissingGlyphError. */
  field: string
  /** A value written into a blank of the form: a writing line under it, at least this wide (the blank's width). */
  blankWidth?: number
}

export interface PlacedRun {
  text: string
  style: TextStyle
  struck: boolean
  field: string
  /** Offset from the start of the line. */
  x: number
  width: number
  /** Copied from the fragment: this run fills a blank. */
  blankWidth?: number
}

export interface SetLine {
  runs: PlacedRun[]
  width: number
}

interface Token {
  text: string
  frag: number
  space: boolean
}

interface Word {
  tokens: Token[]
  width: number
  /** The blanks before it (dropped when the word starts a line). */
  lead: Token[]
  leadWidth: number
}

// Punctuation that must stay on the line of the word before it («ci-dessous :»).
const CLINGS = /^[:;!?»)]+$/u

export function measure(faces: FontFaces, style: TextStyle, text: string): number {
  return faces[style.face].widthOf(text, style.size)
}

function tokenize(fragments: readonly Fragment[]): Token[] {
  const tokens: Token[] = []
  fragments.forEach((f, frag) => {
    for (const piece of f.text.split(/( +)/)) {
      if (piece !== '') tokens.push({ text: piece, frag, space: piece.startsWith(' ') })
    }
  })
  return tokens
}

function widthOfTokens(faces: FontFaces, fragments: readonly Fragment[], tokens: readonly Token[]): number {
  let w = 0
  for (const t of tokens) {
    const f = fragments[t.frag]
    if (f) w += measure(faces, f.style, t.text)
  }
  return w
}

function words(faces: FontFaces, fragments: readonly Fragment[]): Word[] {
  const out: Word[] = []
  let lead: Token[] = []
  let current: Token[] = []
  const flush = () => {
    if (current.length === 0) return
    const prev = out[out.length - 1]
    const text = current.map((t) => t.text).join('')
    if (prev && CLINGS.test(text)) {
      prev.tokens.push(...lead, ...current)
      prev.width = widthOfTokens(faces, fragments, prev.tokens)
    } else {
      out.push({ tokens: current, width: widthOfTokens(faces, fragments, current), lead, leadWidth: widthOfTokens(faces, fragments, lead) })
    }
    lead = []
    current = []
  }
  for (const t of tokenize(fragments)) {
    if (t.space) {
      flush()
      lead.push(t)
    } else {
      current.push(t)
    }
  }
  flush()
  return out
}

/** A word wider than the line (an e-mail, 49 underscores on a narrow column) is cut between characters. */
function splitWide(faces: FontFaces, fragments: readonly Fragment[], word: Word, maxWidth: number): Word[] {
  const pieces: Word[] = []
  let tokens: Token[] = []
  let width = 0
  for (const t of word.tokens) {
    const f = fragments[t.frag]
    if (!f) continue
    for (const ch of t.text) {
      const w = measure(faces, f.style, ch)
      if (width + w > maxWidth && width > 0) {
        pieces.push({ tokens, width, lead: [], leadWidth: 0 })
        tokens = []
        width = 0
      }
      const last = tokens[tokens.length - 1]
      if (last && last.frag === t.frag) last.text += ch
      else tokens.push({ text: ch, frag: t.frag, space: false })
      width += w
    }
  }
  if (tokens.length > 0) pieces.push({ tokens, width, lead: [], leadWidth: 0 })
  const first = pieces[0]
  if (first) {
    first.lead = word.lead
    first.leadWidth = word.leadWidth
  }
  return pieces
}

function toLine(faces: FontFaces, fragments: readonly Fragment[], tokens: readonly Token[]): SetLine {
  // Adjacent tokens of one fragment become one run: one text object in the PDF.
  const merged: Token[] = []
  for (const t of tokens) {
    const last = merged[merged.length - 1]
    if (last && last.frag === t.frag) last.text += t.text
    else merged.push({ ...t })
  }
  const runs: PlacedRun[] = []
  let x = 0
  for (const t of merged) {
    const f = fragments[t.frag]
    if (!f) continue
    const width = measure(faces, f.style, t.text)
    runs.push({ text: t.text, style: f.style, struck: f.struck === true, field: f.field, x, width, ...(f.blankWidth !== undefined ? { blankWidth: f.blankWidth } : {}) })
    x += width
  }
  return { runs, width: x }
}

/**
 * Greedy line breaking. `firstWidth` is the room on the first line, `restWidth` on the following ones
 * (a hanging indent or a label before the first line make them differ).
 */
export function wrap(faces: FontFaces, fragments: readonly Fragment[], firstWidth: number, restWidth = firstWidth): SetLine[] {
  const lines: Token[][] = []
  let line: Token[] = []
  let width = 0
  const room = () => (lines.length === 0 ? firstWidth : restWidth)
  for (const original of words(faces, fragments)) {
    const parts = original.width > Math.min(firstWidth, restWidth) ? splitWide(faces, fragments, original, Math.min(firstWidth, restWidth)) : [original]
    for (const word of parts) {
      if (line.length === 0) {
        line = [...word.tokens]
        width = word.width
      } else if (width + word.leadWidth + word.width <= room() + 1e-6) {
        line.push(...word.lead, ...word.tokens)
        width += word.leadWidth + word.width
      } else {
        lines.push(line)
        line = [...word.tokens]
        width = word.width
      }
    }
  }
  if (line.length > 0) lines.push(line)
  return lines.map((tokens) => toLine(faces, fragments, tokens))
}
