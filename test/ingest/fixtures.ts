import { reportParagraphs } from "../document/fixtures.js";

// Feeds written for these tests: an RSS 2.0 channel and an Atom feed about invented events.

export const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Coastal Observer</title>
  <link>https://observer.example/</link>
  <description>News from the coast</description>
  <item>
    <title>Gunmen kill three police officers at checkpoint</title>
    <link>https://observer.example/news/checkpoint</link>
    <guid isPermaLink="false">observer-1001</guid>
    <pubDate>Tue, 05 Mar 2019 08:15:00 +0100</pubDate>
    <description>Three officers were killed.</description>
    <content:encoded><![CDATA[${reportParagraphs.map((p) => `<p>${p}</p>`).join("")}]]></content:encoded>
  </item>
  <item>
    <title>Curfew lifted in eastern port</title>
    <link>https://observer.example/news/curfew</link>
    <pubDate>Wed, 06 Mar 2019 18:00:00 +0100</pubDate>
    <description>&lt;p&gt;The council lifted the night curfew on Wednesday after a week without clashes.&lt;/p&gt;</description>
  </item>
  <item>
    <title>An item with nothing to link to</title>
    <description>Text without an address.</description>
  </item>
  <item>
    <title>An item with no text</title>
    <link>https://observer.example/news/empty</link>
  </item>
</channel>
</rss>`;

export const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Desert Wire</title>
  <id>urn:example:desert-wire</id>
  <updated>2019-03-07T10:00:00Z</updated>
  <entry>
    <title>Convoy ambushed on southern road</title>
    <id>urn:example:desert-wire:77</id>
    <link rel="alternate" href="https://wire.example/77"/>
    <published>2019-03-07T09:30:00Z</published>
    <updated>2019-03-07T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Armed men ambushed a fuel convoy on the southern road on Thursday, wounding two drivers, a transport official said.&lt;/p&gt;</content>
  </entry>
</feed>`;
