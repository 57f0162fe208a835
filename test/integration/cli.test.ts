import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimwire } from '../helpers/cli.ts';

describe('claimwire CLI', () => {
  it('prints usage with --help, naming every command', async () => {
    const { code, stdout } = await claimwire(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'ingest', 'replay', 'failures', 'demo', 'articles', 'article', 'claims', 'parse']) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('rejects an unknown option with a clear message and exit code 2', async () => {
    const { code, stderr } = await claimwire(['articles', '--colour']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--colour'");
  });

  it('parse: one JSON line per file, text unchanged for .txt with claim offsets into it, an error object for a bad file', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'claimwire-parse-'));
    const txt = join(dir, 'note.txt');
    const text = 'The river authority said on Monday that the flood barrier would stay closed.\n\nResidents were told to avoid the quay.';
    await writeFile(txt, text);
    const html = join(dir, 'page.html');
    await writeFile(html, '<html lang="en"><head><title>Barrier stays shut</title></head><body><article><h1>Barrier stays shut</h1><p>The river authority said on Monday that the flood barrier would stay closed for the rest of the week, while engineers inspect its hinges.</p><p>Engineers began the inspection at dawn and expected to finish by Friday, officials said.</p></article></body></html>');
    const missing = join(dir, 'missing.html');
    // Act
    const { code, stdout } = await claimwire(['parse', '--format', 'jsonl', txt, html, missing]);
    // Assess
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([txt, html, missing]);
    expect(lines[0].text).toBe(text);
    const claim = lines[0].claims[0];
    expect(text.slice(claim.cue.start, claim.cue.end)).toBe('said');
    expect(text.slice(claim.content.start, claim.content.end)).toContain('flood barrier');
    expect(lines[1].title).toBe('Barrier stays shut');
    expect(lines[1].text).toContain('engineers inspect its hinges');
    expect(lines[2].error.message).toMatch(/ENOENT|no such file/);
  });
});

describe('claimwire parse --outermost', () => {
  it('drops nested claims and gives a split content as its fragments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimwire-outer-'));
    const txt = join(dir, 'nested.txt');
    await writeFile(txt, 'A port official denied that the talks had collapsed, the agency reported. “We are close,” the mediator said. “Very close.”');
    const all = JSON.parse((await claimwire(['parse', txt])).stdout);
    const outer = JSON.parse((await claimwire(['parse', '--outermost', txt])).stdout);
    expect(all.claims.some((c: { nested: boolean }) => c.nested)).toBe(true);
    expect(outer.claims.some((c: { nested: boolean }) => c.nested)).toBe(false);
    expect(outer.claims.length).toBe(all.claims.filter((c: { nested: boolean }) => !c.nested).length);
    const split = outer.claims.find((c: { content: unknown }) => Array.isArray(c.content));
    expect(split.content.map((f: { text: string }) => f.text)).toEqual(['“We are close,”', '“Very close.”']);
  });
});

describe('claimwire demo', () => {
  it('serves the demo site on loopback, ingests all six articles with claims, and lists them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimwire-demo-'));
    const { code, stdout, stderr } = await claimwire(['demo', '--port', '0', '--data-dir', dir]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/Articles \(6\):/);
    expect(stderr).toMatch(/6 page\(s\) processed, 0 failure\(s\) recorded, 0 dead-lettered/);
    const counts = [...stdout.matchAll(/\[(\d+) claims\]/g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(6);
    for (const n of counts) expect(n).toBeGreaterThan(3);
  }, 180_000);
});
