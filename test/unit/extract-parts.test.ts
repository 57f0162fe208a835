import { describe, expect, it } from 'vitest';
import { PageTooLargeError, ParseError } from '../../shared/errors.ts';
import { dateFromUrl, parseDate } from '../../shared/extract/dates.ts';
import { decodeHtml } from '../../shared/extract/decode.ts';
import { EXTRACTOR_VERSION, cleanUrl, extractArticle, scanTags } from '../../shared/extract/index.ts';
import { cleanAuthors, stripSiteSuffix } from '../../shared/extract/metadata.ts';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseDate', () => {
  it.each([
    ['2019-11-19T08:30:00-05:00', '2019-11-19T08:30:00-05:00'],
    ['2019-11-19T13:30:00.123Z', '2019-11-19T13:30:00Z'],
    ['2019-11-19 10:00:00', '2019-11-19T10:00:00Z'],
    ['20191119', '2019-11-19T00:00:00Z'],
    ['1574170200', '2019-11-19T13:30:00Z'],
    ['Tue, 19 Nov 2019 13:30:00 GMT', '2019-11-19T13:30:00Z'],
    ['Nov. 19, 2019 5:30 p.m. ET', '2019-11-19T17:30:00-05:00'],
    ['19 November 2019', '2019-11-19T00:00:00Z'],
    ['Published: November 19, 2019 at 8:59 pm', '2019-11-19T20:59:00Z'],
  ])('reads %s', (input, iso) => {
    expect(parseDate(input, { textual: true })?.iso ?? parseDate(input)?.iso).toBe(iso);
  });

  it('rejects impossible dates and non-dates', () => {
    expect(parseDate('2019-02-31')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('')).toBeNull();
  });

  it('finds day-precise dates in URLs only', () => {
    expect(dateFromUrl('https://x.test/2019/11/19/story/')?.iso).toBe('2019-11-19T00:00:00Z');
    expect(dateFromUrl('https://x.test/news/story-20191119.html')?.iso).toBe('2019-11-19T00:00:00Z');
    expect(dateFromUrl('https://x.test/2019/11/story/')).toBeNull();
  });
});

describe('cleanUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest', () => {
    expect(cleanUrl('https://x.test/a?utm_source=tw&id=3&fbclid=Z&gclid=Q#top')).toBe('https://x.test/a?id=3');
    expect(cleanUrl('/b?utm_medium=email', 'https://x.test/a')).toBe('https://x.test/b');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('cleanAuthors', () => {
  it('keeps people and drops staff, roles, handles and "Email the author"', () => {
    expect(cleanAuthors(['By Jane Doe and John Roe | Email the author'])).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors(['By Staff'])).toEqual([]);
    expect(cleanAuthors(['Staff Writer'])).toEqual([]);
    expect(cleanAuthors(['https://www.facebook.com/someone'])).toEqual([]);
    expect(cleanAuthors(['Sarah E. Needleman'])).toEqual(['Sarah E. Needleman']);
    expect(cleanAuthors(['Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy'])).toEqual(['Daniel Kahn Gillmor']);
  });
});

describe('stripSiteSuffix', () => {
  it('removes the part naming the site', () => {
    expect(stripSiteSuffix('Council votes on bikes | Riverton Daily', 'Riverton Daily', null)).toBe('Council votes on bikes');
    expect(stripSiteSuffix('Council votes on bikes - riverton.example', null, 'www.riverton.example')).toBe('Council votes on bikes');
    expect(stripSiteSuffix('Spider-Man: a review', 'Film Weekly', null)).toBe('Spider-Man: a review');
  });
});

describe('decodeHtml', () => {
  it('prefers the BOM over the header and the header over meta', () => {
    const withMeta = encode('<meta charset="windows-1252"><p>é</p>');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...withMeta]), 'text/html; charset=iso-8859-2').encoding).toEqual({ name: 'utf-8', from: 'bom' });
    expect(decodeHtml(withMeta, 'text/html; charset=utf-8').encoding).toEqual({ name: 'utf-8', from: 'header' });
    expect(decodeHtml(withMeta).encoding).toEqual({ name: 'windows-1252', from: 'meta' });
  });

  it('maps windows-1252 punctuation that Node decodes as C1 controls', () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x3c, 0x2f, 0x70, 0x3e]);
    expect(decodeHtml(bytes, 'text/html; charset=latin1').html).toBe('<p>“hi” €</p>');
  });

  it('decodes legacy multi-byte encodings', () => {
    expect(decodeHtml(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'text/html; charset=gbk').html).toBe('你好');
    expect(decodeHtml(new Uint8Array([0xbe, 0xc8, 0xb3, 0xe7]), 'text/html; charset=euc-kr').html).toBe('안녕');
  });
});

describe('extractArticle limits and errors', () => {
  it('throws ParseError for empty and binary input', async () => {
    await expect(extractArticle({ bytes: new Uint8Array() })).rejects.toBeInstanceOf(ParseError);
    await expect(extractArticle({ bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]) })).rejects.toThrow(/PDF/);
    await expect(extractArticle({ bytes: new Uint8Array(4096).fill(0) })).rejects.toBeInstanceOf(ParseError);
  });

  it('throws PageTooLargeError over the byte, element and depth caps', async () => {
    const html = `<html><body>${'<p>x</p>'.repeat(500)}</body></html>`;
    await expect(extractArticle({ html, limits: { maxBytes: 1000 } })).rejects.toBeInstanceOf(PageTooLargeError);
    await expect(extractArticle({ html, limits: { maxElements: 100 } })).rejects.toBeInstanceOf(PageTooLargeError);
    await expect(extractArticle({ html: `${'<div>'.repeat(50)}x`, limits: { maxDepth: 20 } })).rejects.toBeInstanceOf(PageTooLargeError);
  });

  it('estimates depth without counting self-closing or auto-closed tags', () => {
    expect(scanTags('<div><p>a<p>b<br><img src=x></div>')).toEqual({ count: 5, depth: 1 });
  });

  it('accepts a string and reports it as such', async () => {
    const article = await extractArticle({ html: '<p>One sentence, with a comma, long enough to count as a paragraph of text.</p>' });
    expect(article.encoding).toEqual({ name: 'utf-16', from: 'string' });
    expect(article.flags.tooShort).toBe(true);
    expect(EXTRACTOR_VERSION).toMatch(/^extract-\d+$/);
  });
});
