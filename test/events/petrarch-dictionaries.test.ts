// The coder run with a PETRARCH verb dictionary: its `[a:b]` codes (what the target does in turn) and its
// convention that a compound source with no target acts on each other. The dictionary and sentences are written
// for this test.

import { describe, expect, it } from 'vitest';
import { EventCoder } from '../../src/events/coder.js';
import { codeEvents, type EventResources } from '../../src/events/events-stage.js';
import { compileLexicon } from '../../src/events/lexicon.js';
import { parsePetrarchVerbs } from '../../src/events/petrarch-verbs.js';
import { A, docWithActors, eventResourcesForTests, summary } from './helpers.js';

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

function resources(compoundsActOnEachOther: boolean): EventResources {
  const base = eventResourcesForTests();
  const { entries } = parsePetrarchVerbs(VERBS);
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
