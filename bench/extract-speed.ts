/**
 * Speed of article extraction next to Readability.js on jsdom, in the same run:
 *
 *   npm run bench:extract [-- --passes 3 --impls ours,readability,readability-nostyle --import-runs 5]
 *
 * Pages: the benchmark's dev split (ids 0-7…), read gzipped from
 * ../shared/data/article-extraction-benchmark/html beside the checkout (or $AEB_DEV_DIR/html); skipped
 * cleanly when absent. Each implementation runs in its own child process (so peak RSS
 * is its own) over all pages, `--passes` times, yielding to the event loop after every
 * page as a server would. "ours" = extractArticle + extractClaims (shared/claims) when
 * that module exists. Then cold import time: jsdom alone vs the esbuild bundle of
 * shared/extract (jsdom external), each in fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const DATA_DIR = join(process.env.AEB_DEV_DIR ?? join(ROOT, '..', 'shared', 'data', 'article-extraction-benchmark'), 'html');

interface PassResult {
  pass: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** Pages per second of CPU time used by the process: steadier than wall time on a shared machine. */
  pagesPerCpuSecond: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  peakRssMb: number;
  heapAfterGcMb: number | null;
  failures: number;
}
interface ImplResult {
  impl: string;
  note: string;
  passes: PassResult[];
}

function loadPages(): Array<{ id: string; html: string; bytes: Uint8Array }> {
  return readdirSync(DATA_DIR)
    .filter((f) => /^[0-7][0-9a-f]*\.html\.gz$/.test(f))
    .sort()
    .map((f) => {
      const bytes = new Uint8Array(gunzipSync(readFileSync(join(DATA_DIR, f))));
      return { id: f.slice(0, 12), bytes, html: new TextDecoder().decode(bytes) };
    });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Child mode: time one implementation and print its result as JSON. */
async function runChild(impl: string, passes: number): Promise<void> {
  const pages = loadPages();
  let note = '';
  let work: (page: { html: string; bytes: Uint8Array }) => Promise<void>;
  if (impl === 'ours') {
    const { extractArticle } = await import('../shared/extract/index.ts');
    type ClaimsFn = (text: string, options?: { paragraphs?: string[] }) => unknown[];
    let extractClaims: ClaimsFn | null = null;
    try {
      extractClaims = ((await import(join(ROOT, 'shared/claims/index.ts'))) as { extractClaims: ClaimsFn }).extractClaims;
      note = 'extractArticle + extractClaims';
    } catch (error) {
      note = `extractArticle only: shared/claims/index.ts could not be imported (${(error as Error).message.split('\n')[0]})`;
    }
    const claims = extractClaims;
    work = async ({ bytes }) => {
      const article = await extractArticle({ bytes });
      if (claims) claims(article.text, { paragraphs: article.paragraphs });
    };
  } else {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    const virtualConsole = new VirtualConsole();
    const noStyle = impl === 'readability-nostyle';
    note = noStyle ? 'jsdom (<style> removed first) + Readability.parse()' : 'jsdom + Readability.parse() (the benchmark readability_js recipe)';
    work = async ({ html }) => {
      const source = noStyle ? html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '') : html;
      const dom = new JSDOM(source, { url: 'https://example.invalid/', virtualConsole });
      try {
        new Readability(dom.window.document).parse();
      } finally {
        dom.window.close();
        await yieldToLoop();
      }
    };
  }
  const results: PassResult[] = [];
  for (let pass = 1; pass <= passes; pass++) {
    const times: number[] = [];
    let peak = process.memoryUsage.rss();
    let failures = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (const page of pages) {
      const t0 = performance.now();
      try {
        await work(page);
      } catch {
        failures++;
      }
      times.push(performance.now() - t0);
      peak = Math.max(peak, process.memoryUsage.rss());
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const gc = (globalThis as { gc?: () => void }).gc;
    let heapAfterGcMb: number | null = null;
    if (gc) {
      await yieldToLoop();
      gc();
      heapAfterGcMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    }
    times.sort((a, b) => a - b);
    results.push({
      pass, pages: pages.length, seconds: Math.round(seconds * 100) / 100, pagesPerSecond: Math.round((pages.length / seconds) * 10) / 10,
      pagesPerCpuSecond: Math.round((pages.length / cpuSeconds) * 10) / 10,
      medianMs: Math.round(percentile(times, 0.5) * 10) / 10, p95Ms: Math.round(percentile(times, 0.95) * 10) / 10,
      maxMs: Math.round(times[times.length - 1]! * 10) / 10, peakRssMb: Math.round(peak / 1e6), heapAfterGcMb, failures,
    });
  }
  process.stdout.write(`${JSON.stringify({ impl, note, passes: results } satisfies ImplResult)}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Milliseconds to import a module in a fresh process (measured inside it), median of `runs`. */
function importTime(specifier: string, runs: number): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`import of ${specifier} failed: ${r.stderr}`);
    samples.push(Number(r.stdout.trim()));
  }
  return Math.round(median(samples));
}

async function runParent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passes: { type: 'string', default: '3' },
      impls: { type: 'string', default: 'ours,readability,readability-nostyle' },
      'import-runs': { type: 'string', default: '5' },
      'skip-imports': { type: 'boolean', default: false },
      child: { type: 'string' },
    },
  });
  if (values.child) return runChild(values.child, Number(values.passes));
  if (!existsSync(DATA_DIR)) {
    console.log(`bench:extract skipped: ${DATA_DIR} is absent (set AEB_DEV_DIR to the article-extraction-benchmark folder)`);
    return;
  }
  const results: ImplResult[] = [];
  for (const impl of values.impls.split(',')) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', impl, '--passes', values.passes], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24,
    });
    if (child.status !== 0) {
      console.error(`${impl} failed:\n${child.stderr}`);
      continue;
    }
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as ImplResult);
  }
  console.log(`dev pages: ${loadPages().length}, passes: ${values.passes}, node ${process.version}`);
  console.log('impl                 pass  pages/s  pages/CPU-s  median ms  p95 ms  max ms  peak RSS MB  heap after GC MB  failures');
  for (const r of results) {
    for (const p of r.passes) {
      console.log(
        `${r.impl.padEnd(20)} ${String(p.pass).padStart(4)} ${String(p.pagesPerSecond).padStart(8)} ${String(p.pagesPerCpuSecond).padStart(12)} ${String(p.medianMs).padStart(10)} ${String(p.p95Ms).padStart(7)} ${String(p.maxMs).padStart(7)} ${String(p.peakRssMb).padStart(12)} ${String(p.heapAfterGcMb ?? '-').padStart(17)} ${String(p.failures).padStart(9)}`,
      );
    }
  }
  for (const r of results) console.log(`${r.impl}: ${r.note}`);
  const total = (r: ImplResult): number => r.passes.reduce((n, p) => n + p.pages, 0) / r.passes.reduce((s, p) => s + p.seconds, 0);
  const cpuTotal = (r: ImplResult): number => r.passes.reduce((n, p) => n + p.pages, 0) / r.passes.reduce((s, p) => s + p.pages / p.pagesPerCpuSecond, 0);
  const ours = results.find((r) => r.impl === 'ours');
  for (const ref of results.filter((r) => r.impl !== 'ours')) {
    if (!ours) continue;
    console.log(`ratio ours / ${ref.impl}: ${(total(ours) / total(ref)).toFixed(2)}x pages/s (${total(ours).toFixed(1)} vs ${total(ref).toFixed(1)}), ${(cpuTotal(ours) / cpuTotal(ref)).toFixed(2)}x pages/CPU-s (${cpuTotal(ours).toFixed(1)} vs ${cpuTotal(ref).toFixed(1)})`);
  }

  if (values['skip-imports']) return;
  const runs = Number(values['import-runs']);
  const outDir = join(ROOT, 'node_modules/.cache/claimwire-bench');
  mkdirSync(outDir, { recursive: true });
  const bundle = join(outDir, 'extract.mjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(ROOT, 'shared/extract/index.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['jsdom'], outfile: bundle, logLevel: 'silent' });
  const jsdomMs = importTime('jsdom', runs);
  const oursMs = importTime(bundle, runs);
  console.log(`cold import (fresh process, median of ${runs}): jsdom ${jsdomMs} ms; shared/extract bundle (jsdom external) ${oursMs} ms; ratio ${(oursMs / jsdomMs).toFixed(2)}x`);
}

await runParent();
