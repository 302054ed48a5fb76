import type { FuseV1Config, FuseV1Options } from '@electron/fuses'

/** Types of fuses.mjs (a plain ES module, so electron-builder can load it without a TypeScript step). */
export declare const SHIPPED_FUSES: Readonly<Partial<Record<FuseV1Options, boolean>>>
export declare const E2E_BUILD_OVERRIDES: Readonly<Partial<Record<FuseV1Options, boolean>>>
export declare function fuseConfigFor(target: { platform: string; arch: string; e2eBuild: boolean }): FuseV1Config
