// buildWithdrawalForm: request in, content model out. Pure: no clock (generatedOn is an input), no I/O.
import { withdrawalRule } from '@shared/rules'
import { toSegments } from './markup'
import { parseWithdrawalFormRequest, type ParsedWithdrawalFormRequest } from './request'
import { isStruck } from './strike'
import type { FormTemplate, TemplateLine } from './template'
import type {
  AlternativeSummary,
  FieldKey,
  FilledValue,
  FormDocument,
  FormLanguage,
  FormLine,
  FormRecipient,
  FormSegment,
  WithdrawalFormRequest
} from './types'
import { defaultLanguage, hasSeveralLanguages } from './languages'
import { DK_CONNECTED, DK_SERVICE_INCLUSIVE } from './variants/dk'
import { DE_CONNECTED, FR_CONNECTED, NL_CONNECTED, PT_CONNECTED } from './variants/eu'
import { SE_CONNECTED } from './variants/se'

export const AUTHOR = 'MINI Back Office'

const CONTRACT_NAMES = { connected: 'MINI Connected', 'service-inclusive': 'Service Inclusive' } as const

/** The template of a market's form in a language (the market's default when none is given; unchecked here). */
export function templateFor(
  market: WithdrawalFormRequest['market'],
  contract: WithdrawalFormRequest['contract'],
  language: FormLanguage = defaultLanguage(market)
): FormTemplate {
  switch (market) {
    case 'DK':
      return contract === 'service-inclusive' ? DK_SERVICE_INCLUSIVE : DK_CONNECTED
    case 'SE':
      return SE_CONNECTED
    case 'PT':
      return PT_CONNECTED
    case 'BE':
    case 'LU':
      return language === 'nl' ? NL_CONNECTED : language === 'de' ? DE_CONNECTED : FR_CONNECTED
  }
}

/** The catalogue's recipient (RULES.md §5), or for BE/LU the supervisor's setting passed in (D5). */
function recipientFor(r: ParsedWithdrawalFormRequest, warnings: string[]): FormRecipient {
  const { rule } = withdrawalRule(r.market, r.contract)
  if (rule.recipient) {
    if (r.recipient) warnings.push(`the recipient for ${r.market} is fixed by ${rule.recipient.source.ref}; the recipient given was ignored`)
    const c = rule.recipient
    return {
      name: c.name,
      email: c.email,
      ...(c.department !== undefined ? { department: c.department } : {}),
      ...(c.address !== undefined ? { address: c.address } : {}),
      source: `${c.source.ref} (seed ${c.source.seed})`
    }
  }
  // parseWithdrawalFormRequest has refused BE/LU without a recipient.
  const given = r.recipient
  if (!given) throw new Error(`no recipient for ${r.market}`)
  return {
    name: given.name,
    email: given.email,
    // A multi-line address setting is printed on the form's one addressee line.
    ...(given.address !== undefined ? { address: splitLines(given.address).join(', ') } : {}),
    source: `supervisor setting recipient${r.market} (RULES.md §5, D5)`
  }
}

/** An address typed over several lines: one printed line each; empty lines and trailing blanks dropped. */
function splitLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
}

function valuesFor(field: FieldKey, r: ParsedWithdrawalFormRequest, t: FormTemplate): FilledValue[] {
  const consumers = r.consumers ?? []
  const named = (from: number) => consumers.slice(from).map((text, i) => ({ text, source: `consumers[${from + i}]` as const }))
  switch (field) {
    case 'services':
      return r.services !== undefined ? [{ text: r.services, source: 'services' }] : []
    case 'ordered':
      return r.orderedOn !== undefined ? [{ text: t.formatDate(r.orderedOn), source: 'orderedOn' }] : []
    case 'names':
      return named(0)
    case 'name1':
      return named(0).slice(0, 1)
    case 'name2':
      return named(1)
    case 'address':
      return r.address !== undefined ? splitLines(r.address).map((text) => ({ text, source: 'address' as const })) : []
    case 'date':
      return r.signedOn !== undefined ? [{ text: t.formatDate(r.signedOn), source: 'signedOn' }] : []
    case 'phone':
    case 'email':
    case 'signature':
      // Not in the request; a signature is written by hand.
      return []
  }
}

/**
 * Writes a value into the line's first blank («___») that is not struck: the segment is cut around the
 * underscores and the blank carries the value. No blank: the line is returned unchanged.
 */
function fillBlank(segments: FormSegment[], value: FilledValue): { segments: FormSegment[]; filled: boolean } {
  const at = segments.findIndex((s) => !(s.kind === 'alternative' && s.struck) && /_{3,}/.test(s.text))
  const target = segments[at]
  if (!target) return { segments, filled: false }
  const match = /_{3,}/.exec(target.text)
  if (!match) return { segments, filled: false }
  const before = target.text.slice(0, match.index)
  const after = target.text.slice(match.index + match[0].length)
  const piece = (text: string, fill?: FilledValue): FormSegment => ({ ...target, text, ...(fill ? { fill } : {}) })
  const cut = [...(before ? [piece(before)] : []), piece(match[0], value), ...(after ? [piece(after)] : [])]
  return { segments: [...segments.slice(0, at), ...cut, ...segments.slice(at + 1)], filled: true }
}

function fileNameFor(r: ParsedWithdrawalFormRequest, language: FormLanguage): string {
  const suffix =
    r.mode === 'blank'
      ? 'blank'
      : r.caseNumber !== undefined
        ? r.caseNumber.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'prefilled'
        : 'prefilled'
  const lang = hasSeveralLanguages(r.market) ? `-${language}` : ''
  return `withdrawal-form-${r.market.toLowerCase()}-${r.contract}${lang}-${suffix}.pdf`
}

/**
 * Build the form for a request (validated here: throws FormRequestError). A blank form strikes nothing
 * and fills nothing; its fill-in data, if any was sent, is ignored.
 */
export function buildWithdrawalForm(request: WithdrawalFormRequest | unknown): FormDocument {
  const r = parseWithdrawalFormRequest(request)
  const language = r.language ?? defaultLanguage(r.market)
  const template = templateFor(r.market, r.contract, language)
  const { rule } = withdrawalRule(r.market, r.contract)
  const warnings: string[] = []
  const recipient = recipientFor(r, warnings)
  const prefilled = r.mode === 'prefilled'
  const consumerCount = prefilled ? (r.consumers ?? []).length : 0
  const strike = (kind: Parameters<typeof isStruck>[0]) => isStruck(kind, r.mode, consumerCount)

  if (!prefilled) {
    const ignored = (['consumers', 'address', 'orderedOn', 'services', 'signedOn', 'caseNumber'] as const).filter((k) => r[k] !== undefined)
    if (ignored.length > 0) warnings.push(`a blank form fills nothing: ${ignored.join(', ')} ignored`)
  }

  const toLine = (tl: TemplateLine): FormLine => {
    const text = consumerCount > 1 && tl.several !== undefined ? tl.several : tl.text
    let segments = toSegments(text, strike)
    let values = prefilled && tl.field ? valuesFor(tl.field, r, template) : []
    const first = values[0]
    if (tl.fillsBlank && first && values.length === 1) {
      const filled = fillBlank(segments, first)
      if (filled.filled) {
        segments = filled.segments
        values = []
      }
    }
    const line: FormLine = { id: tl.id, role: tl.role, segments, values }
    if (tl.bullet !== undefined) line.bullet = tl.bullet
    if (tl.field !== undefined) line.field = tl.field
    if (tl.spaceBefore) line.spaceBefore = true
    if (tl.field === 'signature' && prefilled) line.signatories = valuesFor('names', r, template)
    return line
  }

  const lines: FormLine[] = [
    ...(template.kicker ? [toLine({ id: `${template.id}.kicker`, role: 'kicker', text: template.kicker })] : []),
    toLine({ id: `${template.id}.title`, role: 'title', text: template.title }),
    ...(template.intro ? [toLine({ id: `${template.id}.intro`, role: 'intro', text: template.intro })] : []),
    ...template.recipientLines(recipient).map(toLine),
    ...template.body.map(toLine),
    ...(template.footnote ? [toLine(template.footnote)] : [])
  ]

  const alternatives: AlternativeSummary[] = lines.flatMap((l) =>
    l.segments.flatMap((s) => (s.kind === 'alternative' ? [{ lineId: l.id, text: s.text, alternative: s.alternative, struck: s.struck }] : []))
  )

  const contractName = CONTRACT_NAMES[r.contract]
  // The catalogue names each market's form in its one default language; the other languages' names are the templates'.
  const title = template.name ?? rule.form.title
  const doc: FormDocument = {
    variant: `${r.market.toLowerCase()}-${r.contract}${hasSeveralLanguages(r.market) ? `-${language}` : ''}`,
    market: r.market,
    contract: r.contract,
    mode: r.mode,
    language: template.language,
    title,
    recipient,
    lines,
    alternatives,
    metadata: {
      title: `${title} – ${contractName} (${r.market})`,
      subject:
        `Standard withdrawal form, ${r.market} ${contractName}, ${prefilled ? 'prefilled' : 'blank'}` +
        (prefilled && r.caseNumber !== undefined ? `, case ${r.caseNumber}` : ''),
      author: AUTHOR,
      language: template.language,
      keywords: ['withdrawal', 'Directive 2011/83/EU', r.market, contractName, r.mode],
      createdOn: r.generatedOn
    },
    fileName: fileNameFor(r, language),
    warnings,
    sources: [...template.sources, 'strike-through: RULES.md §9']
  }
  if (prefilled) {
    doc.footer = {
      generatedOn: { text: template.formatDate(r.generatedOn), source: 'generatedOn' },
      labels: template.footerLabels,
      ...(r.caseNumber !== undefined ? { caseNumber: { text: r.caseNumber, source: 'caseNumber' as const } } : {})
    }
  }
  return doc
}

/** The words of a line as printed, alternatives included (struck or not). */
export function lineText(line: FormLine): string {
  return line.segments.map((s) => s.text).join('')
}
