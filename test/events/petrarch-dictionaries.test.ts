// The coder run with a PETRARCH verb dictionary: its `[a:b]` codes (what the target does in turn) and its
// convention that a compound source with no target acts on each other. The dictionary and sentences are written
// for this test.

import { describe, expect, it } from 'vitest';
import { petrarchEvents } from '../../src/eval/events.js';
import { EventCoder } from '../../src/events/coder.js';
import { codeEvents, type EventResources } from '../../src/events/events-stage.js';
import { compileLexicon } from '../../src/events/lexicon.js';
import { parsePetrarchVerbs } from '../../src/events/petrarch-verbs.js';
import { A, docWithActors, eventResourcesForTests, type HandActor, summary } from './helpers.js';

const VERBS = `
&VENUE_
+NEAR
+AT
--- TOUR  [042:043]  ---
TOUR
--- MEND  [064]  ---
MEND
- * TIES [064]
--- SCOLD  [111]  ---
SCOLD
- HINTED WOULD * [1011]
--- BACK UP  [051] ---
BACK UP
--- LEND  [061]  ---
LEND
--- LENT  [070]  ---
LENT
--- CONCEDE  [080]  ---
CONCEDE
- * A_POINT [013]
--- DINE  [040]  ---
DINE
- * IN ^ WITH + [043]
--- LAUD  [051]  ---
LAUD
HAIL [057]
- * &VENUE SUMMIT [052]
- * SPEECH [018]
`;

function resources(compoundsActOnEachOther: boolean, verbs = VERBS): EventResources {
  const base = eventResourcesForTests();
  const { entries } = parsePetrarchVerbs(verbs);
  const lexicon = compileLexicon(entries, {
    families: base.lexicon.families,
    topics: base.lexicon.topics,
    operators: base.lexicon.operators,
  });
  const coder = new EventCoder({ lexicon, cameo: base.cameo, literalCodes: true, compoundsActOnEachOther });
  return { lexicon, cameo: base.cameo, coder };
}

const code = (text: string, mutual = true) =>
  summary(codeEvents(docWithActors(text, [A.fra, A.deu, A.tur, A.rus]), resources(mutual))).sort();

describe('PETRARCH verb dictionaries', () => {
  it('reads [a:b] as an event and the one the target makes in turn', () => {
    expect(parsePetrarchVerbs(VERBS).entries.find((e) => e.verb === 'tour')).toMatchObject({
      code: '042',
      reverse: '043',
    });
    expect(code('France toured Germany on Monday.')).toEqual(['DEU>FRA 043', 'FRA>DEU 042']);
  });

  it('codes no turn for an event that did not happen', () => {
    expect(code('France did not tour Germany.')).not.toContain('DEU>FRA 043');
  });

  it('lets a compound source with no target act on each other, as PETRARCH does', () => {
    expect(code('France and Germany mended ties.')).toEqual(['DEU>FRA 064', 'FRA>DEU 064']);
    expect(code('France and Germany mended ties.', false)).toEqual(['DEU>- 064', 'FRA>- 064']);
    // With a target, each member acts on it.
    expect(code('France and Germany scolded Turkey.')).toEqual(['DEU>TUR 111', 'FRA>TUR 111']);
  });

  it('keeps adjectives before a list member inside the list', () => {
    expect(code('France and the ever cautious Germany scolded Turkey.')).toEqual([
      'DEU>TUR 111',
      'FRA>TUR 111',
    ]);
  });

  it('reads sets named with a trailing underscore, phrasal verbs and synonyms with codes of their own', () => {
    const { entries, warnings } = parsePetrarchVerbs(VERBS);
    expect(warnings).toEqual([]);
    expect(entries.find((e) => e.code === '052')?.patterns).toEqual(['* near|at summit']);
    expect(entries.find((e) => e.verb === 'back_up')).toBeDefined();
    expect(entries.find((e) => e.verb === 'laud|hail' && e.code === '051')).toBeDefined();
    expect(code('France backed up Germany.')).toEqual(['FRA>DEU 051']);
    expect(code('Turkey hailed France at the summit.')).toEqual(['TUR>FRA 052']);
  });

  it('lets other words stand between the words of a pattern before the verb, as TABARI did', () => {
    expect(code('France hinted it would scold Germany.')).toEqual(['FRA>DEU 1011']);
    expect(code('France would scold Germany.')).toEqual(['FRA>DEU 111']);
  });

  it('gives an irregular past its own block when the dictionary has one, as PETRARCH does', () => {
    expect(code('France lent Germany its support.')).toEqual(['FRA>DEU 070']);
    expect(code('France lends Germany its support.')).toEqual(['FRA>DEU 061']);
  });

  it('matches pattern words as written, as TABARI did', () => {
    expect(code('Turkey lauded the speech by France.')).toEqual(['TUR>FRA 018']);
    expect(code('Turkey lauded the speeches by France.')).toEqual(['TUR>FRA 051']);
  });

  it('takes the first actor after the verb as the target, before the pattern words and past "that"', () => {
    expect(code('Turkey conceded that France was right.')).toEqual(['TUR>FRA 080']);
    expect(code('Turkey conceded France a point.')).toEqual(['TUR>FRA 013']);
    // An actor after "by" too: TABARI knew no agents outside the passive.
    expect(code('France mended ties after a push by Germany.')).toEqual(['FRA>DEU 064']);
  });

  it('passes over the actor a pattern marks with ^', () => {
    expect(code('France dined in Germany with Turkey.')).toEqual(['FRA>TUR 043']);
    expect(code('France dined in Germany with friends.')).toEqual(['FRA>- 043']);
  });
});

// A second dictionary for how TABARI and PETRARCH match: codes with a meaning of their own, words joined to the verb,
// the verb phrase as the place where patterns, targets and nested verbs are looked for.
const MORE_VERBS = `
&KIND
+TRADE
+CULTURAL
--- PRAISE  [051]  ---
PRAISE
- * FULL_MARKS  [+++]
- * FULL  [052]
- * HOLLOW_WORDS  [###]  # nothing to code
- QUITE_CERTAINLY_WOULD_NEVER *  [053]
- WOULD NEVER *  [054]
- LOUDLY_*  [055]
- * &KIND_MEMOS  [056]
--- CHEER  [+++]  ---
CHEER
- * LOUDLY  [058]
--- CONCEDE  [080]  ---
CONCEDE
- * TRULY_GREAT  [057]
--- MEND  [064]  ---
MEND
- * TIES  [064]
--- SCOLD  [111]  ---
SCOLD
--- SAY  [010]  ---
SAY
--- RELEASE  [070]  ---
RELEASE
- + * FROM $  [066]
--- MARK  [040]  ---
MARK
- + HONOURING * ANNIVERSARY ^ $  [043]
--- SHELVE  [120]  ---
SHELVE
- % BOTH *  [192]
--- WELCOME  [041]  ---
WELCOME
--- DEPLORE  [111]  ---
DEPLORE
- REMARKED + *  [112]
--- SPEED  [061]  ---
SPEED
FAST_+TRACK {FAST_+TRACKED}
- WILL NOT *  [082]
`;

const ZORBLAX: HandActor = { id: 'zorblax', code: '', mentions: ['Zorblax'] };
const more = (text: string, actors: HandActor[] = []) =>
  summary(
    codeEvents(docWithActors(text, [A.fra, A.deu, A.tur, A.rus, ...actors]), resources(true, MORE_VERBS)),
  ).sort();

describe('PETRARCH verb dictionaries: matching as TABARI did', () => {
  it('codes a complex pattern [+++] as its verb does, and a discard [###] as nothing', () => {
    const { entries, warnings } = parsePetrarchVerbs(MORE_VERBS);
    expect(warnings).toEqual([]);
    expect(entries.find((e) => e.patterns?.includes('* full_marks'))?.code).toBe('051');
    expect(more('France praised Germany with full marks.')).toEqual(['FRA>DEU 051']);
    expect(more('France praised Germany in full.')).toEqual(['FRA>DEU 052']);
    expect(more('France praised the hollow words of Germany.')).toEqual([]);
    // A complex verb codes only through its patterns.
    expect(more('France cheered Germany.')).toEqual([]);
    expect(more('France cheered Germany loudly.')).toEqual(['FRA>DEU 058']);
  });

  it('wants a word joined to the verb by "_" right before it', () => {
    expect(more('France loudly praised Germany.')).toEqual(['FRA>DEU 055']);
    expect(more('France loudly did praise Germany.')).toEqual(['FRA>DEU 051']);
  });

  it('prefers the pattern that matches the most words', () => {
    expect(more('France quite certainly would never praise Germany.')).toEqual(['FRA>DEU 053 neg']);
    expect(more('France would never praise Germany.')).toEqual(['FRA>DEU 054 neg']);
  });

  it('takes an actor the dictionaries code as the target before one they do not', () => {
    expect(more('France mended full Zorblax ties with Germany.', [ZORBLAX])).toEqual(['FRA>DEU 064']);
  });

  it('finds pattern words and the target anywhere in the verb phrase, a clause inside it too', () => {
    expect(more('Turkey conceded that France is not a truly great ally.')).toEqual(['TUR>FRA 057']);
    expect(more('France praised cultural memos sent by Germany.')).toEqual(['FRA>DEU 056']);
    expect(more('France shelved the meeting after a raid was reported near Turkey.')).toEqual([
      'FRA>TUR 120',
    ]);
  });

  it('codes no verb inside the verb phrase of a coded one, up to a new clause', () => {
    expect(more('France mended ties after Turkey scolded Germany.')).toEqual(['FRA>TUR 064']);
    expect(more('France mended ties with Germany, Russia said.')).toEqual(['FRA>DEU 064', 'RUS>- 010']);
    expect(more('France scolded Germany and mended ties with Turkey.')).toEqual([
      'FRA>DEU 111',
      'FRA>TUR 064',
    ]);
  });

  it('takes the actor before the verb as the source when no subject is found, one with a code first', () => {
    expect(more('France is edging nearer to mend ties with Germany.')).toEqual(['FRA>DEU 064']);
    const agency: HandActor = { id: 'agency', code: 'MED', mentions: ['the news agency'] };
    expect(more('France mended ties with Germany, the news agency Zorblax said.', [ZORBLAX, agency])).toEqual(
      ['FRA>DEU 064', 'MED>- 010'],
    );
  });

  it('reads a compound verb whose head word is marked by "+"', () => {
    expect(parsePetrarchVerbs(MORE_VERBS).entries.find((e) => e.code === '061')?.verb).toBe(
      'speed|fast_+track',
    );
    expect(more('France fast tracked the trade talks of Germany.')).toEqual(['FRA>DEU 061']);
    expect(more('France will not fast track the trade talks of Germany.')).toEqual(['FRA>DEU 082 neg']);
    expect(more('France tracked the trade talks of Germany.')).toEqual([]);
  });

  it('reads a verb between its subject and a determiner as a verb', () => {
    expect(more('France and Germany welcome a resumption of ties with Turkey.')).toEqual([
      'DEU>TUR 041',
      'FRA>TUR 041',
    ]);
  });

  it('reads a passive as one only with "by", as PETRARCH does', () => {
    expect(more('Turkey was scolded over its dispute with Germany.')).toEqual(['TUR>DEU 111']);
    expect(more('Turkey was scolded by Germany.')).toEqual(['DEU>TUR 111']);
  });

  it('fills "+" and "$" before the verb with the actors there', () => {
    expect(more('Turkey was released from Germany.')).toEqual(['DEU>TUR 066']);
    // The source is then found before the pattern's words.
    expect(more('France remarked that Germany deplored the refusal of Turkey.')).toEqual(['FRA>DEU 112']);
    expect(
      more('France will be honouring Turkey to mark the anniversary with Germany next week in Russia.'),
    ).toEqual(['RUS>FRA 043']);
  });

  it('lets a compound marked "%" act on itself', () => {
    expect(more('France and Germany both shelved their meeting after a raid near Turkey.')).toEqual([
      'DEU>FRA 192',
      'FRA>DEU 192',
    ]);
    expect(more('France has shelved its meeting with Turkey.')).toEqual(['FRA>TUR 120']);
  });

  it('writes an actor with no code as "---" and drops it when a dyad is required', () => {
    const doc = codeEvents(
      docWithActors('France mended ties with Zorblax. Germany scolded Turkey.', [
        A.fra,
        A.deu,
        A.tur,
        ZORBLAX,
      ]),
      resources(true, MORE_VERBS),
    );
    expect(petrarchEvents(doc.events, false)).toEqual(['DEU|TUR|111', 'FRA|---|064']);
    expect(petrarchEvents(doc.events, true)).toEqual(['DEU|TUR|111']);
  });
});
