// The text of an HTML subtree as a reader sees it: each block (paragraph, heading, list item) on its
// own, separated by a blank line, <br> as a line break, runs of spaces collapsed. `textContent` would
// glue paragraphs together and lose the breaks that sentence splitting and the boilerplate rules use.

const blocks = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
  "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
]);
const cells = new Set(["td", "th"]);
const skipped = new Set([
  "script", "style", "noscript", "template", "iframe", "svg", "canvas", "head", "title", "select", "button", "object",
]);

function tidy(paragraph: string, pre: boolean): string {
  if (pre) return paragraph.replace(/^\n+|\n+$/g, "");
  return paragraph
    .split("\n")
    .map((line) => line.replace(/^ +| +$/g, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Plain text of `root` with paragraph breaks kept as blank lines. */
export function domText(root: Node): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const endParagraph = (pre: boolean) => {
    const text = tidy(current.join(""), pre);
    if (text.trim() !== "") paragraphs.push(text);
    current = [];
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      current.push(pre ? data : data.replace(/[ \t\n\r\f]+/g, " "));
      return;
    }
    // Elements, documents and fragments have children worth reading; comments and the rest do not.
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = (node as Element).localName?.toLowerCase() ?? "";
    if (skipped.has(name)) return;
    if (name === "br") {
      current.push("\n");
      return;
    }
    const block = blocks.has(name);
    const inPre = pre || name === "pre";
    if (block) endParagraph(pre);
    if (cells.has(name)) current.push(" ");
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inPre);
    if (block) endParagraph(inPre);
  };
  walk(root, false);
  endParagraph(false);
  return paragraphs.join("\n\n");
}
