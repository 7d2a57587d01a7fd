/**
 * Display helpers shared by the notebooks (Deno's Jupyter kernel). `table` shows rows as a Markdown
 * table in Jupyter / VS Code, with an aligned plain-text fallback (what a terminal or a diff sees);
 * `bars` draws a text histogram; `figure` shows an SVG (`barChartSvg`, `networkSvg` make them from the data).
 */

/** A number for reading: integers as they are, small values in exponent form, the rest to `digits`. */
export function fmt(v: unknown, digits = 3): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (v !== 0 && Math.abs(v) < 10 ** -digits) return v.toExponential(2);
    return v.toFixed(digits);
  }
  if (Array.isArray(v)) return v.join(', ');
  return v === null || v === undefined ? '' : String(v);
}

/** Shows rows (objects with the same keys) as a table. */
export function table(rows: readonly Record<string, unknown>[], digits = 3): Promise<void> {
  const cols = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => cols.map((c) => fmt(r[c], digits)));
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const md = [
    `| ${cols.map(esc).join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...cells.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] as string).length)));
  const text = [cols, ...cells].map((r) => r.map((v, i) => v.padEnd(width[i] as number)).join('  ').trimEnd()).join('\n');
  return Deno.jupyter.display({ 'text/markdown': rows.length ? md : '*(no rows)*', 'text/plain': rows.length ? text : '(no rows)' }, { raw: true });
}

/** A horizontal bar chart in text: one line per label, bar length proportional to the value. */
export function bars(entries: readonly [string, number][], width = 40): string {
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const pad = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padStart(pad)} │${'█'.repeat(Math.round((v / max) * width))} ${v}`).join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Coordinates with one decimal: the SVG text is the same on every run and machine. */
const n1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, '');

/** Shows an SVG figure (Jupyter renders `image/svg+xml`; `text/plain` is what a terminal or diff sees). */
export function figure(svg: string, alt: string): Promise<void> {
  return Deno.jupyter.display({ 'image/svg+xml': svg, 'text/plain': `[figure: ${alt}]` }, { raw: true });
}

/** A horizontal bar chart as SVG: one bar per entry, its value at the end, a title above. */
export function barChartSvg(entries: readonly [string, number][], title: string, color = '#4e79a7'): string {
  const row = 20, labelWidth = 8 + 7 * Math.max(...entries.map(([k]) => k.length)), barWidth = 380, top = 30;
  const width = labelWidth + barWidth + 60, height = top + row * entries.length + 10;
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const bars = entries.map(([k, v], i) => {
    const y = top + i * row, w = (v / max) * barWidth;
    return `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${xml(k)}</text>`
      + `<rect x="${labelWidth}" y="${y + 3}" width="${n1(w)}" height="${row - 6}" fill="${color}"/>`
      + `<text x="${n1(labelWidth + w + 4)}" y="${y + 14}">${v}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`
    + `<text x="4" y="18" font-weight="bold">${xml(title)}</text>${bars.join('')}</svg>`;
}

/** A network drawing as SVG: nodes at their layout positions (scaled to fit), coloured, edges in grey. */
export function networkSvg(
  nodes: readonly { key: string; x: number; y: number; color: string; r?: number }[],
  edges: readonly [string, string][],
  title: string,
  size = 560,
): string {
  const xs = nodes.map((p) => p.x), ys = nodes.map((p) => p.y);
  const x0 = Math.min(...xs), y0 = Math.min(...ys);
  const span = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0, 1e-9);
  const pad = 12, top = 28, scale = (size - 2 * pad) / span;
  const at = new Map(nodes.map((p) => [p.key, [pad + (p.x - x0) * scale, top + pad + (p.y - y0) * scale] as const]));
  const lines = edges.flatMap(([a, b]) => {
    const [pa, pb] = [at.get(a), at.get(b)];
    return pa && pb ? [`<line x1="${n1(pa[0])}" y1="${n1(pa[1])}" x2="${n1(pb[0])}" y2="${n1(pb[1])}"/>`] : [];
  });
  const dots = nodes.map((p) => {
    const [x, y] = at.get(p.key)!;
    return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(p.r ?? 3)}" fill="${xml(p.color)}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + top}" viewBox="0 0 ${size} ${size + top}" font-family="sans-serif" font-size="12">`
    + `<text x="4" y="18" font-weight="bold">${xml(title)}</text>`
    + `<g stroke="#bbb" stroke-width="0.6">${lines.join('')}</g><g stroke="#fff" stroke-width="0.5">${dots.join('')}</g></svg>`;
}
