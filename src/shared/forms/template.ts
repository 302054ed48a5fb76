import type { FieldKey, FormLanguage, FormRecipient, LineRole } from './types'

/** One line of a form as its source writes it; `text` uses the `{{kind:words}}` markup of markup.ts. */
export interface TemplateLine {
  id: string
  role: LineRole
  bullet?: string
  text: string
  field?: FieldKey
  /** The source has an empty line before this one. */
  spaceBefore?: boolean
}

export interface FormTemplate {
  /** 'dk-connected', 'dk-service-inclusive', 'se-connected', 'pt-connected', 'fr-connected' */
  id: string
  language: FormLanguage
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

/** dd.mm.yyyy (DK), yyyy-mm-dd (SE, the Swedish standard SS-ISO 8601), dd/mm/yyyy (PT, FR). */
export function dateFormatter(style: 'dots' | 'iso' | 'slashes'): (iso: string) => string {
  return (iso) => {
    const [y, m, d] = iso.split('-')
    if (style === 'iso') return iso
    return style === 'dots' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`
  }
}
