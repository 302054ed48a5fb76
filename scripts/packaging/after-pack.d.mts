import type { AfterPackContext } from 'electron-builder'

/** Types of after-pack.mjs (electron-builder loads hooks as plain ES modules). */
export default function afterPack(context: AfterPackContext): Promise<void>
