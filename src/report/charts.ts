/**
 * Small static SVG charts for the reports: horizontal bar charts and a log–log scatter of the degree
 * distributions. Plain SVG 1.1 text (no scripts, no external fonts), every label XML-escaped,
 * coordinates rounded so the bytes are stable.
 */
import { xmlText } from '../util/xml-text.js';
import type { ReportData } from './report-data.js';

/** The characters `xml` rewrites. */
const XML_SPECIAL = /[&<>"']/;

/** `text` as SVG text or an attribute value: the five special characters escaped, characters XML cannot carry as U+FFFD (`xmlText`). */
export function xml(value: string): string {
  const text = xmlText(value);
  if (!XML_SPECIAL.test(text)) return text; // most names: nothing to escape, no five scans and copies
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="12"';

function frame(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(title)}">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="20" font-family="Helvetica, Arial, sans-serif" font-size="14" font-weight="bold">${xml(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export function barChart(title: string, bars: { label: string; value: number }[], color = '#4e79a7'): string {
  const labelWidth = 190, barMax = 420, rowH = 18, top = 34;
  const width = labelWidth + barMax + 80, height = top + bars.length * rowH + 12;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body = bars.flatMap((b, i) => {
    const y = top + i * rowH;
    const w = r2((b.value / max) * barMax);
    return [
      `<text x="${labelWidth - 6}" y="${y + 13}" ${FONT} text-anchor="end">${xml(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="${rowH - 4}" fill="${color}"/>`,
      `<text x="${r2(labelWidth + w + 4)}" y="${y + 13}" ${FONT}>${b.value}</text>`,
    ];
  });
  return frame(width, height, title, body);
}

/** Log–log scatter of P(degree = k) for each side. */
export function degreeChart(title: string, series: { name: string; color: string; counts: Record<string, number> }[]): string {
  const W = 520, H = 360, L = 60, R = 140, T = 40, B = 50;
  const points = series.map((s) => {
    const total = Object.values(s.counts).reduce((a, b) => a + b, 0);
    return Object.entries(s.counts).map(([k, n]) => ({ k: Number(k), p: n / total })).filter((d) => d.k > 0);
  });
  const all = points.flat();
  const kMax = Math.max(2, ...all.map((d) => d.k));
  const pMin = Math.min(1, ...all.map((d) => d.p));
  const lx0 = 0, lx1 = Math.ceil(Math.log10(kMax));
  const ly0 = Math.floor(Math.log10(pMin)), ly1 = 0;
  const x = (k: number) => r2(L + ((Math.log10(k) - lx0) / (lx1 - lx0 || 1)) * (W - L - R));
  const y = (p: number) => r2(T + ((ly1 - Math.log10(p)) / (ly1 - ly0 || 1)) * (H - T - B));
  const body: string[] = [
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/>`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`,
  ];
  for (let e = lx0; e <= lx1; e++) body.push(`<text x="${x(10 ** e)}" y="${H - B + 16}" ${FONT} text-anchor="middle">${10 ** e}</text>`);
  for (let e = ly0; e <= ly1; e++) body.push(`<text x="${L - 6}" y="${y(10 ** e) + 4}" ${FONT} text-anchor="end">1e${e}</text>`);
  body.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" ${FONT} text-anchor="middle">degree k (log)</text>`);
  body.push(`<text x="14" y="${(T + H - B) / 2}" ${FONT} text-anchor="middle" transform="rotate(-90 14 ${(T + H - B) / 2})">share of nodes P(k) (log)</text>`);
  series.forEach((s, i) => {
    for (const d of points[i] ?? []) body.push(`<circle cx="${x(d.k)}" cy="${y(d.p)}" r="3.5" fill="${s.color}" fill-opacity="0.8"/>`);
    body.push(`<circle cx="${W - R + 16}" cy="${T + 10 + i * 18}" r="5" fill="${s.color}"/>`);
    body.push(`<text x="${W - R + 26}" y="${T + 14 + i * 18}" ${FONT}>${xml(s.name)}</text>`);
  });
  return frame(W, H, title, body);
}

/** Colours of the stacked continents (Tableau 10), in the order the growth lists them. */
const STACK = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Vertical bars, one per decade, stacked by continent, with a legend. */
export function growthChart(title: string, decades: { decade: number; links: number; byContinent: Record<string, number> }[], continents: readonly string[]): string {
  const L = 50, T = 40, B = 50, R = 150, barW = 28, gap = 10, H = 340;
  const W = L + Math.max(1, decades.length) * (barW + gap) + R;
  const max = Math.max(1, ...decades.map((d) => d.links));
  const y = (v: number) => r2(T + (1 - v / max) * (H - T - B));
  const body: string[] = [
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/>`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`,
    `<text x="${L - 6}" y="${y(max) + 4}" ${FONT} text-anchor="end">${max}</text>`,
    `<text x="${L - 6}" y="${y(0) + 4}" ${FONT} text-anchor="end">0</text>`,
    `<text x="14" y="${(T + H - B) / 2}" ${FONT} text-anchor="middle" transform="rotate(-90 14 ${(T + H - B) / 2})">links signed</text>`,
  ];
  decades.forEach((d, i) => {
    const x = L + gap / 2 + i * (barW + gap);
    let below = 0;
    continents.forEach((c, k) => {
      const n = d.byContinent[c] ?? 0;
      if (n === 0) return;
      body.push(`<rect x="${x}" y="${y(below + n)}" width="${barW}" height="${r2(y(below) - y(below + n))}" fill="${STACK[k % STACK.length] as string}"><title>${xml(`${d.decade}s, ${c}: ${n}`)}</title></rect>`);
      below += n;
    });
    body.push(`<text x="${x + barW / 2}" y="${H - B + 16}" ${FONT} text-anchor="middle" transform="rotate(-45 ${x + barW / 2} ${H - B + 16})">${d.decade}s</text>`);
  });
  continents.forEach((c, k) => {
    body.push(`<rect x="${W - R + 12}" y="${T + k * 18}" width="10" height="10" fill="${STACK[k % STACK.length] as string}"/>`);
    body.push(`<text x="${W - R + 28}" y="${T + 9 + k * 18}" ${FONT}>${xml(c)}</text>`);
  });
  return frame(W, H, title, body);
}

/** The report's charts, by name → SVG text; `growth` only when links carry a start. */
export function reportCharts(r: ReportData): Record<'degree' | 'countries' | 'continents' | 'communities', string> & { growth?: string } {
  const comm = r.communities.home;
  const H = r.home.demonym;
  return {
    degree: degreeChart('Degree distributions (log–log)', [
      { name: `${H} cities`, color: '#e15759', counts: r.overview.degree.home.distribution as Record<string, number> },
      { name: 'foreign partners', color: '#4e79a7', counts: r.overview.degree.partner.distribution as Record<string, number> },
    ]),
    countries: barChart('Links by country (top 20)', r.countries.slice(0, 20).map((c) => ({ label: c.name, value: c.links }))),
    continents: barChart('Links by continent', r.continents.map((c) => ({ label: c.continent, value: c.links })), '#59a14f'),
    communities: barChart(`Size of each community, in ${H} cities (in brackets: partners' top country)`,
      (comm?.communities ?? []).slice(0, 25).map((c) => ({ label: `community ${c.id} (${c.dominantCountries[0]?.name ?? '–'})`, value: c.size })), '#f28e2b'),
    ...('growth' in r && r.growth ? { growth: growthChart('Links signed per decade, by continent of the partner', r.growth.decades, r.growth.continents) } : {}),
  };
}
