// The Unicode font of the forms (RULES.md §9: names in any script, so the PDF embeds a font): DejaVu Sans,
// regular and bold, read and parsed once per service and shared by every render.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import type { Font } from '@pdf-lib/fontkit'

export type FaceName = 'regular' | 'bold'

export const FONT_FILES: Readonly<Record<FaceName, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf'
}

/**
 * Ligatures off: «fi» stays two glyphs, so copied or extracted text is the typed text. The same features
 * are used to measure and to draw, so the measured width is the drawn width (strike lines depend on it).
 */
export const FONT_FEATURES = { liga: false } as const

export interface FontFace {
  face: FaceName
  /** e.g. 'DejaVuSans' */
  postscriptName: string
  /** Human name for messages, e.g. 'DejaVu Sans Bold'. */
  displayName: string
  bytes: Uint8Array
  font: Font
  /** In units of the font size (1 = the size), from the font's own tables. */
  ascent: number
  descent: number
  /** OS/2 yStrikeoutPosition / yStrikeoutSize: where and how thick a strike-through line is. */
  strikeoutPosition: number
  strikeoutThickness: number
  hasGlyph(codePoint: number): boolean
  /** Advance width of `text` at `size` points, exactly as pdf-lib will draw it. */
  widthOf(text: string, size: number): number
}

export interface FontFaces {
  regular: FontFace
  bold: FontFace
}

/** Word widths repeat from form to form (the same verbatim lines); bounded so odd inputs cannot grow it forever. */
const WIDTH_CACHE_LIMIT = 20_000

function makeFace(face: FaceName, bytes: Uint8Array): FontFace {
  const font = fontkit.create(bytes)
  const upem = font.unitsPerEm
  // fontkit's typings omit the OS/2 strike-out fields; DejaVu has them (530 / 102 units of 2048).
  const os2 = font['OS/2'] as { yStrikeoutPosition?: number; yStrikeoutSize?: number }
  const widths = new Map<string, number>()
  const unitsWidth = (text: string): number => {
    const cached = widths.get(text)
    if (cached !== undefined) return cached
    let total = 0
    for (const glyph of font.layout(text, { ...FONT_FEATURES }).glyphs) total += glyph.advanceWidth
    const w = total / upem
    if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear()
    widths.set(text, w)
    return w
  }
  const postscriptName = font.postscriptName ?? `DejaVuSans${face === 'bold' ? '-Bold' : ''}`
  return {
    face,
    postscriptName,
    displayName: font.fullName ?? postscriptName,
    bytes,
    font,
    ascent: font.ascent / upem,
    descent: font.descent / upem,
    strikeoutPosition: (os2.yStrikeoutPosition ?? upem * 0.26) / upem,
    strikeoutThickness: (os2.yStrikeoutSize ?? upem * 0.05) / upem,
    hasGlyph: (cp) => font.hasGlyphForCodePoint(cp),
    widthOf: (text, size) => unitsWidth(text) * size
  }
}

export async function loadFontFaces(fontsDir: string): Promise<FontFaces> {
  const [regular, bold] = await Promise.all(
    (['regular', 'bold'] as const).map(async (face) => {
      const path = join(fontsDir, FONT_FILES[face])
      let bytes: Uint8Array
      try {
        bytes = new Uint8Array(await readFile(path))
      } catch (cause) {
        throw new Error(`the form font ${FONT_FILES[face]} is missing from ${fontsDir} (resources/fonts)`, { cause })
      }
      return makeFace(face, bytes)
    })
  )
  if (!regular || !bold) throw new Error('font loading failed')
  return { regular, bold }
}

/**
 * A fontkit for pdf-lib that hands back the already parsed fonts for our bytes, so a render does not
 * parse 1.4 MB of TrueType again. Each render still makes its own subset (pdf-lib: font.createSubset()).
 */
export function cachingFontkit(faces: FontFaces): { create: (bytes: Uint8Array) => Font } {
  return {
    create: (bytes) => {
      if (bytes === faces.regular.bytes) return faces.regular.font
      if (bytes === faces.bold.bytes) return faces.bold.font
      return fontkit.create(bytes)
    }
  }
}
