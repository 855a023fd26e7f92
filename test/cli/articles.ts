// Short reports written for these tests; every incident is made up.

export const REPORTS = [
  "Gunmen attacked a police checkpoint outside Maiduguri, Nigeria, on Sunday, killing three officers, a police spokesman said.",
  "A car bomb exploded near a market in Mogadishu, Somalia, on Tuesday, killing five people and wounding twelve, officials said.",
  "Militants abducted eight aid workers on the road to Kidal, Mali, on Friday, their organisation said in a statement.",
  "A roadside bomb struck an army convoy near Palma, Mozambique, on Wednesday, wounding four soldiers, a military source said.",
];

export function articlePage(title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Test Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1><p>${body}</p><p>Residents said the area was calm by evening and that shops reopened the following morning.</p>
<p>Authorities promised an investigation and asked witnesses to come forward with any information.</p></article>
<footer>Copyright Test Wire</footer></body></html>`;
}

export function rssFeed(items: { guid: string; title: string; body: string; date: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Wire</title><link>http://wire.example/</link><description>Test</description>
${items
  .map(
    (i) => `<item><title>${i.title}</title><guid>${i.guid}</guid><link>${i.guid}</link><pubDate>${i.date}</pubDate>
<content:encoded><![CDATA[<p>${i.body}</p><p>Residents said the area was calm by evening and that shops reopened the following morning.</p>]]></content:encoded></item>`,
  )
  .join("\n")}
</channel></rss>`;
}
