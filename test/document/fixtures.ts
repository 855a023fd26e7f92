// Sample pages written for these tests (no real article is copied here): a short wire-style report
// wrapped in the furniture that scraped news sites carry.

export const reportParagraphs = [
  "Gunmen attacked a police checkpoint outside the coastal town of Zawiya on Tuesday, killing three officers and wounding two others, a security official said.",
  "The attackers arrived in two pickup trucks shortly after dawn and opened fire with machine guns before fleeing south, the official added.",
  "No group has claimed responsibility for the attack, the third on security forces in the area this month.",
];

export const reportText = [
  "Home / News / Libya / Gunmen kill three police officers at checkpoint",
  "",
  "Gunmen kill three police officers at checkpoint",
  "",
  ...reportParagraphs.flatMap((p) => [p, ""]),
  "Share this:",
  "Tweet",
  "Share on Facebook",
  "",
  "Related Articles",
  "",
  "Curfew lifted in eastern port after week of clashes",
  "",
  "The local council said on Friday that shops would reopen and that the night curfew imposed last week …",
  "",
  "Leave a Reply",
  "",
  "Your email address will not be published. Required fields are marked *",
  "",
  "© 2010-2019 The Coastal Observer. All rights reserved.",
].join("\n");

export const reportHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Gunmen kill three police officers at checkpoint - The Coastal Observer</title>
  <meta property="og:site_name" content="The Coastal Observer">
  <meta property="article:published_time" content="2019-03-05T08:15:00+01:00">
  <script>window.tracker = "should never run";</script>
</head>
<body>
  <header><nav><a href="/">Home</a> / <a href="/news">News</a></nav></header>
  <main>
    <article>
      <h1>Gunmen kill three police officers at checkpoint</h1>
      <p class="byline">By Amal Haddad</p>
      ${reportParagraphs.map((p) => `<p>${p}</p>`).join("\n      ")}
      <div class="share"><p>Share this:</p><p>Tweet</p></div>
    </article>
    <aside><h3>Most Read</h3><ul><li><a href="/a">Port reopens after storm</a></li></ul></aside>
  </main>
  <footer><p>© 2010-2019 The Coastal Observer</p></footer>
</body>
</html>`;
