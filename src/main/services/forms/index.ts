// Withdrawal-form PDFs (RULES.md §9): content from @shared/forms, drawn with pdf-lib.
export { createFormService } from './service'
export type { FormService, FormServiceOptions, RenderedForm } from './service'
export { MissingGlyphError, codePointLabel } from './glyphs'
export { loadFontFaces, FONT_FILES } from './fonts'
export type { FontFace, FontFaces, FaceName } from './fonts'
export { layoutForm } from './layout'
export type { FormLayout, PageContent, TextItem, Stroke, StrokeKind } from './layout'
export { subsetTag } from './draw'
