// Test helpers for the event coder: a Doc segmented by the real segmenter, with actors placed by hand (so the
// coder's tests do not depend on the actor linker), and the event resources loaded once.

import { Doc, emptyMeta, type Mention } from '../../src/document/index.js';
import { codeEvents, type EventResources, loadEventResources } from '../../src/events/events-stage.js';
import { createSegmenter, type Segmenter, segment } from '../../src/nlp/segment.js';

export interface HandActor {
  id: string;
  code: string;
  /** Exact strings to mark as this actor's mentions (every occurrence, longest first). */
  mentions: string[];
  type?: Mention['type'];
  /** Mentions that carry a code and type of their own ("forces" of Libya → LBYMIL, ROLE), as the actor layer gives. */
  roles?: Record<string, { code: string; type?: Mention['type'] }>;
}

let nlp: Segmenter | null = null;
let resources: EventResources | null = null;

export function eventResourcesForTests(): EventResources {
  resources ??= loadEventResources();
  return resources;
}

/** A segmented Doc with the given actors' mentions; no other layers. */
export function docWithActors(text: string, actors: HandActor[], published = '2020-01-08'): Doc {
  nlp ??= createSegmenter();
  const meta = emptyMeta('test');
  meta.published = published;
  const doc = new Doc(text, meta);
  doc.paragraphs = text.split(/\n+/).reduce<{ start: number; end: number; kind: 'body' }[]>((acc, part) => {
    const start = text.indexOf(part, acc.length ? (acc.at(-1)?.end ?? 0) : 0);
    if (part.trim()) acc.push({ start, end: start + part.length, kind: 'body' });
    return acc;
  }, []);
  const { sentences, tokens } = segment(nlp, text, doc.paragraphs);
  doc.sentences = sentences;
  doc.tokens = tokens;
  const taken: [number, number][] = [];
  const all = actors
    .flatMap((a) => a.mentions.map((m) => ({ a, m })))
    .sort((x, y) => y.m.length - x.m.length);
  for (const { a, m } of all) {
    let from = 0;
    const lowerText = text.toLowerCase();
    const needle = m.toLowerCase();
    for (;;) {
      const at = lowerText.indexOf(needle, from);
      if (at < 0) break;
      from = at + m.length;
      const before = text[at - 1] ?? ' ';
      const after = text[at + m.length] ?? ' ';
      if (/\w/.test(before) || /\w/.test(after)) continue;
      if (taken.some(([s, e]) => at < e && s < at + m.length)) continue;
      taken.push([at, at + m.length]);
      const role = a.roles?.[m];
      doc.mentions.push({
        start: at,
        end: at + m.length,
        text: text.slice(at, at + m.length),
        type: role ? (role.type ?? 'ROLE') : (a.type ?? 'GPE'),
        actorId: a.id,
        via: 'test',
        ...(role ? { code: role.code } : {}),
      });
    }
  }
  doc.mentions.sort((x, y) => x.start - y.start);
  doc.actors = actors.map((a) => ({
    id: a.id,
    name: a.mentions[0] ?? a.id,
    code: a.code,
    type: a.type ?? 'GPE',
    kbId: null,
    mentions: doc.mentions
      .filter((m) => m.actorId === a.id)
      .map(({ start, end, text: t }) => ({ start, end, text: t })),
  }));
  return doc;
}

/** Codes the events of a hand-made document. */
export function codeText(text: string, actors: HandActor[], published?: string): Doc {
  return codeEvents(docWithActors(text, actors, published), eventResourcesForTests());
}

/** Compact "SRC>TGT code" strings of a Doc's events, for assertions. */
export function summary(doc: Doc): string[] {
  return doc.events.map(
    (e) => `${e.source?.code ?? '-'}>${e.target?.code ?? '-'} ${e.code}${e.negated ? ' neg' : ''}`,
  );
}

/** Common actors of the tests. */
export const A = {
  usa: { id: 'usa', code: 'USA', mentions: ['the United States', 'Washington', 'US', 'the US'] },
  irn: { id: 'irn', code: 'IRN', mentions: ['Iran', 'Tehran', 'Iranian'] },
  nato: { id: 'nato', code: 'IGOWSTNAT', mentions: ['NATO', 'the alliance'], type: 'ORG' as const },
  gbr: { id: 'gbr', code: 'GBR', mentions: ['the UK', 'Britain', 'the United Kingdom'] },
  fra: { id: 'fra', code: 'FRA', mentions: ['France'] },
  deu: { id: 'deu', code: 'DEU', mentions: ['Germany'] },
  tur: { id: 'tur', code: 'TUR', mentions: ['Turkey'] },
  irq: { id: 'irq', code: 'IRQ', mentions: ['Iraq', 'Baghdad'] },
  isr: { id: 'isr', code: 'ISR', mentions: ['Israel', 'Israeli'] },
  rus: { id: 'rus', code: 'RUS', mentions: ['Russia', 'Moscow'] },
  chn: { id: 'chn', code: 'CHN', mentions: ['China', 'Beijing'] },
} satisfies Record<string, HandActor>;
