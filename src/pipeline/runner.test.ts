import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from '../document/index.js';
import { Context } from './context.js';
import { checkOrder, Pipeline } from './runner.js';
import type { Stage } from './stage.js';

const stage = (
  name: string,
  requires: Stage['requires'],
  adds: Stage['adds'],
  run: Stage['run'] = () => {},
) => ({ name, requires, adds, run }) satisfies Stage;

describe('pipeline', () => {
  it('checks the order once, when built', () => {
    const a = stage('a', ['text'], ['sentences', 'tokens']);
    const b = stage('b', ['tokens'], ['actors']);
    expect(() => checkOrder([a, b])).not.toThrow();
    expect(() => checkOrder([b, a])).toThrowError(expect.objectContaining({ code: 'DYAD_E_PIPELINE' }));
    expect(() => checkOrder([b, a])).toThrow(/stage "b" requires tokens/);
  });

  it('loads resources once and shares them between documents', async () => {
    let loads = 0;
    const s: Stage = {
      ...stage('count', ['text'], ['tone']),
      load: (ctx) => {
        ctx.resource('big', () => ++loads);
      },
      run: (doc, ctx) => {
        doc.tone = ctx.resource('big', () => ++loads);
      },
    };
    const p = await new Pipeline([s], new Context()).load();
    await p.load();
    const docs = [new Doc('a', emptyMeta()), new Doc('b', emptyMeta())].map((d) => p.run(d));
    expect(loads).toBe(1);
    expect(docs.map((d) => d.tone)).toEqual([1, 1]);
  });

  it('records a failing stage as a coded message instead of losing the document', async () => {
    const boom = stage('boom', ['text'], ['events'], () => {
      throw new Error('lexicon missing');
    });
    const doc = (await new Pipeline([boom], new Context()).load()).run(new Doc('x', emptyMeta()));
    expect(doc.messages).toEqual([
      {
        level: 'error',
        code: 'DYAD_E_STAGE_FAILED',
        message: 'stage boom failed: lexicon missing',
        stage: 'boom',
      },
    ]);
  });
});

describe('Doc JSON', () => {
  it('round-trips every layer, tokens included', () => {
    const doc = new Doc('NATO met.', emptyMeta('h'));
    doc.paragraphs = [{ start: 0, end: 9, kind: 'body' }];
    doc.sentences = [{ start: 0, end: 9 }];
    doc.tokens.push(0, 4, 12);
    doc.tokens.push(5, 8, 16);
    doc.tone = -2.5;
    doc.message('warning', 'DYAD_W_X', 'note', 'test', { start: 0, end: 4 });
    const json = doc.toJSON({ tokens: true });
    const back = Doc.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.toJSON({ tokens: true })).toEqual(json);
    expect(json.tokens).toEqual([
      { start: 0, end: 4, pos: 'PROPN' },
      { start: 5, end: 8, pos: 'VERB' },
    ]);
    expect(back.spanText({ start: 0, end: 4 })).toBe('NATO');
    expect(back.sentenceOf(6)).toEqual({ start: 0, end: 9 });
    expect(back.sentenceOf(20)).toBeNull();
  });
});
