// The acknowledgement of receipt of a withdrawal (Directive 2011/83/EU art. 11(3): where the consumer
// withdraws through the trader's means, the trader confirms receipt on a durable medium without delay).
// Pure: the case in, a letter out, as a document model (drawn to PDF by src/main/services/forms) and as
// plain text for an e-mail. Wording per language in acknowledgement-wording.ts.
import { z } from 'zod'
import { isIsoDate, MARKETS, recipientIsSetting, withdrawalContracts, withdrawalRule, type ContractKind, type Currency, type IsoDate, type Market } from '@shared/rules'
import { WORDING, type AckWording } from './acknowledgement-wording'
import { AUTHOR } from './build'
import { FORM_LANGUAGES, LANGUAGE_NAMES, languagesSentence, MARKET_NAMES } from './languages'
import { FormRequestError, MAX_CONSUMERS } from './request'
import type { FormLanguage } from './types'

/** What was withdrawn: the MINI Connected contract, or a named purchase (a package, Service Inclusive). */
export type WithdrawnItem =
  | { kind: 'connected-contract'; reference: string }
  | {
      kind: 'purchase'
      name: string
      reference: string
      /** The terms the purchase falls under (DK: Service Inclusive has its own trader); default 'connected'. */
      contract?: ContractKind
    }

export interface AcknowledgementRequest {
  caseNumber: string
  market: Market
  /** The consumer's language; one of the market's (FORM_LANGUAGES). */
  language: FormLanguage
  /** One name or several, as on the case. */
  consumers: string[]
  /** May contain line breaks. */
  address?: string
  withdrawn: WithdrawnItem
  /** The day the trader received the notice of withdrawal. */
  noticeReceivedOn: IsoDate
  refund: {
    currency: Currency
    /** What is paid back, minor units (øre, öre, cents); 0 when nothing is. */
    amount: number
    /** What the consumer owes for services provided until the withdrawal, minor units (0: nothing). */
    charge?: number
    /** By when the refund is paid; required when `amount` is above 0. */
    dueOn?: IsoDate
  }
  /** BE, LU: the supervisor's recipient setting, the trader who sends the letter (D5). Ignored elsewhere. */
  trader?: { name: string; address?: string; email: string } | null
  /** The letter's date and the PDF's creation date. */
  issuedOn: IsoDate
}

export interface AcknowledgementParty {
  name: string
  department?: string
  address?: string
  email: string
  /** Where the trader comes from: the catalogue clause or the supervisor setting (D5). */
  source: string
}

export interface AcknowledgementFact {
  label: string
  value: string
}

export interface AcknowledgementDocument {
  kind: 'withdrawal-acknowledgement'
  market: Market
  language: FormLanguage
  caseNumber: string
  /** The trader, who confirms (letterhead and signature). */
  sender: AcknowledgementParty
  /** Names, then the address lines. */
  addressee: string[]
  /** The letter's date, written out in the language. */
  date: string
  /** The heading of the letter and the e-mail's subject line. */
  subject: string
  salutation: string
  paragraphs: string[]
  /** The facts confirmed, as a short table: case, what, reference, notice received, refund, due date. */
  facts: AcknowledgementFact[]
  closing: string
  /** Under the closing: the trader's name (and department). */
  signature: string[]
  /** The same letter, ready to paste into an e-mail. */
  email: { subject: string; body: string }
  metadata: { title: string; subject: string; author: string; language: FormLanguage; keywords: string[]; createdOn: IsoDate }
  fileName: string
  /** Input accepted but not used, explained (e.g. a trader given for DK). */
  warnings: string[]
}

const CURRENCIES = ['DKK', 'SEK', 'EUR'] as const
const LANGUAGES = ['da', 'sv', 'pt', 'fr', 'nl', 'de'] as const satisfies readonly FormLanguage[]

const text = (what: string, max: number, lines = false) =>
  z
    .string({ error: `${what} must be text` })
    .transform((s) => s.trim().normalize('NFC'))
    .refine((s) => s.length > 0, { error: `${what} is empty` })
    .refine((s) => s.length <= max, { error: `${what} is longer than ${max} characters` })
    .refine((s) => ![...s].some((ch) => /\p{Cc}/u.test(ch) && !(lines && (ch === '\n' || ch === '\r'))), {
      error: `${what} contains a control character, which cannot be printed`
    })

const isoDate = (what: string) =>
  z.string({ error: `${what} must be a date` }).refine(isIsoDate, { error: `${what} must be a calendar date written YYYY-MM-DD` })

const minor = (what: string) =>
  z
    .number({ error: `${what} must be an amount` })
    .refine((n) => Number.isSafeInteger(n) && n >= 0, { error: `${what} must be a whole number of cents (øre, öre), not below zero` })

export const acknowledgementRequestSchema = z
  .object({
    caseNumber: text('the case number', 64),
    market: z.enum(MARKETS as readonly Market[] as [Market, ...Market[]], {
      error: () => `the market must be one of ${MARKETS.join(', ')}`
    }),
    language: z.enum(LANGUAGES, { error: (iss) => `there is no letter in the language ${JSON.stringify(iss.input)}: choose Danish, Swedish, Portuguese, French, Dutch or German` }),
    consumers: z
      .array(text('a consumer name', 200), { error: 'the consumers must be a list of names' })
      .min(1, { error: 'the letter needs the name of at least one consumer' })
      .max(MAX_CONSUMERS, { error: `at most ${MAX_CONSUMERS} consumers fit on one letter` }),
    address: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text('the address', 1000, true).optional()),
    withdrawn: z.discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('connected-contract'), reference: text('the contract number', 64) }),
        z.object({
          kind: z.literal('purchase'),
          name: text('the name of the purchase', 200),
          reference: text('the purchase reference', 64),
          contract: z.enum(['connected', 'service-inclusive']).optional()
        })
      ],
      { error: 'say what was withdrawn: the MINI Connected contract or a named purchase' }
    ),
    noticeReceivedOn: isoDate('the date the notice was received'),
    refund: z.object(
      {
        currency: z.enum(CURRENCIES, { error: 'the refund currency must be DKK, SEK or EUR' }),
        amount: minor('the refund'),
        charge: minor('the charge for services provided').optional(),
        dueOn: isoDate('the refund due date').optional()
      },
      { error: 'the refund is missing' }
    ),
    trader: z.object({ name: text('the trader’s name', 200), address: text('the trader’s address', 400, true).optional(), email: z.email({ error: 'the trader’s e-mail is not an e-mail address' }) }).nullish(),
    issuedOn: isoDate('the letter date')
  })
  .superRefine((r, ctx) => {
    if (!FORM_LANGUAGES[r.market].includes(r.language)) {
      ctx.addIssue({
        code: 'custom',
        path: ['language'],
        message: `there is no ${LANGUAGE_NAMES[r.language]} letter for this customer: ${languagesSentence(r.market).replace('the forms', 'the letters')}`
      })
    }
    if (r.refund.amount > 0 && r.refund.dueOn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['refund', 'dueOn'], message: 'a refund needs the date by which it is paid' })
    }
    if (r.refund.dueOn !== undefined && r.refund.dueOn < r.noticeReceivedOn) {
      ctx.addIssue({ code: 'custom', path: ['refund', 'dueOn'], message: 'the refund cannot be due before the notice was received' })
    }
    if (r.issuedOn < r.noticeReceivedOn) {
      ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'the letter cannot be dated before the notice was received' })
    }
    const contract = r.withdrawn.kind === 'purchase' ? r.withdrawn.contract : undefined
    if (contract !== undefined && !withdrawalContracts(r.market).includes(contract)) {
      const where = MARKETS.filter((m) => withdrawalContracts(m).includes(contract)).map((m) => MARKET_NAMES[m])
      ctx.addIssue({ code: 'custom', path: ['withdrawn', 'contract'], message: `Service Inclusive terms of their own exist in ${where.join(', ')} only` })
    }
  })

export type ParsedAcknowledgementRequest = z.output<typeof acknowledgementRequestSchema>

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

/** Throws FormRequestError: 'bad-request' for wrong input, 'refused' where the trader is a setting not set (D5). */
export function parseAcknowledgementRequest(input: unknown): ParsedAcknowledgementRequest {
  const result = acknowledgementRequestSchema.safeParse(input)
  if (!result.success) {
    throw new FormRequestError(
      'bad-request',
      result.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }))
    )
  }
  const r = result.data
  if (recipientIsSetting(r.market) && !r.trader) {
    const country = MARKET_NAMES[r.market]
    throw new FormRequestError('refused', [
      {
        path: 'trader',
        message: `the trader who confirms withdrawals in ${country} is not set: a supervisor must enter the withdrawal recipient for ${country} in Settings first`
      }
    ])
  }
  return r
}

/** BCP 47 locale of a language in a market: pt-PT (not Brazilian), fr-BE, nl-BE, de-LU … */
export function localeOf(language: FormLanguage, market: Market): string {
  return `${language}-${market}`
}

function senderFor(r: ParsedAcknowledgementRequest, warnings: string[]): AcknowledgementParty {
  const contract: ContractKind = r.withdrawn.kind === 'purchase' ? (r.withdrawn.contract ?? 'connected') : 'connected'
  const { rule } = withdrawalRule(r.market, contract)
  const c = rule.recipient
  if (c) {
    if (r.trader) warnings.push(`the trader for ${r.market} is fixed by ${c.source.ref}; the trader given was ignored`)
    return {
      name: c.name,
      email: c.email,
      ...(c.department !== undefined ? { department: c.department } : {}),
      ...(c.address !== undefined ? { address: c.address } : {}),
      source: `${c.source.ref} (seed ${c.source.seed})`
    }
  }
  const t = r.trader
  // parseAcknowledgementRequest refused a setting market without a trader; the others have a catalogue trader.
  if (!t || !recipientIsSetting(r.market)) throw new Error(`no trader for ${r.market}`)
  return {
    name: t.name,
    email: t.email,
    ...(t.address !== undefined ? { address: splitLines(t.address).join(', ') } : {}),
    source: `the withdrawal recipient for ${r.market} in Settings (RULES.md §5, D5)`
  }
}

function splitLines(s: string): string[] {
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** The facts and sentences of the letter, before the wording of a language is applied. */
export interface AckFacts {
  plural: boolean
  names: string[]
  /** The names joined the language's way («Anna og Bo», «Anna, Bo e Carla»). */
  namesText: string
  caseNumber: string
  withdrawn: WithdrawnItem
  received: string
  refund: string
  charge: string | undefined
  /** What was paid (refund + charge), for a zero refund where everything was charged. */
  paid: string
  refundZero: boolean
  due: string | undefined
  email: string
  sender: string
}

export function buildAcknowledgement(request: AcknowledgementRequest | unknown): AcknowledgementDocument {
  const r = parseAcknowledgementRequest(request)
  const warnings: string[] = []
  const sender = senderFor(r, warnings)
  const locale = localeOf(r.language, r.market)
  const w: AckWording = WORDING[r.language]
  // Intl: the language's own way of writing dates and amounts («20. marts 2026», «1.234,50 kr.», «1 234,50 €»).
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
  // French writes the first of a month «1er» (CLDR's long date gives «1 avril»).
  const date = (iso: string) => {
    const written = dateFmt.format(new Date(`${iso}T12:00:00Z`))
    return r.language === 'fr' ? written.replace(/^1 /, '1er ') : written
  }
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: r.refund.currency })
  const amount = (m: number) => money.format(m / 100)
  const charge = r.refund.charge ?? 0

  const facts: AckFacts = {
    plural: r.consumers.length > 1,
    names: r.consumers,
    namesText: new Intl.ListFormat(locale, { type: 'conjunction' }).format(r.consumers),
    caseNumber: r.caseNumber,
    withdrawn: r.withdrawn,
    received: date(r.noticeReceivedOn),
    refund: amount(r.refund.amount),
    charge: charge > 0 ? amount(charge) : undefined,
    paid: amount(r.refund.amount + charge),
    refundZero: r.refund.amount === 0,
    due: r.refund.dueOn !== undefined ? date(r.refund.dueOn) : undefined,
    email: sender.email,
    sender: sender.name
  }

  const subject = w.subject(facts)
  const salutation = w.salutation(facts)
  const paragraphs = [w.received(facts), w.refund(facts), w.keep(facts)]
  const table: AcknowledgementFact[] = [
    { label: w.labels.case, value: r.caseNumber },
    { label: w.labels.withdrawn, value: w.item(r.withdrawn) },
    { label: r.withdrawn.kind === 'purchase' ? w.labels.purchaseReference : w.labels.contractReference, value: r.withdrawn.reference },
    { label: w.labels.received, value: facts.received },
    { label: w.labels.refund, value: facts.refund },
    ...(facts.due !== undefined && !facts.refundZero ? [{ label: w.labels.due, value: facts.due }] : [])
  ]
  const signature = [sender.name, ...(sender.department ? [sender.department] : [])]
  const addressee = [...r.consumers, ...(r.address !== undefined ? splitLines(r.address) : [])]

  const body = [
    salutation,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...table.map((f) => `${f.label}${w.colon}${f.value}`),
    '',
    w.closing,
    ...signature,
    sender.email
  ].join('\n')

  const several = FORM_LANGUAGES[r.market].length > 1
  const safeCase = r.caseNumber.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'case'
  return {
    kind: 'withdrawal-acknowledgement',
    market: r.market,
    language: r.language,
    caseNumber: r.caseNumber,
    sender,
    addressee,
    date: date(r.issuedOn),
    subject,
    salutation,
    paragraphs,
    facts: table,
    closing: w.closing,
    signature,
    email: { subject, body },
    metadata: {
      title: subject,
      subject: `Acknowledgement of receipt of a withdrawal (Directive 2011/83/EU art. 11(3)), ${r.market}, case ${r.caseNumber}`,
      author: AUTHOR,
      language: r.language,
      keywords: ['withdrawal', 'acknowledgement of receipt', 'Directive 2011/83/EU', r.market],
      createdOn: r.issuedOn
    },
    fileName: `withdrawal-acknowledgement-${r.market.toLowerCase()}${several ? `-${r.language}` : ''}-${safeCase}.pdf`,
    warnings
  }
}

