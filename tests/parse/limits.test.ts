import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH } from '../../src/parse/classify-lines.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

describe('the limit on the length of a line', () => {
  it('reads a line over the limit as an unparsed-line error giving its length, without quoting it', () => {
    const long = `- FRA ${'a'.repeat(MAX_LINE_LENGTH)}, France`;
    const ds = parseSisterCityList(`==A==\nAnqing\n- JPN Ibaraki, Japan\n${long}\n`);
    const [error] = ds.diagnostics.filter((d) => d.severity === 'error');
    expect(error).toMatchObject({ code: 'unparsed-line', line: 4 });
    expect(error?.message).toBe(`line of ${long.length} characters is longer than the limit of ${MAX_LINE_LENGTH}: not read`);
    expect(ds.lineKinds.unparsed).toBe(1);
    expect(ds.links).toHaveLength(1);
  });

  it('loses only the over-long line inside a partner list: the block goes on', () => {
    const long = `- FRA ${'a'.repeat(MAX_LINE_LENGTH)}, France`;
    const ds = parseSisterCityList(`==A==\nAachen\n- FRA Lille, France\n${long}\n- FRA Reims, France\n`);
    expect(ds.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line])).toEqual([['unparsed-line', 4]]);
    expect(ds.links.map((l) => [l.homeId, l.partnerId])).toEqual([['cn:aachen', 'p:lille-france'], ['cn:aachen', 'p:reims-france']]);
  });

  it('reads a line of exactly the limit as usual', () => {
    const name = 'a'.repeat(MAX_LINE_LENGTH - '- FRA , France'.length);
    const ds = parseSisterCityList(`==A==\nAnqing\n- FRA ${name}, France\n`);
    expect(ds.lineKinds.unparsed).toBe(0);
    expect(ds.partners[0]?.name).toBe(name);
  });

  it('quotes at most 80 characters of a partner line outside any block', () => {
    const ds = parseSisterCityList(`==A==\n- FRA ${'b'.repeat(5000)}, France\nAnqing\n- FRA Paris, France\n`);
    const outside = ds.diagnostics.find((d) => d.code === 'partner-outside-block');
    expect(outside?.message.length).toBeLessThan(160);
    expect(outside?.message).toMatch(/"- FRA b+…"$/);
  });

  it('takes an over-long first line for no title', () => {
    const ds = parseSisterCityList(`= ${'T'.repeat(MAX_LINE_LENGTH)} =\n==A==\nAnqing\n- FRA Paris, France\n`);
    expect(ds.title).toBeNull();
    expect(ds.lineKinds.unparsed).toBe(1);
  });
});
