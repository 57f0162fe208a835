import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBadInputs } from '../helpers/bad-inputs.ts';
import { claimwire } from '../helpers/cli.ts';


describe('claimwire parse on a corpus of broken and hostile pages', () => {
  let dir: string;
  let files: string[];
  let lines: Array<{ file: string; text?: string; error?: { name: string; message: string } }>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimwire-bad-'));
    files = await writeBadInputs(dir);
    const { stdout, code, stderr } = await claimwire(['parse', '--format', 'jsonl', ...files], 300_000);
    expect(code, stderr).toBe(0);
    lines = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  }, 320_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const line = (name: string) => lines.find((l) => l.file.endsWith(`/${name}`))!;

  it('answers exactly once per file, in order, without crashing', () => {
    expect(lines.map((l) => l.file)).toEqual(files);
  });

  it('gives a clear typed error for inputs that are not pages or are over a limit', () => {
    expect(line('empty.html').error?.message).toMatch(/empty/i);
    expect(line('binary.html').error?.name).toBe('ParseError');
    expect(line('png-as-html.html').error?.name).toBe('ParseError');
    expect(line('huge-30mb.html').error?.name).toBe('PageTooLargeError');
    expect(line('many-elements.html').error?.name).toBe('PageTooLargeError');
    expect(line('deep-nesting.html').error?.name).toBe('PageTooLargeError');
  });

  it('still extracts text from broken but real pages', () => {
    expect(line('unclosed-tags.html').text).toContain('the bridge would reopen');
    expect(line('entities.html').text).toContain('“We are open,” the owner said — “every day”');
    expect(line('bom-vs-meta.html').text).toContain('“Grüße,” said Jürgen.');
    expect(line('latin1-no-declaration.html').text).toBeDefined();
    expect(line('css-bomb.html').text).toContain('new crane would arrive');
  });
});
