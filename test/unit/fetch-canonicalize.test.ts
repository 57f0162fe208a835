import { describe, expect, it } from 'vitest';
import { FetchRefusedError } from '../../shared/errors.ts';
import { canonicalizeUrl, siteOf } from '../../shared/fetch/index.ts';

describe('canonicalizeUrl', () => {
  it.each([
    // [what, input, expected]
    ['lower-cases scheme and host', 'HTTPS://News.Example.COM/Story', 'https://news.example.com/Story'],
    ['keeps path case', 'https://example.com/A/b', 'https://example.com/A/b'],
    ['drops the default https port', 'https://example.com:443/a', 'https://example.com/a'],
    ['drops the default http port', 'http://example.com:80/a', 'http://example.com/a'],
    ['keeps a non-default port', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['drops the fragment', 'https://example.com/a#comments', 'https://example.com/a'],
    ['drops the host trailing dot', 'https://example.com./a', 'https://example.com/a'],
    ['drops credentials', 'https://user:pw@example.com/a', 'https://example.com/a'],
    ['adds the root path', 'https://example.com', 'https://example.com/'],
    ['drops utm_* parameters', 'https://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z', 'https://example.com/a'],
    ['drops click ids', 'https://example.com/a?fbclid=1&gclid=2&msclkid=3&id=7', 'https://example.com/a?id=7'],
    ['drops mail and share ids', 'https://example.com/a?mc_cid=1&mc_eid=2&ref_src=twsrc&igshid=4&p=1', 'https://example.com/a?p=1'],
    ['sorts parameters by name', 'https://example.com/a?z=1&b=2&a=3', 'https://example.com/a?a=3&b=2&z=1'],
    ['keeps the order of a repeated name', 'https://example.com/a?t=2&a=0&t=1', 'https://example.com/a?a=0&t=2&t=1'],
    ['drops empty pairs and an empty query', 'https://example.com/a?&&utm_source=x&', 'https://example.com/a'],
    ['keeps a flag without value', 'https://example.com/a?amp&b=1', 'https://example.com/a?amp&b=1'],
    ['decodes unreserved escapes', 'https://example.com/%7Euser/%41rticle?q=%61', 'https://example.com/~user/Article?q=a'],
    ['upper-cases the hex of reserved escapes', 'https://example.com/a%2fb?q=a%2bb', 'https://example.com/a%2Fb?q=a%2Bb'],
    ['resolves dot segments', 'https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['turns an IDN host into punycode', 'https://bücher.example/a', 'https://xn--bcher-kva.example/a'],
    ['normalises a numeric IPv4 host', 'http://2130706433/a', 'http://127.0.0.1/a'],
    ['trims spaces', '  https://example.com/a  ', 'https://example.com/a'],
  ])('%s', (_what, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('gives the same URL for the same article reached through different links', () => {
    const variants = [
      'https://www.example.com/news/1?id=5&page=2',
      'HTTPS://WWW.EXAMPLE.COM:443/news/1?page=2&id=5#top',
      'https://www.example.com./news/1?utm_source=newsletter&page=2&id=5&fbclid=abc',
    ];
    expect(new Set(variants.map(canonicalizeUrl)).size).toBe(1);
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(() => canonicalizeUrl('/relative/path')).toThrow(FetchRefusedError);
    expect(() => canonicalizeUrl('not a url')).toThrow(expect.objectContaining({ rule: 'invalid-url' }));
    expect(() => canonicalizeUrl('ftp://example.com/a')).toThrow(expect.objectContaining({ rule: 'scheme' }));
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrow(expect.objectContaining({ rule: 'scheme' }));
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.example.com/a', 'example.com'],
    ['https://WWW.Example.co.uk./news', 'example.co.uk'],
    ['https://news.example.com/a', 'news.example.com'],
    ['http://example.com:8080/', 'example.com'],
    ['https://wwwexample.com/', 'wwwexample.com'],
  ])('%s -> %s', (input, expected) => {
    expect(siteOf(input)).toBe(expected);
  });
});
