import { describe, expect, it } from 'vitest';
import { containerParagraphs, densityParagraphs } from './density.js';
import { parseDocument } from './dom.js';

const sentence = (n: number) =>
  `Sentence ${n} tells the reader what happened at the meeting and why the decision matters to the town.`;

describe('densityParagraphs', () => {
  it('keeps long prose blocks and short ones between them, not link lists around them', () => {
    const body = parseDocument(`<body>
      <ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul>
      <p>${sentence(1)}</p><h2>Reactions</h2><p>${sentence(2)}</p>
      <p><a href="/c">${sentence(3)}</a></p>
      <div><a href="/d">Imprint</a></div></body>`).body!;
    expect(densityParagraphs(body).map((b) => b.text)).toEqual([sentence(1), 'Reactions', sentence(2)]);
  });

  it('finds nothing in a page without prose', () => {
    expect(densityParagraphs(parseDocument('<body><a href="/">Home</a></body>').body!)).toEqual([]);
  });
});

describe('containerParagraphs', () => {
  it('reads the CMS body container when it holds prose', () => {
    const body = parseDocument(`<body><div class="ticker"><a href="/x">Other story</a></div>
      <div class="entry-content"><p>${sentence(1)}</p><p>${sentence(2)}</p><p>${sentence(3)}</p></div></body>`)
      .body!;
    expect(containerParagraphs(body).map((b) => b.text)).toEqual([sentence(1), sentence(2), sentence(3)]);
  });

  it('skips a container with too little prose', () => {
    const body = parseDocument('<body><article><p>Short.</p></article></body>').body!;
    expect(containerParagraphs(body)).toEqual([]);
  });
});
