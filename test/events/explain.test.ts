// Explanations of coded events: the evidence marked in the sentence and the rule split into its parts.

import { describe, expect, it } from 'vitest';
import { explainEvent, findEvent, markEvidence, parseEventRef, splitRule } from '../../src/events/explain.js';
import { A, codeText, eventResourcesForTests } from './helpers.js';

describe('explain', () => {
  it('marks the evidence spans in the sentence, joining neighbours', () => {
    const doc = codeText('The United States called on NATO to send troops.', [A.usa, A.nato]);
    const e = findEvent(doc, 'e1');
    expect(markEvidence(e)).toBe('[[The United States called on NATO to send troops]].');
    const x = explainEvent(doc, e, eventResourcesForTests().cameo, { open: '<', close: '>' });
    expect(x.ref).toBe('e1');
    expect(x.label).toBe('Appeal for military cooperation');
    expect(x.rule.id).toBe('appeal.call-on#1');
    expect(x.rule.notes.some((n) => n.startsWith('complement'))).toBe(true);
  });

  it('parses event references and rejects others', () => {
    expect(parseEventRef('12:e3')).toEqual({ docId: 12, eventId: 'e3' });
    expect(() => parseEventRef('e3')).toThrow(/DOCID:EVENTID/);
    expect(splitRule('fight.attack#0 * +!; passive')).toEqual({
      id: 'fight.attack#0',
      pattern: '* +!',
      notes: ['passive'],
    });
  });

  it('says which events an article has when one is missing', () => {
    const doc = codeText('Russia attacked China.', [A.rus, A.chn]);
    expect(() => findEvent(doc, 'e9')).toThrow(/has no event e9/);
  });
});
