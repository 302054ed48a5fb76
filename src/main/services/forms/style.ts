// The look of the forms: A4, calm, one typeface. Sizes in points (1/72 inch).
import type { FaceName } from './fonts'

export type Rgb = readonly [number, number, number]

export const PAGE = { width: 595.28, height: 841.89 } as const // A4

export const MARGIN = { left: 64, right: 64, top: 62, bottom: 72 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

export const COLOR = {
  text: [0.11, 0.11, 0.13],
  muted: [0.4, 0.41, 0.44],
  /** Filled-in values: dark blue, bold, so nobody mistakes them for form text. */
  value: [0.04, 0.24, 0.55],
  hairline: [0.72, 0.73, 0.76],
  boxFill: [0.955, 0.958, 0.965],
  accent: [0.2, 0.22, 0.26]
} as const satisfies Record<string, Rgb>

export interface TextStyle {
  face: FaceName
  size: number
  color: Rgb
}

export const TEXT = {
  kicker: { face: 'regular', size: 9, color: COLOR.muted },
  title: { face: 'bold', size: 16, color: COLOR.text },
  intro: { face: 'regular', size: 9.5, color: COLOR.muted },
  recipient: { face: 'regular', size: 10.5, color: COLOR.text },
  section: { face: 'bold', size: 10.5, color: COLOR.text },
  body: { face: 'regular', size: 10.5, color: COLOR.text },
  value: { face: 'bold', size: 10.5, color: COLOR.value },
  signatory: { face: 'bold', size: 9, color: COLOR.value },
  footnote: { face: 'regular', size: 9, color: COLOR.muted },
  footer: { face: 'regular', size: 8, color: COLOR.muted }
} as const satisfies Record<string, TextStyle>

/** Baseline-to-baseline distance as a multiple of the size. */
export const LEADING = 1.42

export const SPACE = {
  afterKicker: 4,
  afterSection: 5,
  afterTitle: 6,
  afterIntro: 16,
  boxPadding: 11,
  afterRecipient: 24,
  betweenBodyLines: 13,
  blankLine: 10,
  bulletIndent: 16,
  /** Gap between a label and its value on the same line. */
  valueGap: 10,
  /** Values placed under their label are indented by this much. */
  valueIndent: 12,
  /** A value starting beyond this share of the text width goes under the label instead. */
  maxValueStart: 0.72,
  signatureHeight: 32,
  signatureWidth: 205,
  signatureGap: 36,
  writingLineMin: 90,
  footerBaseline: 34,
  footerRule: 48
} as const
