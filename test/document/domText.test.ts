import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { domText } from "../../src/document/domText.js";

const body = (html: string) => parseHTML(`<html><head></head><body>${html}</body></html>`).document.body;

test("blocks become paragraphs separated by a blank line, <br> a line break", () => {
  assert.equal(domText(body("<h2>Title</h2><p>One  <b>bold</b>\n word.</p><ul><li>a</li><li>b<br>c</li></ul>")), "Title\n\nOne bold word.\n\na\n\nb\nc");
});

test("scripts, styles and templates are not text", () => {
  assert.equal(domText(body("<p>Kept<script>var x = 1;</script><style>p{}</style></p><template>t</template>")), "Kept");
});

test("preformatted text keeps its spacing", () => {
  assert.equal(domText(body("<pre>a  b\n  c</pre>")), "a  b\n  c");
});

test("table cells are kept apart", () => {
  assert.equal(domText(body("<table><tr><td>Killed</td><td>3</td></tr></table>")), "Killed 3");
});
