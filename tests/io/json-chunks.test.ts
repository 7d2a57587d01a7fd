import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonChunks, jsonPieces, jsonText } from '../../src/io/json-chunks.js';

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify(value, null, space) (fast-check, spaces 0–4)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, space) => {
      expect([...jsonChunks(value, space)].join('')).toBe(JSON.stringify(value, null, space));
    }), { numRuns: 300 });
  });
  it('handles what JSON.stringify leaves out or turns to null, and toJSON', () => {
    const value = { a: undefined, b: [undefined, () => 1, Number.NaN, Infinity], c: { toJSON: () => 'x' }, d: new Date(0), e: [[{ f: [1, { g: 'h\nj' }] }]] };
    for (const space of [0, 1, 2]) expect([...jsonChunks(value, space)].join('')).toBe(JSON.stringify(value, null, space));
  });
  it('walks long arrays at any depth, still byte for byte JSON.stringify (fast-check)', () => {
    const deep = { a: { b: { c: Array.from({ length: 1500 }, (_, i) => ({ m: [i, `x${i}`], n: { o: i % 3 === 0 ? null : 'a\u00e9"' } })) } } };
    for (const space of [0, 1, 3]) {
      const chunks = [...jsonChunks(deep, space)];
      expect(chunks.join('')).toBe(JSON.stringify(deep, null, space));
      // The long array was not stringified whole: no piece holds more than 1,000 of its 1,500 items.
      expect(Math.max(...chunks.map((c) => c.split('"m"').length - 1))).toBe(1000);
    }
    fc.assert(fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1001, maxLength: 1010 }), fc.integer({ min: 0, max: 3 }), (items, space) => {
      const value = { x: { y: { z: items } } };
      expect([...jsonChunks(value, space)].join('')).toBe(JSON.stringify(value, null, space));
    }), { numRuns: 20 });
  });
  it('yields a large array in pieces of at most 1,000 items, none of them the whole', () => {
    const big = { rows: Array.from({ length: 2500 }, (_, i) => ({ i, s: `row ${i}` })) };
    const chunks = [...jsonChunks(big, 2)];
    const rowsIn = chunks.map((c) => c.split('"i"').length - 1);
    expect(rowsIn.filter((k) => k > 0)).toEqual([1000, 1000, 500]);
    expect(chunks.join('')).toBe(JSON.stringify(big, null, 2));
  });
  it('mixes batched items with walked ones (an item holding a long array) in order', () => {
    const value = { a: [1, { long: Array.from({ length: 1200 }, (_, i) => i) }, 'x', [2, [3]], { b: null }] };
    for (const space of [0, 1, 2]) expect([...jsonChunks(value, space)].join('')).toBe(JSON.stringify(value, null, space));
  });
});

describe('jsonPieces', () => {
  it('is the text jsonText gives, made piece by piece', () => {
    const value = { rows: Array.from({ length: 1200 }, (_, i) => [i, { s: `é${i}` }]) };
    expect([...jsonPieces(value, 1)].join('')).toBe([...jsonText(value, 1)].join(''));
  });
});

describe('jsonText', () => {
  it('is JSON.stringify, then a newline, when the text fits in a string', () => {
    expect(jsonText({ a: [1, 'x'] }, 1)).toEqual([JSON.stringify({ a: [1, 'x'] }, null, 1), '\n']);
  });
});
