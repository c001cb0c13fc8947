import { describe, expect, it } from 'vitest';
import { extractArticle, extractPage } from './extract.js';

const para = (n: number) =>
  `<p>Paragraph ${n} of the report describes what the delegates agreed and what remains open for the next round of talks.</p>`;

describe('extractArticle', () => {
  it('takes metadata in order of trust: JSON-LD, then OpenGraph and <meta>, then the page', () => {
    const draft = extractArticle(
      `<html lang="es"><head><title>Portada | Diario</title>
       <meta property="og:title" content="Titular de OpenGraph">
       <meta name="author" content="Luis Prado">
       <meta name="date" content="2019-05-04">
       </head><body><h1>Titular de OpenGraph</h1>${para(1)}${para(2)}${para(3)}</body></html>`,
      { url: 'https://diario.example/politica/nota' },
    );
    expect(draft.title).toBe('Titular de OpenGraph');
    expect(draft.authors).toEqual(['Luis Prado']);
    expect(draft.published).toBe('2019-05-04');
    expect(draft.language).toBe('es');
    expect(draft.url).toBe('https://diario.example/politica/nota');
    expect(draft.format).toBe('html');
  });

  it('takes the date from the URL path first, as htmldate does', () => {
    const draft = extractArticle(
      `<html><head><meta name="date" content="2019-05-04"></head><body>${para(1)}</body></html>`,
      {
        url: 'https://example.com/2020/01/08/story',
      },
    );
    expect(draft.published).toBe('2020-01-08');
  });

  it('finds a "By" line in the body, uses it as the author and drops it from the text', () => {
    const draft = extractArticle(
      `<html><body><article><p>By Ana Lima</p>${para(1)}${para(2)}</article></body></html>`,
    );
    expect(draft.authors).toEqual(['Ana Lima']);
    expect(draft.paragraphs.map((p) => p.text).join(' ')).not.toContain('Ana Lima');
  });

  it('keeps a shown lead as the standfirst, outside the body', () => {
    const page = extractPage(
      `<html><head><meta name="description" content="Delegates agreed on a framework after fourteen hours of talks in the lakeside town."></head>
       <body><header><h1>Deal</h1><p class="lead">Delegates agreed on a framework after fourteen hours of talks in the lakeside town.</p></header>
       <div class="content">${para(1)}${para(2)}${para(3)}</div></body></html>`,
    );
    expect(page.shownLead).toMatch(/^Delegates agreed/);
    expect(page.draft.standfirst).toBe(page.shownLead);
    expect(page.draft.paragraphs[0]?.text).toMatch(/^Paragraph 1/);
  });

  it('falls back to its own text-density extraction when Readability finds too little', () => {
    // Text in a table layout, split into short cells, between link lists: Readability's candidates are weak here.
    const cell = (n: number) =>
      `<tr><td><font>Notice ${n}: the harbour office reports that the northern quay reopens to cargo ships after repairs to the crane rails.</font></td></tr>`;
    const page = extractPage(
      `<html><body><table>${Array.from({ length: 6 }, (_, i) => `<tr><td><a href="/${i}">Link ${i}</a></td></tr>`).join('')}${cell(1)}${cell(2)}</table></body></html>`,
    );
    expect(page.method).toBe('density');
    expect(page.draft.paragraphs.map((p) => p.text).join('\n')).toContain('Notice 2: the harbour office');
    expect(page.draft.paragraphs.map((p) => p.text).join('\n')).not.toContain('Link 3');
  });

  it('returns an empty body, not an error, for a page without text', () => {
    const draft = extractArticle(
      '<html><head><title>Empty</title></head><body><nav><a href="/">Home</a></nav></body></html>',
    );
    expect(draft.paragraphs).toEqual([]);
    expect(draft.title).toBe('Empty');
  });

  it('repairs markup linkedom would misread: text before <html>, no <body>, a bare fragment', () => {
    expect(
      extractArticle(`Warning: something<br><!DOCTYPE html><html><body>${para(1)}</body></html>`).paragraphs,
    ).toHaveLength(1);
    expect(
      extractArticle(`<html><head><title>T</title>${para(1)}${para(2)}</html>`).paragraphs.length,
    ).toBeGreaterThan(0);
    expect(extractArticle(`${para(1)}${para(2)}`).paragraphs).toHaveLength(2);
  });
});
