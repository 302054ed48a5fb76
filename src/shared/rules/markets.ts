// The markets of this tool: the one list everything else derives from (`Market`, the catalogue
// tables typed `Record<Market, …>`, and outside the rules the zod enums, settings and fleet).
// Adding a market here makes the compiler name every table that has no entry for it.
export const MARKETS = ['DK', 'SE', 'PT', 'BE', 'LU'] as const
