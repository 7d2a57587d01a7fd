/**
 * `JSON.stringify(value, null, space)` in pieces: the same text, byte for byte, produced as a
 * sequence of strings, so that a document larger than V8's longest string (~512 MB: the data set of
 * a 1.4-million-link list) can be written to a file. The top two levels, and long arrays at any
 * level, are walked here; anything else is stringified whole (with its lines re-indented, which is
 * exactly how JSON.stringify nests them: string values never hold a raw newline).
 *
 * Handles what JSON.stringify handles for plain data: objects, arrays, strings, numbers (non-finite
 * → null), booleans, null, `toJSON`; `undefined`, functions and symbols are left out of objects and
 * written `null` in arrays.
 */
const STREAM_DEPTH = 2;
/** Arrays longer than this, and what holds them, are walked at any depth (a report's 50,000 communities, say). */
const LONG_ARRAY = 1000;
/** Items of a walked array stringified together, at most (pieces of a few hundred kB). */
const BATCH = 1000;

/** Whether `v` is, or holds within a few levels, an array longer than LONG_ARRAY. */
function holdsLongArray(v: unknown, levels = 3): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v) && v.length > LONG_ARRAY) return true;
  if (levels === 0) return false;
  return (Array.isArray(v) ? v : Object.values(v)).some((x) => holdsLongArray(toJsonValue(x), levels - 1));
}

export function* jsonChunks(value: unknown, space = 2, depth = 0): Generator<string> {
  const v = toJsonValue(value);
  const walk = v !== null && typeof v === 'object' && (depth < STREAM_DEPTH || holdsLongArray(v));
  if (!walk) {
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
    // Runs of up to BATCH items that hold no long array are stringified together (one call and one
    // piece per run instead of per item: a 1.4-million-node table's rows), re-indented to this depth.
    const indent = nl + ' '.repeat(space * depth);
    for (let i = 0; i < v.length;) {
      let j = i;
      while (j < v.length && j - i < BATCH && !holdsLongArray(toJsonValue(v[j]))) j++;
      if (j > i) {
        const text = JSON.stringify(v.slice(i, j), null, space);
        // "[" + items + "\n]" (space > 0) or "[" + items + "]": the items, each after a newline and one level of indent.
        const items = text.slice(1, text.length - 1 - nl.length);
        yield `${i ? ',' : ''}${depth === 0 || nl === '' ? items : items.replace(/\n/g, indent)}`;
        i = j;
        continue;
      }
      yield `${i ? ',' : ''}${pad}`;
      const item = toJsonValue(v[i]);
      yield* jsonChunks(omitted(item) ? null : item, space, depth + 1);
      i++;
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
 * The JSON text of `value` with a final newline, in pieces made only as they are consumed (a file
 * writer taking them one by one never holds the whole text: a large report's JSON is hundreds of MB).
 */
export function* jsonPieces(value: unknown, space = 2): Generator<string> {
  yield* jsonChunks(value, space);
  yield '\n';
}

/**
 * The JSON text of `value` with a final newline, for a file writer: the text as one string when V8
 * can hold it (faster) and the newline after it, as two pieces (adding the newline to the string would
 * copy it whole: 35 MB for a 35,000-link report); else in pieces (`jsonChunks`). The same bytes either way.
 */
export function jsonText(value: unknown, space = 2): Iterable<string> {
  try {
    return [JSON.stringify(value, null, space), '\n'];
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return jsonPieces(value, space);
  }
}
