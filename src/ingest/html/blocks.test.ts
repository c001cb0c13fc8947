import { describe, expect, it } from 'vitest';
import { blocksOf } from './blocks.js';
import { parseDocument } from './dom.js';

const blocks = (html: string) => blocksOf(parseDocument(`<body>${html}</body>`).body!);

describe('blocksOf', () => {
  it('ends paragraphs at block elements and keeps inline text together', () => {
    const out = blocks('<div>One <b>bold</b>\n  word.<p>Two.</p>Three</div>');
    expect(out.map((b) => b.text)).toEqual(['One bold word.', 'Two.', 'Three']);
  });

  it('marks headings and splits list items and table rows', () => {
    const out = blocks(
      '<h2>Sub</h2><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>',
    );
    expect(out).toMatchObject([
      { text: 'Sub', kind: 'heading' },
      { text: 'a', kind: 'body' },
      { text: 'b', kind: 'body' },
      { text: 'x y', kind: 'body' },
    ]);
  });

  it('keeps a single <br> as a line break and splits on two', () => {
    expect(blocks('<p>line one<br>line two<br><br>next</p>').map((b) => b.text)).toEqual([
      'line one\nline two',
      'next',
    ]);
  });

  it('keeps <pre> spacing and measures link density', () => {
    const out = blocks('<pre>a  b\n\n  c</pre><p><a href="#">all link</a></p><p>no <a>li</a>nk</p>');
    expect(out[0]?.text).toBe('a  b\n  c');
    expect(out[1]?.linked).toBe(1);
    expect(out[2]?.linked).toBeCloseTo(2 / 7);
  });
});
