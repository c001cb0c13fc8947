import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.js';
import { normalizeDate, parseDateOption, resolvePublished } from './published.js';

function draft(text: string, published: string | null = null) {
  const d = emptyDraft('plain-text', null);
  d.paragraphs = [{ text, kind: 'body' }];
  d.published = published;
  return d;
}

describe('publication date', () => {
  it('takes the metadata first', () => {
    const d = draft('Talks resumed on 3 March 2023.', '2023-03-04T10:00:00Z');
    resolvePublished(d, { option: '2020-01-01' });
    expect(d).toMatchObject({ published: '2023-03-04T10:00:00.000Z', dateSource: 'metadata' });
  });

  it('then the --date option', () => {
    const d = draft('Talks resumed on 3 March 2023.');
    resolvePublished(d, { option: '2023-03-05' });
    expect(d).toMatchObject({ published: '2023-03-05', dateSource: 'option' });
  });

  it('then a full date the article states as its own, never an event date or a partial one', () => {
    const d = draft('Published 3 March 2023');
    d.paragraphs.push({
      text: 'Talks resumed in Geneva after the 11 September 2001 attacks were recalled.',
      kind: 'body',
    });
    resolvePublished(d, {});
    expect(d).toMatchObject({ published: '2023-03-03', dateSource: 'text' });
    const dateline = draft('Talks resumed.');
    dateline.dateHints = ['GENEVA, March 3, 2023 (AP) — '];
    resolvePublished(dateline, {});
    expect(dateline).toMatchObject({ published: '2023-03-03', dateSource: 'text' });
    const event = draft('The treaty was signed on 3 March 2023 in Geneva.');
    resolvePublished(event, {});
    expect(event.dateSource).toBe('unknown');
    const partial = draft('Talks resumed on Wednesday, March 3.');
    resolvePublished(partial, {});
    expect(partial).toMatchObject({ published: null, dateSource: 'unknown' });
    expect(partial.messages.map((m) => m.code)).toContain('DYAD_W_NO_DATE');
  });

  it('then a date the file’s name starts with, before the file time', () => {
    const d = draft('Talks resumed in Geneva.');
    resolvePublished(d, {
      file: 'news/2022-02-24-talks.txt',
      option: 'mtime',
      mtime: new Date('2024-01-01'),
    });
    expect(d).toMatchObject({ published: '2022-02-24', dateSource: 'file-name' });
    for (const file of ['x-2022-02-24.txt', '2022-02-30-a.txt', '20220224.txt', '-']) {
      const e = draft('Talks resumed in Geneva.');
      resolvePublished(e, { file });
      expect(e.dateSource).toBe('unknown');
    }
  });

  it('uses the file time only when asked', () => {
    const d = draft('No date here.');
    resolvePublished(d, { option: 'mtime', mtime: new Date('2024-02-02T12:00:00Z') });
    expect(d).toMatchObject({ published: '2024-02-02', dateSource: 'file-mtime' });
  });

  it('ignores metadata dates that do not parse, with a warning', () => {
    const d = draft('Nothing.', 'yesterday-ish');
    resolvePublished(d, {});
    expect(d.published).toBeNull();
    expect(d.messages.map((m) => m.code)).toContain('DYAD_W_BAD_DATE');
  });

  it('normalises common date forms and refuses bad options', () => {
    expect(normalizeDate('2020-01-08')).toBe('2020-01-08');
    expect(normalizeDate('January 8, 2020')).toBe('2020-01-08');
    expect(normalizeDate('2020-02-30')).toBeNull();
    expect(() => parseDateOption('next week')).toThrowError(expect.objectContaining({ code: 'DYAD_E_DATE' }));
    expect(parseDateOption('mtime')).toBe('mtime');
  });
});
