import { describe, expect, it } from 'vitest';
import { linkTarget, pathText } from '../../src/report/markdown-paths.js';

describe('linkTarget', () => {
  it('leaves a plain relative file name as it is', () => {
    expect(linkTarget('china-sister-cities-degree.svg')).toBe('china-sister-cities-degree.svg');
  });
  it('percent-encodes spaces and parentheses, which would end a Markdown link target', () => {
    expect(linkTarget('my list (2).html')).toBe('my%20list%20%282%29.html');
  });
  it('percent-encodes brackets, angle brackets, colons and equals signs', () => {
    expect(linkTarget('a) <b> [c](j:d=1).md')).toBe('a%29%20%3Cb%3E%20%5Bc%5D%28j%3Ad%3D1%29.md');
  });
  it('keeps folder separators', () => {
    expect(linkTarget('out/x y.svg')).toBe('out/x%20y.svg');
  });
});

describe('pathText', () => {
  it('writes a plain path as a code span', () => {
    expect(pathText('data/raw/my list (2).txt')).toBe('`data/raw/my list (2).txt`');
  });
  it('writes a path with Markdown or HTML syntax as escaped text', () => {
    expect(pathText('a<b>[c]`d`.txt')).toBe('a&lt;b&gt;\\[c\\]\\`d\\`.txt');
  });
});
