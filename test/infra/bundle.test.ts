/**
 * Real esbuild bundles (as `cdk synth` builds them) run where Lambda runs them:
 * each asset is copied to an empty directory outside the repository (no
 * node_modules to fall back on) and loaded by a fresh `node` with a bare
 * environment. Loading the process bundle executes jsdom's start-up file reads
 * (default stylesheet, sync-XHR worker, css-tree data), so a wrong layout fails here.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, synth, type CfnTemplate } from './synth.ts';

const BUNDLING_TIMEOUT_MS = 240_000;
const TASK_ROOT = '/var/task';

let json: CfnTemplate;
let assemblyDir: string;
const sandboxes: string[] = [];

beforeAll(() => {
  const synthesised = synth({}, { bundle: true });
  json = synthesised.json;
  assemblyDir = synthesised.assembly.directory;
}, BUNDLING_TIMEOUT_MS);

afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

/** Copies a function's asset into a fresh directory, like Lambda's /var/task. */
function sandboxOf(functionPrefix: string): { dir: string; handler: string; env: Record<string, unknown> } {
  const fn = json.Resources[idOf(json, 'AWS::Lambda::Function', functionPrefix)]!.Properties!;
  const asset = (fn.Code.S3Key as string).replace(/\.zip$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'claimwire-task-'));
  sandboxes.push(dir);
  cpSync(join(assemblyDir, `asset.${asset}`), dir, { recursive: true });
  return { dir, handler: fn.Handler as string, env: fn.Environment.Variables };
}

/**
 * Loads `<file>.<export>` in a bare `node` and reports the export's type and load
 * time; a load error is rethrown with its message only (the minified line that
 * Node would print with it is megabytes long).
 */
function load(dir: string, handler: string): { type: string; ms: number } {
  const dot = handler.lastIndexOf('.');
  const file = join(dir, `${handler.slice(0, dot)}.js`);
  const script = [
    'const t = Date.now();',
    `try { const m = require(${JSON.stringify(file)});`,
    `  console.log(JSON.stringify({ type: typeof m[${JSON.stringify(handler.slice(dot + 1))}], ms: Date.now() - t }));`,
    '} catch (e) { console.log(JSON.stringify({ error: String(e && e.message).slice(0, 500) })); }',
  ].join('\n');
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { type: string; ms: number; error?: string };
  if (result.error) throw new Error(`loading ${handler} failed: ${result.error}`);
  return result;
}

describe.each([
  ['Discover', 3],
  ['Fetch', 3],
  ['Process', 10],
])('%s bundle', (name, maxMegabytes) => {
  it(`loads in an empty task directory and exports its handler`, () => {
    const { dir, handler } = sandboxOf(`${name}Function`);
    expect(load(dir, handler).type).toBe('function');
  });

  it(`stays under ${maxMegabytes} MB of minified code (cold start)`, () => {
    const { dir, handler } = sandboxOf(`${name}Function`);
    const size = statSync(join(dir, `${handler.slice(0, handler.lastIndexOf('.'))}.js`)).size;
    expect(size).toBeLessThan(maxMegabytes * 1024 * 1024);
  });
});

describe('files beside the bundles', () => {
  it('ships the default sources.json where CLAIMWIRE_SOURCES_FILE points', () => {
    const { dir, env } = sandboxOf('DiscoverFunction');
    const file = String(env.CLAIMWIRE_SOURCES_FILE);
    expect(file.startsWith(`${TASK_ROOT}/`)).toBe(true);
    const shipped = join(dir, file.slice(TASK_ROOT.length + 1));
    expect(existsSync(shipped)).toBe(true);
    expect(JSON.parse(readFileSync(shipped, 'utf8'))).toEqual(JSON.parse(readFileSync('sources.json', 'utf8')));
  });

  it('fails to load the process bundle without jsdom\'s stylesheet (the layout is what makes it work)', () => {
    // Prepare
    const { dir, handler } = sandboxOf('ProcessFunction');
    rmSync(join(dir, 'browser'), { recursive: true });
    // Act + Assess
    expect(() => load(dir, handler)).toThrow(/default-stylesheet\.css/);
  });
});
