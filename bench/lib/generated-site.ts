import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A generated news site on loopback for the pipeline and soak benchmarks:
 * `/sitemap.xml` lists `pages` articles at `/news/<n>.html`, each a page of
 * varied, attributed sentences (our own templates). Optional faults: a share of
 * pages answers 503 first, resets the connection, or trickles its body.
 */
export interface GeneratedSite {
  url: string;
  pages: number;
  requests: number;
  faultsInjected: { status5xx: number; reset: number; slow: number };
  close(): Promise<void>;
}

const SPEAKERS = [
  ['Harbour Authority', 'the Authority'],
  ['Ministry of Water', 'the ministry'],
  ['Maria Esteves', 'Esteves'],
  ['Northern Rail Company', 'the company'],
  ['Tomas Lindqvist', 'Lindqvist'],
];
const TOPICS = ['the bridge repairs', 'the river levels', 'the strike ballot', 'the school closures', 'the budget vote', 'the harbour dredging'];
const CUES = [
  (s: string, t: string) => `${s} said on Monday that ${t} would continue into next month.`,
  (s: string, t: string) => `“We have not changed our position on ${t},” ${s} said.`,
  (s: string, t: string) => `${s} denied that ${t} had been delayed by a lack of funding.`,
  (s: string, t: string) => `According to ${s}, ${t} will cost more than first estimated.`,
  (s: string, t: string) => `${s} confirmed that inspectors had visited the site to review ${t}.`,
  (s: string, t: string) => `Work on ${t} is expected to resume soon, ${s} reported.`,
];
const FILLER = [
  'Residents gathered near the town hall as the afternoon light faded over the water.',
  'Traffic on the coastal road was slower than usual during the morning rush.',
  'Several shops on the main street closed early because of the weather warning.',
  'Local volunteers handed out leaflets explaining the timetable changes.',
];

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

export function generatedArticle(n: number, base: string): string {
  const [full, short] = pick(SPEAKERS, n);
  const paragraphs: string[] = [];
  for (let i = 0; i < 8; i++) {
    const topic = pick(TOPICS, n + i);
    const speaker = i === 0 ? `the ${full}` : i % 2 ? short! : full!;
    paragraphs.push(pick(CUES, n * 3 + i)(speaker.replace(/^the the /, 'the '), topic), pick(FILLER, n + i));
  }
  const day = String(1 + (n % 28)).padStart(2, '0');
  const layout = n % 3;
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  const main =
    layout === 0
      ? `<article><h1>Update ${n} on ${pick(TOPICS, n)}</h1><p class="byline">By Ana Ruiz</p>${body}</article>`
      : layout === 1
        ? `<div id="content"><div class="story"><h1 class="headline">Update ${n} on ${pick(TOPICS, n)}</h1><div class="story-body">${body}</div></div></div>`
        : `<main><section class="post"><header><h1>Update ${n} on ${pick(TOPICS, n)}</h1><time datetime="2026-05-${day}T08:00:00Z">May ${day}</time></header>${body}</section></main>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Update ${n} on ${pick(TOPICS, n)} - Bench Bay News</title>
<meta property="og:site_name" content="Bench Bay News"><meta property="article:published_time" content="2026-05-${day}T08:00:00Z">
<link rel="canonical" href="${base}/news/${n}.html?utm_source=canonical">
<style>body{font-family:serif}.nav{display:flex}</style><script>window.analytics=[];</script></head>
<body><div class="nav"><a href="/">Home</a><a href="/local">Local</a><a href="/weather">Weather</a></div>
${main}
<aside class="related"><h3>Related</h3><ul><li><a href="/news/${n + 1}.html">Update ${n + 1}</a></li><li><a href="/news/${n + 2}.html">Update ${n + 2}</a></li></ul></aside>
<footer>Bench Bay News — generated for claimwire benchmarks.</footer></body></html>`;
}

/** Deterministic pseudo-random in [0,1) from an integer. */
function unit(n: number, salt: number): number {
  let x = (n * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 2246822507) >>> 0;
  x ^= x >>> 13;
  return (x >>> 0) / 4294967296;
}

export async function startGeneratedSite(options: { pages: number; faultRate?: number }): Promise<GeneratedSite> {
  const faultRate = options.faultRate ?? 0;
  const attempts = new Map<number, number>();
  const site: Omit<GeneratedSite, 'url' | 'close'> = { pages: options.pages, requests: 0, faultsInjected: { status5xx: 0, reset: 0, slow: 0 } };
  let base = '';
  const server: Server = createServer((req, res) => {
    site.requests++;
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      return;
    }
    if (path === '/sitemap.xml') {
      const urls = Array.from({ length: options.pages }, (_, i) => `<url><loc>${base}/news/${i}.html?utm_medium=sitemap</loc><lastmod>2026-05-${String(1 + (i % 28)).padStart(2, '0')}</lastmod></url>`);
      res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`);
      return;
    }
    const m = /^\/news\/(\d+)\.html$/.exec(path);
    if (!m || Number(m[1]) >= options.pages) {
      res.writeHead(404).end();
      return;
    }
    const n = Number(m[1]);
    const attempt = (attempts.get(n) ?? 0) + 1;
    attempts.set(n, attempt);
    const html = generatedArticle(n, base);
    // Faults hit a page only on its first request, so retries can succeed (as in real outages).
    if (attempt === 1 && unit(n, 1) < faultRate) {
      const kind = Math.floor(unit(n, 2) * 3);
      if (kind === 0) {
        site.faultsInjected.status5xx++;
        res.writeHead(503, { 'retry-after': '1' }).end('busy');
        return;
      }
      if (kind === 1) {
        site.faultsInjected.reset++;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write(html.slice(0, 100));
        req.socket.destroy();
        return;
      }
      site.faultsInjected.slow++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(html.slice(i, i + 200));
        i += 200;
        if (i >= html.length) {
          clearInterval(timer);
          res.end();
        }
      }, 20);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(site, {
    url: base,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  });
}
