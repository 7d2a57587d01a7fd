/**
 * Column specs shared by every writer (GEXF, GraphML, CSV): which node/edge attribute goes into which
 * column of the file, under which id, title and type. Writers are generic: the analysis stage puts
 * metric values on node attributes, the caller lists the columns to export.
 *
 * Values per type (anything else throws a `TypeError` naming the node/edge and the column):
 *
 * | type                | accepted values                                                        |
 * |---------------------|------------------------------------------------------------------------|
 * | `integer`           | 32-bit integers                                                        |
 * | `long`              | safe integers (|n| ≤ 2^53 − 1)                                         |
 * | `double`, `float`   | numbers, ±Infinity included                                            |
 * | `boolean`           | booleans                                                               |
 * | `string`            | strings; numbers and booleans are written with `String(v)`             |
 * | `liststring`        | arrays or Sets of strings (numbers/booleans stringified); a bare string is a one-item list |
 *
 * `null`, `undefined` and `NaN` mean "no value": the attribute is omitted for that node/edge (GEXF,
 * GraphML) or the cell left empty (CSV).
 *
 * @example
 *   const columns: ColumnSpec[] = [
 *     { key: 'community', id: 'modularity_class', title: 'Modularity Class', type: 'integer' },
 *     { key: 'ids', id: 'ids', title: 'Data set ids', type: 'liststring' },
 *   ];
 */

export type ColumnType = 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'string' | 'liststring';

export interface ColumnSpec {
  /** Attribute name on the node/edge. */
  key: string;
  /** Column id written to the file, e.g. Gephi's `modularity_class`. */
  id: string;
  /** Human-readable column title (GEXF `title`, GraphML `<desc>`). */
  title: string;
  type: ColumnType;
}

/** A column whose attribute name is its id (`column('x', 'x (ForceAtlas2)', 'double')`). */
export function column(id: string, title: string, type: ColumnType): ColumnSpec {
  return { key: id, id, title, type };
}

/** A checked, normalised value: what writers serialise. */
export type CellValue = number | string | boolean | string[];

const COLUMN_TYPES: ReadonlySet<string> = new Set<ColumnType>([
  'integer', 'long', 'double', 'float', 'boolean', 'string', 'liststring',
]);

/** Column ids must be identifiers, so that every format (GraphML's NMTOKEN included) takes them as they are. */
const COLUMN_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Checks a list of column specs before anything is written: known types, identifier-like ids, no
 * duplicate ids, no id in `reserved` (compared case-insensitively). `where` prefixes messages.
 */
export function checkColumns(columns: readonly ColumnSpec[], where: string, reserved: readonly string[] = []): void {
  if (!Array.isArray(columns)) throw new TypeError(`${where}: columns must be an array`);
  const seen = new Set<string>();
  const reservedLower = new Set(reserved.map((r) => r.toLowerCase()));
  columns.forEach((c, i) => {
    if (c === null || typeof c !== 'object') throw new TypeError(`${where}: column ${i} is not an object`);
    if (typeof c.key !== 'string' || c.key.length === 0) throw new TypeError(`${where}: column ${i} has no key`);
    if (typeof c.id !== 'string' || !COLUMN_ID.test(c.id)) {
      throw new TypeError(`${where}: column ${i} id ${JSON.stringify(c.id)} must match ${String(COLUMN_ID)}`);
    }
    if (typeof c.title !== 'string') throw new TypeError(`${where}: column "${c.id}" has no title`);
    if (!COLUMN_TYPES.has(c.type)) throw new TypeError(`${where}: column "${c.id}" has unknown type ${JSON.stringify(c.type)}`);
    if (seen.has(c.id)) throw new TypeError(`${where}: duplicate column id "${c.id}"`);
    if (reservedLower.has(c.id.toLowerCase())) throw new TypeError(`${where}: column id "${c.id}" is reserved here (${reserved.join(', ')})`);
    seen.add(c.id);
  });
}

/**
 * Reads column `spec` from `attributes` and checks it against the column type. Returns `null` when the
 * value is missing. `owner` names the node/edge in error messages (`node "cn:xian"`).
 */
export function readCell(spec: ColumnSpec, attributes: Record<string, unknown>, owner: string, where: string): CellValue | null {
  const value = attributes[spec.key];
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return null;
  switch (spec.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) return cellError(spec, value, owner, where, 'a 32-bit integer');
      return value;
    case 'long':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return cellError(spec, value, owner, where, 'a safe integer');
      return value;
    case 'double':
    case 'float':
      if (typeof value !== 'number') return cellError(spec, value, owner, where, 'a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return cellError(spec, value, owner, where, 'a boolean');
      return value;
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return cellError(spec, value, owner, where, 'a string (use liststring for lists)');
      return String(value);
    case 'liststring': {
      if (typeof value === 'string') return [value];
      const items = value instanceof Set ? [...(value as Set<unknown>)] : value;
      if (!Array.isArray(items)) return cellError(spec, value, owner, where, 'an array of strings');
      return items.map((item: unknown) => {
        if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') cellError(spec, value, owner, where, 'an array of strings');
        return String(item);
      });
    }
  }
}

/** The `TypeError` of a value that does not fit its column (kept out of `readCell`, which runs once per cell). */
function cellError(spec: ColumnSpec, value: unknown, owner: string, where: string, expected: string): never {
  throw new TypeError(`${where}: ${owner}, column "${spec.id}" (${spec.type}): expected ${expected}, got ${describe(value)}`);
}

/** Numbers as text: shortest round-trip form, `-0` written `0`, ±Infinity as `Infinity`/`-Infinity` (Java's `Double.parseDouble` reads these). */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array (${value.length} items)`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  return `${typeof value} ${String(value)}`;
}
