/**
 * `JSON.stringify(value, null, space)` in pieces: the same text, byte for byte, produced as a
 * sequence of strings, so that a document larger than V8's longest string (~512 MB: the data set of
 * a 1.4-million-link list) can be written to a file. The top two levels are walked here; anything
 * deeper is stringified whole (with its lines re-indented, which is exactly how JSON.stringify nests
 * them: string values never hold a raw newline).
 *
 * Handles what JSON.stringify handles for plain data: objects, arrays, strings, numbers (non-finite
 * → null), booleans, null, `toJSON`; `undefined`, functions and symbols are left out of objects and
 * written `null` in arrays.
 */
const STREAM_DEPTH = 2;

export function* jsonChunks(value: unknown, space = 2, depth = 0): Generator<string> {
  const v = toJsonValue(value);
  if (depth >= STREAM_DEPTH || v === null || typeof v !== 'object') {
    const text = JSON.stringify(v, null, space) ?? 'null';
    yield depth === 0 ? text : text.replace(/\n/g, `\n${' '.repeat(space * depth)}`);
    return;
  }
  // With space 0 JSON.stringify writes no newlines and no space after the colon.
  const nl = space > 0 ? '\n' : '', colon = space > 0 ? ': ' : ':';
  const pad = nl + ' '.repeat(space * (depth + 1)), end = nl + ' '.repeat(space * depth);
  if (Array.isArray(v)) {
    if (v.length === 0) { yield '[]'; return; }
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i ? ',' : ''}${pad}`;
      const item = toJsonValue(v[i]);
      yield* jsonChunks(omitted(item) ? null : item, space, depth + 1);
    }
    yield `${end}]`;
    return;
  }
  const entries = Object.keys(v).flatMap((k) => {
    const x = toJsonValue((v as Record<string, unknown>)[k]);
    return omitted(x) ? [] : [[k, x] as const];
  });
  if (entries.length === 0) { yield '{}'; return; }
  yield '{';
  let first = true;
  for (const [k, x] of entries) {
    yield `${first ? '' : ','}${pad}${JSON.stringify(k)}${colon}`;
    first = false;
    yield* jsonChunks(x, space, depth + 1);
  }
  yield `${end}}`;
}

/** Values JSON has no text for: left out of objects, `null` in arrays. */
function omitted(x: unknown): boolean {
  return x === undefined || typeof x === 'function' || typeof x === 'symbol';
}

function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}

/**
 * The JSON text of `value` with a final newline: one string when V8 can hold it (faster), else in
 * pieces (`jsonChunks`); the same bytes either way.
 */
export function jsonText(value: unknown, space = 2): string | string[] {
  try {
    return `${JSON.stringify(value, null, space)}\n`;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return [...jsonChunks(value, space), '\n'];
  }
}
