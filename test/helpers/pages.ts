/** Small article pages written for the tests (fictional events, our own sentences). */
export function articlePage(opts: { title: string; paragraphs: string[]; published?: string; author?: string }): string {
  const published = opts.published ?? '2026-04-02T09:30:00+02:00';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${opts.title} | Lakeside Ledger</title>
<meta property="og:site_name" content="Lakeside Ledger">
<meta property="article:published_time" content="${published}">
<meta name="author" content="${opts.author ?? 'Ines Okafor'}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${opts.title}</h1>
<p class="byline">By ${opts.author ?? 'Ines Okafor'}</p>
${opts.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<footer>© Lakeside Ledger. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>`;
}

export const THREE_CLAIMS = [
  'The ferry service across the lake was suspended on Tuesday after a crack was found in the hull of its largest vessel, the Lake Transit Authority said.',
  'Transit director Paulo Mendes said that repairs would take at least two weeks and that passengers would be offered buses in the meantime.',
  'The ferry operators union denied that maintenance had been skipped, insisting that every inspection had been carried out on schedule.',
  'A spokesperson for the regional council confirmed that emergency funds had been set aside for the repairs.',
];

export const ONE_CLAIM = [
  'The ferry service across the lake resumed on Friday after repairs were finished ahead of schedule, the Lake Transit Authority said.',
  'Passengers returned to the morning crossing in large numbers and the replacement buses were withdrawn.',
];
