/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is run as a formula by Excel, LibreOffice and Google Sheets when the file is
 * opened (`=HYPERLINK("http://evil")`). OWASP's advice, followed here: prefix such a cell with a single
 * quote, which spreadsheets show as text and do not evaluate. Numbers (`-1.5`, `+3e-7`) are left as
 * they are: they are what they look like. `--raw-csv` turns this off for tools that read CSV as data.
 *
 * https://owasp.org/www-community/attacks/CSV_Injection
 *
 * @example
 *   neutralizeFormula('=1+2')   // "'=1+2"
 *   neutralizeFormula('-0.25')  // '-0.25'
 *   neutralizeFormula('Paris')  // 'Paris'
 */
const TRIGGER = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function neutralizeFormula(cell: string): string {
  return TRIGGER.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * The inverse of `neutralizeFormula`, for reading a table back (`twinnet parse`'s `table.csv`): a
 * cell `'` + what `neutralizeFormula` would have quoted loses its quote. (A name really written
 * `'=…` reads as `=…`: the one ambiguity.)
 *
 * @example
 *   restoreFormula("'=1+2")  // '=1+2'
 *   restoreFormula("'s-Hertogenbosch") // unchanged
 */
export function restoreFormula(cell: string): string {
  if (cell.charCodeAt(0) !== 0x27) return cell;
  const rest = cell.slice(1);
  return TRIGGER.test(rest) && !NUMBER.test(rest) ? rest : cell;
}
