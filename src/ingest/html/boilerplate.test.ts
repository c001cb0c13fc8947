import { describe, expect, it } from 'vitest';
import { furnitureParagraph, removeBoilerplate, stripInert } from './boilerplate.js';
import { parseDocument, textOf } from './dom.js';

describe('stripInert', () => {
  it('removes scripts, styles, comments and templates, even with a sloppy closing tag', () => {
    const out = stripInert(
      '<p>a</p><script>var x = "<p>no</p>";</script\n><style>p{}</style><!-- c --><p>b</p>',
    );
    expect(out).not.toMatch(/script|style|var x|<!--/);
    expect(out).toContain('<p>a</p>');
    expect(out).toContain('<p>b</p>');
  });

  it('keeps an article shipped as an HTML template script', () => {
    const out = stripInert('<div><script type="text/template"><p>The article.</p></script></div>');
    expect(out).toContain('<div><p>The article.</p></div>');
  });

  it('drops attributes nothing reads, never words of the text', () => {
    const out = stripInert(
      '<img src="a.jpg" width="10" data-x="1"><p style="color:red" class="k">size width color</p>',
    );
    expect(out).toBe('<img><p class="k">size width color</p>');
    expect(stripInert('<div style="display:none">x</div>')).toContain('display:none');
  });
});

describe('removeBoilerplate', () => {
  const page = `<body>
    <div class="cookie-notice">We use cookies. Accept?</div>
    <nav><a href="/">Home</a></nav>
    <div class="article-body">
      <p>First paragraph of the story.</p>
      <div class="share-buttons"><a>Share</a></div>
      <figure><img><figcaption>A caption. Photo: someone</figcaption></figure>
      <div class="related-posts"><a href="/x">Another story</a></div>
      <p>Second paragraph of the story.</p>
    </div>
    <div id="BorlabsCookieBox" role="dialog">${'<p>Cookie purpose and provider details.</p>'.repeat(60)}</div>
    <aside class="widget"><p>Sidebar</p></aside>
    <footer>Imprint</footer>
  </body>`;

  it('removes banners, navigation, share bars, captions and related lists but keeps the article', () => {
    const doc = parseDocument(page);
    removeBoilerplate(doc.body!);
    const text = textOf(doc.body!);
    expect(text).toBe('First paragraph of the story. Second paragraph of the story.');
  });

  it('keeps a block named like furniture when it holds the article', () => {
    const doc = parseDocument(
      `<body><div class="widget Blog"><h1>Title</h1><p>The post itself.</p></div></body>`,
    );
    removeBoilerplate(doc.body!);
    expect(textOf(doc.body!)).toContain('The post itself.');
  });
});

describe('furnitureParagraph', () => {
  it.each([
    'Read more: Dam dispute deepens',
    'Lesen Sie auch: Hochwasser im Frühjahr',
    'Lea también: El puerto reabre',
    'Sign up for our newsletter',
    'Photo: Harbour Ledger archive',
    '© 2021 The Harbour Ledger',
    'Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie zu.',
    'Kommentare schreiben',
    'Advertisement',
  ])('"%s" is furniture', (text) => {
    expect(furnitureParagraph(text)).toBe(true);
  });

  it.each([
    'The minister said she would read more reports before deciding.',
    'Farmers welcomed the deal but said they would judge it by the first dry summer.',
  ])('"%s" is article text', (text) => {
    expect(furnitureParagraph(text)).toBe(false);
  });
});
