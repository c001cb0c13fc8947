// The gold-format readers of `dyad eval events` on small records written for these tests.

import { describe, expect, it } from 'vitest';
import { primaryEvent } from '../../src/eval/events.js';
import { parsePetrarchRecords } from '../../src/eval/petrarch-records.js';
import { actorPrefix, goldPairs, parsePlover, ploverType } from '../../src/eval/plover.js';
import { A, codeText } from './helpers.js';

describe('PLOVER records', () => {
  const json = JSON.stringify([
    { id: 'DOC', event: 'DOCUMENT', eventText: 'documentation' },
    {
      id: 'T-1',
      event: 'DEMAND',
      text: 'Ruritania demanded that Freedonia pay its debts.',
      source: [{ actorText: 'Ruritania', code: 'RUR' }],
      target: [{ actorText: 'Freedonia', code: 'FRE' }],
      textInfo: { markup: '(SRC: Ruritania) (EVT: demanded) that (TAR: Freedonia) pay' },
    },
    {
      id: 'T-2',
      event: 'AGREE',
      text: 'Japan and Italy agreed to cooperate.',
      source: [
        { actorText: 'Japan', code: 'JAP' },
        { actorText: 'Italy', code: 'ITL' },
      ],
      target: '',
      textInfo: { markup: '(SRC/TAR: Japan) and (SRC/TAR: Italy) (EVT: agreed)' },
    },
  ]);

  it("skips the documentation record and maps PLOVER 0.5 types to today's", () => {
    const records = parsePlover(json);
    expect(records.map((r) => [r.id, r.type, r.rawType])).toEqual([
      ['T-1', 'REQUEST', 'DEMAND'],
      ['T-2', 'AGREE', 'AGREE'],
    ]);
    expect(ploverType('disapprove')).toBe('ACCUSE');
    expect(ploverType('FIGHT')).toBe('ASSAULT');
    expect(ploverType('INVESTIGATE')).toBe('ACCUSE');
  });

  it('normalises legacy codes and accepts both directions of a reciprocal record', () => {
    const [, agree] = parsePlover(json);
    expect(agree?.sources).toEqual(['JPN', 'ITA']);
    expect(agree?.reciprocal).toBe(true);
    expect([...goldPairs(agree as NonNullable<typeof agree>)].sort()).toEqual([
      'ITA>',
      'ITA>JPN',
      'JPN>',
      'JPN>ITA',
    ]);
    expect(actorPrefix('USAGOV')).toBe('USA');
    expect(actorPrefix('NGOHLH')).toBe('IGO');
  });

  it('rejects a file that is not a JSON array', () => {
    expect(() => parsePlover('{"a": 1}')).toThrow(/array/);
  });
});

describe('PETRARCH validation records', () => {
  const xml = `<Validation><Sentences>
<!-- a comment with <Sentence> inside is ignored -->
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="T-01" category="DEMO">
<EventCoding sourcecode="RUR" targetcode="FRE" eventcode="190"></EventCoding>
<EventCoding sourcecode="FRE" targetcode="RUR" eventcode="190"></EventCoding>
<Text>
Ruritania and Freedonia fought &amp; clashed.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950102" id="T-02" category="ERROR">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
<Sentence date='19950103' id='T-03' category='ACTOR'>
<EventCoding sourcecode='"THE HARBOUR GUILD"' targetcode="RUR" eventcode="032"></EventCoding>
<Text>The harbour guild visited Ruritania.</Text>
</Sentence>
</Sentences></Validation>`;

  it('reads dates, expected events, text and the record configuration', () => {
    const [first, second] = parsePetrarchRecords(xml);
    expect(first).toMatchObject({
      id: 'T-01',
      date: '1995-01-01',
      category: 'DEMO',
      text: 'Ruritania and Freedonia fought & clashed.',
      noEvents: false,
      expectsError: false,
      config: { require_dyad: 'false' },
    });
    expect(first?.events).toEqual([
      { source: 'RUR', target: 'FRE', code: '190' },
      { source: 'FRE', target: 'RUR', code: '190' },
    ]);
    expect(second).toMatchObject({ noEvents: true, expectsError: true, events: [] });
  });

  it('reads attributes in single quotes (an unknown actor is written as its noun phrase)', () => {
    const third = parsePetrarchRecords(xml)[2];
    expect(third).toMatchObject({ id: 'T-03', date: '1995-01-03', category: 'ACTOR' });
    expect(third?.events).toEqual([{ source: '"THE HARBOUR GUILD"', target: 'RUR', code: '032' }]);
  });
});

describe('the primary event of a sentence', () => {
  it('is the most confident event with a PLOVER type', () => {
    const doc = codeText('Russia attacked China, Turkey said.', [A.rus, A.chn, A.tur]);
    expect(primaryEvent(doc.events)?.plover.type).toBe('ASSAULT');
    expect(primaryEvent([])).toBeNull();
  });
});
