/**
 * Search keys shared by the main process and the renderer cache, so that what main stores and what the
 * renderer looks up are folded the same way.
 *
 * Accent folding uses Unicode NFD decomposition plus a small table for letters that do not decompose
 * (ø, æ, ł, ß …): agents type "Ostergard" for "Østergård" on a keyboard without Danish letters.
 * Danish and Norwegian names are also written with the letters spelt out ("Oestergaard", "Baekgaard",
 * "Aarhus"): `aa`, `ae` and `oe` fold like `å`, `æ` and `ø`, in names and in what is typed alike.
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

/**
 * Bump whenever `foldText` folds anything differently: stored search keys (main's name words, the
 * renderer's name index) are rebuilt when theirs differs.
 */
export const FOLD_VERSION = 2

/** Lower case without accents, letters that do not decompose spelt out: "Bækgaard" → "baekgaard". */
export function stripAccents(input: string): string {
  return input
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđðþı]/g, (c) => NON_DECOMPOSING[c] ?? c)
}

/**
 * The spellings of å, æ and ø without those letters, reduced to one letter each (after accents are
 * stripped, å is a and ø is o; æ was spelt ae): "Østergård", "Oestergaard" and "Ostergard" all fold to
 * "ostergard". One left-to-right pass, never repeated, so that a prefix of a word folds to a prefix of
 * the word's folding ("Oestergaa" → "osterga"), which is what typing while results appear needs.
 */
const SPELT_OUT = /aa|ae|oe/g

export function foldText(input: string): string {
  return stripAccents(input).replace(SPELT_OUT, (pair) => pair[0]!)
}

/** Words of a name, folded: "Søren Ærø Østergård" → ["soren", "aro", "ostergard"]. */
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
