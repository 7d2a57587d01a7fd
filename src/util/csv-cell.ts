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
