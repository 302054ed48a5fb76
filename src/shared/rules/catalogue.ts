// Market catalogue: every market fact the rules need, as data, each citing its seed line.
// Seeds are in /work/shared/seeds; line-referenced extractions in /work/shared/spec/sources.

/**
 * D1: option codes whose package contains Legal Emergency Call (BE catalogue, seed 000 L77 6AF,
 * L118–L123 6FP, L125–L131 6UM; sources/seed-000-002-be-ca.md §1.4).
 */
export const LEGAL_ECALL_OPTION_CODES: readonly string[] = ['6AF', '6FP', '6UM']
