import type { FieldKey, FormLanguage, FormRecipient, LineRole } from './types'

/** One line of a form as its source writes it; `text` uses the `{{kind:words}}` markup of markup.ts. */
export interface TemplateLine {
  id: string
  role: LineRole
  bullet?: string
  text: string
  field?: FieldKey
  /**
   * The line's value is written into its first blank («___») that is not struck, instead of after the
   * label (DK SI: «Bestilt den ___», the line of underscores for the services).
   */
  fillsBlank?: boolean
  /** The wording used instead of `text` on a form prefilled for several consumers (DK SI, see variants/dk.ts). */
  several?: string
  /** The source has an empty line before this one. */
  spaceBefore?: boolean
}

export interface FormTemplate {
  /** 'dk-connected', 'dk-service-inclusive', 'se-connected', 'pt-connected', 'fr-connected', 'nl-connected', 'de-connected' */
  id: string
  language: FormLanguage
  /** The form's name in its language, where the rules catalogue (one language per market) does not give it. */
  name?: string
  /** Where the wording comes from (seed lines, law), for a lawyer. */
  sources: string[]
  kicker?: string
  /** The title line exactly as printed (may end with a colon, as in the DK and SE seeds). */
  title: string
  intro?: string
  /** The addressee lines; built from the catalogue recipient (or the D5 setting for BE/LU). */
  recipientLines: (r: FormRecipient) => TemplateLine[]
  body: TemplateLine[]
  footnote?: TemplateLine
  /** Footer of a prefilled form (our addition, not form text): labels in the form's language. */
  footerLabels: { case: string; generated: string }
  /** How a date is printed in this language (ISO in, local out). */
  formatDate: (iso: string) => string
}

/**
 * dd.mm.yyyy (da, de), yyyy-mm-dd (sv, the Swedish standard SS-ISO 8601), dd/mm/yyyy (pt, fr, nl: Belgian
 * Dutch writes 20/03/2026 like Belgian French). Hand-written rather than Intl: a form's blank takes the
 * numeric date whatever the runtime's ICU data says.
 */
export function dateFormatter(style: 'dots' | 'iso' | 'slashes'): (iso: string) => string {
  return (iso) => {
    const [y, m, d] = iso.split('-')
    if (style === 'iso') return iso
    return style === 'dots' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`
  }
}
