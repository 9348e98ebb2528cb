/**
 * PRIVACY.md → privacy.html, an extension page the options page links to. The policy is bundled
 * rather than linked on the web because Backstory makes no network requests and the options page
 * must work offline; one source (PRIVACY.md) keeps the store listing, the repository and the
 * extension saying the same thing.
 *
 * Only the Markdown PRIVACY.md uses is understood: # headings, paragraphs, "- " lists, **bold**
 * and `code`. Anything else (a link, an image, raw HTML) fails the build instead of rendering
 * wrongly: every character of the text is escaped.
 */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text, where) {
  if (/\[[^\]]*\]\(|<[a-z/!]|!\[/i.test(text)) throw new Error(`PRIVACY.md, ${where}: links, images and HTML are not supported in the bundled policy`);
  return escape(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function privacyPage(markdown) {
  const blocks = markdown.replace(/\r\n/g, '\n').trim().split(/\n{2,}/);
  const html = [];
  let title = 'Privacy';
  blocks.forEach((block, i) => {
    const where = `block ${i + 1}`;
    const heading = block.match(/^(#{1,3}) (.+)$/);
    if (heading) {
      const level = heading[1].length;
      if (level === 1) title = heading[2];
      html.push(`<h${level}>${inline(heading[2], where)}</h${level}>`);
    } else if (block.startsWith('- ')) {
      // A list item may wrap onto indented lines.
      const items = block.split(/\n(?=- )/).map((item) => item.slice(2).replace(/\n\s+/g, ' '));
      html.push(`<ul>${items.map((item) => `<li>${inline(item, where)}</li>`).join('')}</ul>`);
    } else {
      html.push(`<p>${inline(block.replace(/\n/g, ' '), where)}</p>`);
    }
  });
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(title)}</title>
<style>
body { font: 16px/1.55 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
code { font-size: 0.9em; }
</style>
</head>
<body>
${html.join('\n')}
</body>
</html>
`;
}
