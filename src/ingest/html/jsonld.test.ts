import { describe, expect, it } from 'vitest';
import {
  imageUrl,
  indexById,
  jsonLdBlocks,
  jsonLdObjects,
  mainArticle,
  namesOf,
  parseJsonLoose,
  str,
} from './jsonld.js';

const html = `<head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebPage","@id":"#page","name":"Page"},
  {"@type":"Person","@id":"#p1","name":"Ines Marlow"},
  {"@type":["NewsArticle"],"headline":"River treaty &#8211; signed","datePublished":"2021-03-09",
   "author":[{"@id":"#p1"},{"@type":"Organization","name":"Ledger Staff"}],"image":[{"@type":"ImageObject","url":"https://x.test/a.jpg"}]}
]}</script>
<script type='application/ld+json'>{"@type":"BreadcrumbList",}</script>
</head>`;

describe('JSON-LD', () => {
  it('finds the blocks and flattens @graph', () => {
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(2);
    const objects = jsonLdObjects(blocks);
    expect(objects.map((o) => o['@type'])).toEqual([
      undefined,
      'WebPage',
      'Person',
      ['NewsArticle'],
      'BreadcrumbList',
    ]);
  });

  it('picks the article and resolves author references by @id', () => {
    const objects = jsonLdObjects(jsonLdBlocks(html));
    const article = mainArticle(objects)!;
    expect(article.headline).toBe('River treaty &#8211; signed');
    expect(namesOf(article.author, indexById(objects))).toEqual({
      people: ['Ines Marlow'],
      organisations: ['Ledger Staff'],
    });
    expect(imageUrl(article.image)).toBe('https://x.test/a.jpg');
  });

  it('parses leniently and decodes entities CMSs leave in strings', () => {
    expect(parseJsonLoose('{"a": "line\nbreak", "b": [1,2,],}')).toEqual({ a: 'line break', b: [1, 2] });
    expect(parseJsonLoose('not json')).toBeUndefined();
    expect(str('Caf&eacute; &amp; bar &#8211; &#x27;x&#x27;')).toBe("Café & bar – 'x'");
  });
});
