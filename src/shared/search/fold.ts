/**
 * Search keys shared by the main process and the renderer cache, so that what main stores and what the
 * renderer looks up are folded the same way.
 *
 * Accent folding uses Unicode NFD decomposition plus a small table for letters that do not decompose
 * (ø, æ, ł, ß …): agents type "Ostergard" for "Østergård" on a keyboard without Danish letters.
 */
const NON_DECOMPOSING: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
}

export function foldText(input: string): string {
  return input
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđðþı]/g, (c) => NON_DECOMPOSING[c] ?? c)
}

/** Words of a name, folded: "Søren Ærø Østergård" → ["soren", "aero", "ostergard"]. */
export function nameTokens(...parts: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>()
  for (const part of parts) {
    if (!part) continue
    for (const word of foldText(part).split(/[^\p{L}\p{N}]+/u)) {
      if (word) tokens.add(word)
    }
  }
  return [...tokens]
}

/** Plates are compared without spaces, dashes and case: "AB 12 345", "ab12345" and "AB-12-345" match. */
export function plateKey(plate: string): string {
  return plate.toUpperCase().replace(/[^A-Z0-9]/g, '')
}
