// The formula guard both CSV sides share: the writer neutralises a cell a spreadsheet would run, the reader takes that back.

// A formula character after any blanks and `'` already there: `'=x` is written `''=x` and ` =x`
// `' =x`, so a reader that trims and takes one `'` off gets every cell back.
const FORMULA_START = /^[\s']*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula gets a leading `'`
 * (OWASP CSV injection); `unneutralise` on the read side takes it back.
 * @example neutralise("=SUM(A1)") // "'=SUM(A1)"
 */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Inverse of `neutralise`: one leading `'` before (blanks, more `'` and) a formula character is taken off. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
