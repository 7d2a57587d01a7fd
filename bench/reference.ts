/**
 * The reference measurements (bench/reference/results-scale*.json, made by bench/reference/reference.py
 * with NetworkX 2.8 and python-igraph 0.10 on the same generated lists) set beside twinnet's cells in
 * bench.md. Scale 1 of the benchmark is the generated list (`results-scale1-generated.json`), not the seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './fit.js';

export interface ReferenceStage {
  seconds?: number;
  peak_rss_mb?: number;
  skipped?: string;
  info?: { edges?: number; best_modularity?: number; seconds_per_run?: number[]; mode?: string; pivots?: number };
}

export type ReferenceLibrary = { version: string; stages: Record<string, ReferenceStage> };

export interface ReferenceResult { date?: string; networkx?: ReferenceLibrary; igraph?: ReferenceLibrary }

/** The reference results by benchmark scale, for the scales that have a file. */
export function loadReference(dir: string, scales: readonly number[]): Map<number, ReferenceResult> {
  const out = new Map<number, ReferenceResult>();
  for (const scale of scales) {
    const file = [join(dir, `results-scale${scale}-generated.json`), join(dir, `results-scale${scale}.json`)].find((f) => existsSync(f));
    if (scale === 1 && file?.endsWith('results-scale1.json')) continue; // that one is the seed
    if (file) out.set(scale, JSON.parse(readFileSync(file, 'utf8')) as ReferenceResult);
  }
  return out;
}

/** "1.23 s · 456 MB", "timeout", or "–" for a reference stage. */
export function referenceCell(s: ReferenceStage | undefined, fmt: (x: number) => string): string {
  if (!s) return '–';
  if (s.skipped !== undefined) return /timeout/.test(s.skipped) ? `> ${/(\d+) s/.exec(s.skipped)?.[1] ?? '?'} s (timeout)` : 'not run';
  if (s.seconds === undefined) return '–';
  return `${fmt(s.seconds)} s${s.peak_rss_mb ? ` · ${s.peak_rss_mb.toFixed(0)} MB` : ''}`;
}

/** Median seconds per Louvain run and the best Q, "0.0123 s, Q 0.5437". */
export function referenceLouvain(s: ReferenceStage | undefined, fmt: (x: number) => string): string {
  const runs = s?.info?.seconds_per_run;
  if (!s || s.skipped !== undefined || !runs || runs.length === 0) return referenceCell(s, fmt);
  return `${fmt(median(runs))} s, Q ${(s.info?.best_modularity ?? Number.NaN).toFixed(4)}`;
}
