// The content model of a standard withdrawal form (RULES.md §9): what the form says, line by line, which
// `(*)` alternatives are struck and which values are filled in. It knows nothing about pages, fonts or PDF;
// src/main/services/forms draws it.
import type { ContractKind, IsoDate, Market } from '@shared/rules'

export type FormMarket = Market
export type FormContract = ContractKind
export type FormMode = 'prefilled' | 'blank'
/** The languages of the forms (RULES.md §9): DK da, SE sv, PT pt; BE fr, nl or de; LU fr or de. */
export type FormLanguage = 'da' | 'sv' | 'pt' | 'fr' | 'nl' | 'de'

/** The request as the UI sends it (validated by `withdrawalFormRequestSchema`). */
export interface WithdrawalFormRequest {
  market: FormMarket
  /** 'service-inclusive' exists in DK only (DK SI Bilag). */
  contract: FormContract
  mode: FormMode
  /**
   * The consumer's language where the market has several (BE: fr, nl, de; LU: fr, de); absent: the
   * market's default (FORM_LANGUAGES). A language the market does not have is refused.
   */
  language?: FormLanguage
  /** One name, or several; printed exactly as typed, in any script. */
  consumers?: string[]
  /** May contain line breaks. */
  address?: string
  /** ISO date of the order / conclusion («Bestilt den», «Beställt den», «Solicitado em», «Commandé le»). */
  orderedOn?: IsoDate
  /** What is withdrawn, e.g. 'MINI Connected' or a package name. */
  services?: string
  /** ISO date printed after «Dato» / «Datum» / «Data» / «Date». */
  signedOn?: IsoDate
  /** Required for BE and LU (D5: a supervisor setting); ignored, with a warning, elsewhere. */
  recipient?: { name: string; address?: string; email: string } | null
  caseNumber?: string
  /** ISO date of generation: the footer of a prefilled form and the PDF creation date. */
  generatedOn: IsoDate
}

/**
 * The `(*)` alternatives of the model form (Directive 2011/83/EU Annex I(B)): which consumer count
 * (singular/plural), what was bought (goods/services) and which date (ordered/received).
 */
export type AlternativeKind = 'singular' | 'plural' | 'goods' | 'services' | 'ordered' | 'received'

/**
 * A piece of a line. A segment with `fill` is a written blank of the source («___»): the value is printed
 * in its place, on a writing line, instead of after the label (DK SI «Bestilt den ___»); `text` stays the
 * source's blank.
 */
export type FormSegment =
  | { kind: 'text'; text: string; fill?: FilledValue }
  | { kind: 'alternative'; text: string; alternative: AlternativeKind; struck: boolean; fill?: FilledValue }

/** Where a string printed on the form comes from, so a missing glyph can be traced to its field. */
export type ValueSource =
  | `consumers[${number}]`
  | 'address'
  | 'orderedOn'
  | 'services'
  | 'signedOn'
  | 'caseNumber'
  | 'generatedOn'
  | 'recipient.name'
  | 'recipient.address'
  | 'recipient.email'

export interface FilledValue {
  text: string
  source: ValueSource
}

export type FieldKey =
  | 'services'
  | 'ordered'
  | 'names'
  | 'name1'
  | 'name2'
  | 'address'
  | 'phone'
  | 'email'
  | 'signature'
  | 'date'

export type LineRole =
  /** Small line above the title (DK SI «Bilag – Model for udtrædelsesformular»). */
  | 'kicker'
  | 'title'
  /** The parenthesised instruction under the title. */
  | 'intro'
  /** A line of the addressee block. */
  | 'recipient'
  /** Sub-heading inside the body (SE «Information om konsument»). */
  | 'section'
  /** A body line without a value (the declaration itself, when it carries no field). */
  | 'statement'
  /** A body line followed by a value to fill in. */
  | 'field'
  /** A written line of underscores, kept as in the source. */
  | 'rule'
  | 'footnote'

export interface FormLine {
  /** Stable id, e.g. 'dk-connected.declaration'. */
  id: string
  role: LineRole
  /** The bullet printed in front of the line in the source ('-' or '—'), if any. */
  bullet?: string
  /** The verbatim words, with the `(*)` alternatives as their own segments. */
  segments: FormSegment[]
  /** For role 'field': which value goes after the label. */
  field?: FieldKey
  /** Filled values, one printed line each; always empty on a blank form. */
  values: FilledValue[]
  /** For the signature field of a prefilled form: one signature line per consumer, named under it. */
  signatories?: FilledValue[]
  /** An empty line precedes this one in the source. */
  spaceBefore?: boolean
}

export interface FormRecipient {
  name: string
  /** Attention line printed under the name where the form has one (SE «Mini Connected Kundservice:»). */
  department?: string
  address?: string
  email: string
  /** Where it comes from: the catalogue clause, or the supervisor setting (D5). */
  source: string
}

export interface FormFooter {
  caseNumber?: FilledValue
  generatedOn: FilledValue
  /** Localised labels, e.g. { case: 'Sagsnummer', generated: 'Udskrevet' }. */
  labels: { case: string; generated: string }
}

export interface FormMetadata {
  title: string
  subject: string
  author: string
  language: FormLanguage
  keywords: string[]
  /** ISO date; the PDF creation and modification date. */
  createdOn: IsoDate
}

export interface AlternativeSummary {
  lineId: string
  text: string
  alternative: AlternativeKind
  struck: boolean
}

export interface FormDocument {
  /** e.g. 'dk-connected' */
  variant: string
  market: FormMarket
  contract: FormContract
  mode: FormMode
  language: FormLanguage
  /** The form's name as the seed or the law gives it (catalogue `form.title`). */
  title: string
  recipient: FormRecipient
  /** Every line in reading order: kicker, title, intro, recipient block, body, footnote. */
  lines: FormLine[]
  /** Every `(*)` alternative and whether it is struck, in reading order. */
  alternatives: AlternativeSummary[]
  /** Only on prefilled forms. */
  footer?: FormFooter
  metadata: FormMetadata
  fileName: string
  /** Input that was accepted but not used, explained (e.g. a recipient given for DK). */
  warnings: string[]
  /** Where the wording comes from, for a lawyer. */
  sources: string[]
}
