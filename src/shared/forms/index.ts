// The standard withdrawal forms (RULES.md §9) as a content model: pure, no Node or DOM. The main process
// draws it (src/main/services/forms); the renderer may use it for a preview.
export { buildWithdrawalForm, lineText, templateFor, AUTHOR } from './build'
export {
  withdrawalFormRequestSchema,
  parseWithdrawalFormRequest,
  FormRequestError,
  MAX_CONSUMERS
} from './request'
export type { FormRequestIssue, ParsedWithdrawalFormRequest } from './request'
export { isStruck } from './strike'
export {
  FORM_LANGUAGES,
  ALL_FORM_LANGUAGES,
  LANGUAGE_NAMES,
  MARKET_NAMES,
  defaultLanguage,
  hasSeveralLanguages,
  languagesSentence
} from './languages'
export { plainText } from './markup'
export type { FormTemplate, TemplateLine } from './template'
export type {
  WithdrawalFormRequest,
  FormDocument,
  FormLine,
  FormSegment,
  FormRecipient,
  FormFooter,
  FormMetadata,
  FilledValue,
  ValueSource,
  FieldKey,
  LineRole,
  AlternativeKind,
  AlternativeSummary,
  FormMarket,
  FormContract,
  FormMode,
  FormLanguage
} from './types'
export { buildAcknowledgement, parseAcknowledgementRequest, acknowledgementRequestSchema, localeOf } from './acknowledgement'
export type {
  AcknowledgementRequest,
  AcknowledgementDocument,
  AcknowledgementParty,
  AcknowledgementFact,
  ParsedAcknowledgementRequest,
  WithdrawnItem
} from './acknowledgement'
