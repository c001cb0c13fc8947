import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseByline, parseLayout } from './layout.js';

const seedPath = new URL('../../../../shared/seed/nato-middle-east.txt', import.meta.url);

describe('parseLayout on the scraped form', () => {
  const draft = parseLayout(readFileSync(seedPath, 'utf8'), { origin: 'seed', header: true });

  it('reads the header: title, byline, standfirst', () => {
    expect(draft.format).toBe('scraped-text');
    expect(draft.title).toBe('Is NATO About to Become ‘More Involved’ in the Middle East?');
    expect(draft.authors).toEqual(['Samuel Stolton']);
    expect(draft.url).toBe('https://www.aljazeera.com/');
    expect(draft.site).toBe('aljazeera.com');
    expect(draft.standfirst).toMatch(/^As tensions with Iran soar/);
  });

  it('moves the dateline out of the first paragraph', () => {
    expect(draft.dateline).toBe('Brussels, Belgium');
    expect(draft.paragraphs[0]?.text).toMatch(/^Five days after the United States/);
  });

  it('keeps the subheading as a heading and drops the trailer', () => {
    expect(draft.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      '‘Unpredictable’',
    ]);
    expect(draft.truncated).toBe(true);
    expect(draft.paragraphs.at(-1)?.text).toMatch(/sectarian conflicts in the region”\.$/);
    expect(draft.paragraphs.some((p) => /^(read more\.|end|–)$/.test(p.text))).toBe(false);
  });
});

describe('parseLayout on other shapes', () => {
  it('reads plain prose with no metadata, joining hard-wrapped lines', () => {
    const d = parseLayout('The council met on Monday and\nagreed a statement.\n\nIt will meet again.', {
      origin: null,
      header: true,
    });
    expect(d.title).toBeNull();
    expect(d.authors).toEqual([]);
    expect(d.paragraphs.map((p) => p.text)).toEqual([
      'The council met on Monday and agreed a statement.',
      'It will meet again.',
    ]);
    expect(d.truncated).toBe(false);
  });

  it('recognises wire datelines and excerpt trailers', () => {
    const d = parseLayout(
      'GENEVA, March 3 (AP) — Delegates from both sides arrived for talks on Tuesday morning.\n\nMore talks are due […]',
      { origin: null, header: false },
    );
    expect(d.dateline).toBe('Geneva');
    expect(d.paragraphs[0]?.text).toBe('Delegates from both sides arrived for talks on Tuesday morning.');
    expect(d.paragraphs[1]?.text).toBe('More talks are due');
    expect(d.truncated).toBe(true);
  });

  it('does not take an ordinary first sentence for a dateline', () => {
    const d = parseLayout(
      'The United States – a close ally – said on Friday it would send aid to the region.',
      {
        origin: null,
        header: false,
      },
    );
    expect(d.dateline).toBeNull();
  });

  it('parses bylines with several authors and a site', () => {
    expect(parseByline('By Jane Roe and Ali Khan — Reuters, 12 May 2018')).toEqual({
      authors: ['Jane Roe', 'Ali Khan'],
      url: null,
      site: 'Reuters',
      rest: 'Reuters, 12 May 2018',
    });
    expect(parseByline('Byzantine politics returned')).toBeNull();
  });
});
