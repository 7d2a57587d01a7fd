import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readListFile } from '../../src/io/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'twinnet-read-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('readListFile', () => {
  it.each([
    ['a missing file', join(dir, 'nope.txt'), /nope\.txt: no such file/],
    ['a directory', (mkdirSync(join(dir, 'sub')), join(dir, 'sub')), /sub: is a directory/],
    ['an empty file', file('empty.txt', ''), /empty\.txt: file is empty/],
    ['binary data', file('bin.dat', new Uint8Array([0x3d, 0x3d, 0x0a, 0x41, 0x00, 0x01])), /bin\.dat:2: binary data/],
    ['bytes that are not UTF-8', file('latin1.txt', new Uint8Array([0x3d, 0x0a, 0x0a, 0x4b, 0xfc, 0x74])), /latin1\.txt:3: not valid UTF-8/],
    ['UTF-16', file('u16.txt', new Uint8Array([0xff, 0xfe, 0x3d, 0x00])), /u16\.txt: UTF-16/],
    ['an HTML page', file('page.html', '<!DOCTYPE html><html></html>'), /page\.html:1: this is an HTML page/],
    ['JSON', file('data.json', '{"a": 1}'), /data\.json:1: this is JSON/],
    ['a PDF', file('doc.pdf', '%PDF-1.4\n'), /doc\.pdf: this is a PDF/],
  ])('refuses %s with a message naming the file', (_what, path, message) => {
    expect(() => readListFile(path)).toThrow(message);
  });
  it('refuses a Latin-1 table as it refuses a Latin-1 list, with the line', () => {
    expect(() => readListFile(file('latin1.csv', new Uint8Array([...Buffer.from('city,country\nK'), 0xf6, ...Buffer.from('ln,Germany\n')])))).toThrow(/latin1\.csv:2: not valid UTF-8/);
  });
  it('lets a SPARQL JSON result through (the sparql-json format reads it), as the query service writes it', () => {
    const text = '{\n  "head" : {\n    "vars" : [ "home" ]\n  },\n  "results" : {\n    "bindings" : [ ]\n  }\n}\n';
    expect(readListFile(file('result.json', text))).toBe(text);
    const reordered = '{"results":{"bindings":[]},"head":{"vars":["home"]}}';
    expect(readListFile(file('reordered.json', reordered))).toBe(reordered);
  });
  it('reads a device or pipe (no size ahead) only up to the limit, refusing more as it comes', () => {
    expect(() => readListFile('/dev/zero', 3 << 20)).toThrow(/^\/dev\/zero: 4\.0 MB is more than this process can hold \(limit 3\.0 MB/);
    const fifo = join(mkdtempSync(join(tmpdir(), 'twinnet-fifo-')), 'list.txt');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '==A==\\nAnqing\\n- FRA Paris, France\\n' > '${fifo}'`]);
    expect(readListFile(fifo)).toBe('==A==\nAnqing\n- FRA Paris, France\n');
    writer.kill();
  });
  it('reads UTF-8 with a byte-order mark and keeps the mark for the parser', () => {
    expect(readListFile(file('bom.txt', '\uFEFF==A==\n')).charCodeAt(0)).toBe(0xfeff);
  });
});
