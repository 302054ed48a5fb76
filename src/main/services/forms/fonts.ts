// The Unicode font of the forms (RULES.md §9: names in any script, so the PDF embeds a font): DejaVu Sans,
// regular and bold: the files read and parsed once per service; each document gets Font objects of its own.
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

/** What `documentFontkit` reads of fontkit's parsed Font beyond its typings (fontkit 1.x TTFFont). */
interface FontInternals {
  stream?: { pos: number }
  _tables?: Record<string, unknown>
  constructor: new (stream: unknown) => Font
}

/**
 * The fontkit pdf-lib gets for one document: every embedFont gets a Font object of its own over the cached
 * file bytes, never the shared parsed Font (issue 13, defect 7).
 *
 * Why: fontkit keeps one Glyph object per glyph id in each Font, carrying the characters of the call that
 * first created it, and pdf-lib writes a subset's ToUnicode map from those characters. When a document's
 * subset is written, fontkit adds the components of composite glyphs (A of «Á», i of «ị», e of «ễ») with
 * no characters at all; with one shared Font, a later document drawing «A», «i» or «e» got those objects
 * back and its text layer lost the letters (the page still looked right).
 *
 * Why not fontkit.create(bytes) per document: it copies the 700 KB file and decodes cmap, GSUB, GPOS and
 * hmtx again, ~10–20 ms a face, a large share of the warm-render budget (npm run bench, ≤ 50 ms). So the
 * new Font is built over the shared Font's stream (no copy) and starts with its decoded tables, which are
 * read-only data (the subsetter clones what it changes); glyph objects, layout engine and cmap processor
 * are its own. This reads fontkit internals (`stream`, `_tables`, the constructor); where they are missing
 * (another fontkit version) the Font is parsed from the bytes: slower, still correct.
 */
export function documentFontkit(faces: FontFaces): { create: (bytes: Uint8Array) => Font } {
  return {
    create: (bytes) => {
      const shared = bytes === faces.regular.bytes ? faces.regular.font : bytes === faces.bold.bytes ? faces.bold.font : undefined
      const internals = shared as unknown as FontInternals | undefined
      if (!internals?.stream || !internals._tables) return fontkit.create(bytes)
      // The constructor reads the table directory from the stream's current position.
      internals.stream.pos = 0
      const fresh = new internals.constructor(internals.stream)
      const own = (fresh as unknown as FontInternals)._tables
      if (!own) return fontkit.create(bytes)
      Object.assign(own, internals._tables)
      return fresh
    }
  }
}
