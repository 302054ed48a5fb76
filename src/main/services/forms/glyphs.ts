// RULES.md §9: "a character the font lacks is an explicit error naming it, never a silent gap or a crash".
// Every string is checked against the face it will be drawn in, before anything is drawn.
import { ServiceError } from '../errors'
import type { FontFace } from './fonts'

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}

export class MissingGlyphError extends ServiceError {
  readonly character: string
  readonly codePoint: number
  /** 'U+1F697' */
  readonly codePointLabel: string
  /** Where the text came from: 'consumers[1]', 'address', 'recipient.name', or 'form text (<line id>)'. */
  readonly field: string
  readonly font: string

  constructor(character: string, codePoint: number, field: string, font: string) {
    const label = codePointLabel(codePoint)
    const params = { character, codePoint: label }
    super('bad-request', 'form.missingGlyph', params, [{ path: field, key: 'form.missingGlyph', params }])
    this.name = 'MissingGlyphError'
    this.character = character
    this.codePoint = codePoint
    this.codePointLabel = label
    this.field = field
    this.font = font
  }
}

/** A string to be drawn, the face it is drawn in, and where it came from. */
export interface PrintedText {
  text: string
  face: FontFace
  field: string
}

// Line breaks are layout, not glyphs (an address may contain them).
const LAYOUT_ONLY = new Set([0x0a, 0x0d])

export function assertPrintable(items: Iterable<PrintedText>): void {
  for (const { text, face, field } of items) {
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0
      if (LAYOUT_ONLY.has(cp)) continue
      if (!face.hasGlyph(cp)) throw new MissingGlyphError(ch, cp, field, face.displayName)
    }
  }
}
