import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from './marks.js';

/** Paragraphs as blank-line blocks, the way ingest lays them out. */
function blocks(text: string) {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function quoted(text: string): string[] {
  return findQuotedSpans(text, blocks(text)).map((s) => text.slice(s.start, s.end));
}

describe('findQuotedSpans', () => {
  it('finds curly and straight double quotes', () => {
    expect(quoted('“We are ready,” she said. He replied: "Not yet."')).toEqual(['We are ready,', 'Not yet.']);
  });

  it('finds British single quotes and leaves apostrophes alone', () => {
    const text = '‘The ministry’s plan won’t work,’ the farmers’ union said of Lisbon’s ’90s reforms.';
    expect(quoted(text)).toEqual(['The ministry’s plan won’t work,']);
    expect(quoted('The farmers’ union rejected the ministry’s plan and the ’90s rules.')).toEqual([]);
  });

  it('does not close a single quote at a plural possessive when a better close follows', () => {
    expect(quoted('‘The growers’ anger is real,’ he said.')).toEqual(['The growers’ anger is real,']);
  });

  it('finds straight single quotes used as quotation marks', () => {
    expect(quoted("'We won't move,' said the tenants' spokesman.")).toEqual(["We won't move,"]);
  });

  it('finds guillemets in both directions', () => {
    expect(quoted('«We will stay,» the minister said. »Never again«, he added.')).toEqual([
      'We will stay,',
      'Never again',
    ]);
  });

  it('keeps a quote nested in another inside the outer one', () => {
    const text = '“My father told me ‘never give up’, and I never have,” the coach said.';
    const spans = findQuotedSpans(text, blocks(text));
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]?.start, spans[0]?.end)).toBe(
      'My father told me ‘never give up’, and I never have,',
    );
  });

  it('runs a quote over paragraphs re-opened without being closed', () => {
    const text =
      'Ortiz said: “The first phase is finished.\n\n“The second phase starts in May.”\n\nThe council agreed.';
    const spans = findQuotedSpans(text, blocks(text));
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span?.firstParagraph).toBe(0);
    expect(span?.lastParagraph).toBe(1);
    expect(span?.closed).toBe(true);
    expect(text.slice(span?.start, span?.end)).toBe(
      'The first phase is finished.\n\n“The second phase starts in May.',
    );
  });

  it('stops an unclosed quote at the end of its paragraph when the next one does not re-open it', () => {
    const text = '“The first phase is finished, she said.\n\nThe council agreed.';
    const [span] = findQuotedSpans(text, blocks(text));
    expect(span?.closed).toBe(false);
    expect(text.slice(span?.start, span?.end)).toBe('The first phase is finished, she said.');
  });

  it('reads a mark turned the wrong way by its context', () => {
    expect(quoted('“Enough,“ he said.')).toEqual(['Enough,']);
  });
});
