// Validation of a form request (the UI's input crosses IPC: never trust it). Errors name the field and say
// what to do, in English, for the agent and the log.
import { z } from 'zod'
import { isIsoDate, MARKETS, recipientIsSetting, withdrawalContracts } from '@shared/rules'
import { ALL_FORM_LANGUAGES, FORM_LANGUAGES, LANGUAGE_NAMES, languagesSentence, MARKET_NAMES } from './languages'
import type { FormLanguage, FormMarket } from './types'

/** More consumers than this do not fit the signature block of one form; a case that needs it is unusual. */
export const MAX_CONSUMERS = 8

const CONTRACTS = ['connected', 'service-inclusive'] as const
const MODES = ['prefilled', 'blank'] as const

export interface FormRequestIssue {
  path: string
  message: string
}

/**
 * A request the generator will not draw. `refused`: a rule refuses it (D5, no BE/LU recipient set);
 * `bad-request`: the input itself is wrong. The codes are those of the IPC error contract.
 */
export class FormRequestError extends Error {
  readonly code: 'bad-request' | 'refused'
  readonly issues: FormRequestIssue[]
  constructor(code: 'bad-request' | 'refused', issues: FormRequestIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '))
    this.name = 'FormRequestError'
    this.code = code
    this.issues = issues
  }
}

// Control characters cannot be printed; a line break is allowed in the address only.
const CONTROL = /\p{Cc}/u

function controlCharIn(s: string, allowNewline: boolean): string | undefined {
  for (const ch of s) {
    if (allowNewline && (ch === '\n' || ch === '\r')) continue
    if (CONTROL.test(ch)) return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
  }
  return undefined
}

/** Surrounding blanks are not part of what was typed; NFC only joins a letter and its accent into one code point. */
function printable(what: string, max: number, allowNewline = false) {
  return z
    .string({ error: `${what} must be text` })
    .transform((s) => s.trim().normalize('NFC'))
    .superRefine((s, ctx) => {
      const bad = controlCharIn(s, allowNewline)
      if (bad) ctx.addIssue({ code: 'custom', message: `${what} contains the control character ${bad}, which cannot be printed` })
      if (s.length > max) ctx.addIssue({ code: 'custom', message: `${what} is longer than ${max} characters` })
    })
}

/** An empty optional text is the same as none: forms in the UI send ''. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
}

const isoDate = (what: string) =>
  z.string({ error: `${what} must be an ISO date (YYYY-MM-DD)` }).refine(isIsoDate, { error: `${what} must be a calendar date written YYYY-MM-DD` })

function unknown(what: string, input: unknown): string {
  return input === undefined ? `${what} is missing` : `unknown ${what} ${JSON.stringify(input)}`
}

const consumerName = printable('a consumer name', 200).refine((s) => s.length > 0, { error: 'a consumer name is empty' })

export const withdrawalFormRequestSchema = z
  .object({
    market: z.enum(MARKETS as readonly FormMarket[] as [FormMarket, ...FormMarket[]], {
      error: (iss) => `${unknown('market', iss.input)}: the forms exist for ${MARKETS.join(', ')}`
    }),
    contract: z.enum(CONTRACTS, { error: (iss) => `${unknown('contract', iss.input)}: expected 'connected' or 'service-inclusive'` }),
    mode: z.enum(MODES, { error: (iss) => `${unknown('mode', iss.input)}: expected 'prefilled' or 'blank'` }),
    language: z
      .enum(ALL_FORM_LANGUAGES as readonly FormLanguage[] as [FormLanguage, ...FormLanguage[]], {
        error: (iss) => `there is no form in the language ${JSON.stringify(iss.input)}: choose Danish, Swedish, Portuguese, French, Dutch or German`
      })
      .optional(),
    consumers: z
      .array(consumerName, { error: 'consumers must be a list of names' })
      .max(MAX_CONSUMERS, { error: `at most ${MAX_CONSUMERS} consumers fit on one form` })
      .optional(),
    address: optional(printable('the address', 1000, true)),
    orderedOn: optional(isoDate('orderedOn')),
    services: optional(printable('services', 300)),
    signedOn: optional(isoDate('signedOn')),
    recipient: z
      .object({
        name: printable('the recipient name', 200),
        address: optional(printable('the recipient address', 400, true)),
        email: z.string({ error: 'the recipient e-mail must be text' }).trim()
      })
      // null: the market's recipient is a setting that is not set (D5).
      .nullish(),
    caseNumber: optional(printable('the case number', 64)),
    generatedOn: isoDate('generatedOn')
  })
  .superRefine((r, ctx) => {
    if (!withdrawalContracts(r.market).includes(r.contract)) {
      const where = MARKETS.filter((m) => withdrawalContracts(m).includes(r.contract)).join(', ')
      ctx.addIssue({
        code: 'custom',
        path: ['contract'],
        message: `there is no Service Inclusive form for ${r.market}: '${r.contract}' exists in ${where} only; use 'connected'`
      })
    }
    if (r.language !== undefined && !FORM_LANGUAGES[r.market].includes(r.language)) {
      ctx.addIssue({
        code: 'custom',
        path: ['language'],
        message: `there is no ${LANGUAGE_NAMES[r.language]} form for this customer: ${languagesSentence(r.market)}`
      })
    }
    if (r.mode === 'prefilled' && (r.consumers === undefined || r.consumers.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['consumers'], message: 'a prefilled form needs the name of at least one consumer' })
    }
    if (r.recipient && recipientIsSetting(r.market)) {
      if (r.recipient.name === '') ctx.addIssue({ code: 'custom', path: ['recipient', 'name'], message: 'the recipient name is empty' })
      if (!z.email().safeParse(r.recipient.email).success) {
        ctx.addIssue({ code: 'custom', path: ['recipient', 'email'], message: `the recipient e-mail ${JSON.stringify(r.recipient.email)} is not an e-mail address` })
      }
    }
  })

export type ParsedWithdrawalFormRequest = z.output<typeof withdrawalFormRequestSchema>

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

/** Throws FormRequestError; D5 (a market whose recipient is a setting, without one) is a refusal saying so. */
export function parseWithdrawalFormRequest(input: unknown): ParsedWithdrawalFormRequest {
  const result = withdrawalFormRequestSchema.safeParse(input)
  const raw = (typeof input === 'object' && input !== null ? input : {}) as { market?: unknown; recipient?: unknown }
  const market = MARKETS.find((m) => m === raw.market)
  const d5 = market && recipientIsSetting(market) && (raw.recipient === undefined || raw.recipient === null) ? missingRecipient(market) : undefined
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }))
    throw new FormRequestError('bad-request', d5 ? [...issues, d5] : issues)
  }
  if (d5) throw new FormRequestError('refused', [d5])
  return result.data
}

function missingRecipient(market: FormMarket): FormRequestIssue {
  const country = MARKET_NAMES[market]
  return {
    path: 'recipient',
    message:
      `the withdrawal recipient for ${market} is not set: the terms for ${country} name none, so a supervisor enters ` +
      `the trader's name, address and e-mail in Settings (D5). ${market} forms are refused until then`
  }
}
