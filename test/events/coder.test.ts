// The event coder on sentences written for these tests, with actors placed by hand: voice, negation, modality,
// compounds, reported speech, relative clauses, appositions, nominal events and merging.

import { describe, expect, it } from 'vitest';
import { A, codeText, summary } from './helpers.js';

const soleimani = { id: 'sol', code: 'IRNMIL', mentions: ['Soleimani', 'the general'], type: 'PER' as const };
const trump = { id: 'trump', code: 'USAGOV', mentions: ['Trump', 'the president'], type: 'PER' as const };
const stoltenberg = { id: 'stol', code: 'IGOWSTNAT', mentions: ['Stoltenberg'], type: 'PER' as const };

describe('active and passive voice', () => {
  it('takes the subject as source and the object as target', () => {
    const doc = codeText('Russia attacked China on Monday.', [A.rus, A.chn]);
    expect(summary(doc)).toEqual(['RUS>CHN 190']);
  });

  it('swaps roles in the passive and takes the agent from "by"', () => {
    const doc = codeText('China was attacked by Russia on Monday.', [A.rus, A.chn]);
    expect(summary(doc)).toEqual(['RUS>CHN 190']);
    expect(doc.events[0]?.rule).toContain('passive');
  });

  it('takes the agent of a passive behind an article ("by an Israeli air strike")', () => {
    const villagers = { id: 'cvl', code: 'CVL', mentions: ['Six villagers'], type: 'ROLE' as const };
    const doc = codeText('Six villagers were killed by an Israeli drone strike.', [A.isr, villagers]);
    expect(summary(doc)[0]).toBe('ISR>CVL 1823');
    const rebels = { id: 'reb', code: 'REB', mentions: ['the rebels'], type: 'ROLE' as const };
    expect(summary(codeText('The rebels were driven out by a US-led invasion.', [A.usa, rebels]))[0]).toBe(
      'USA>REB 190',
    );
  });

  it('takes the subject of a passive clause opened by "after" as its target', () => {
    const guard = { id: 'g', code: 'ARMMIL', mentions: ['an Armenian border guard'] };
    const doc = codeText('Tension rose after an Armenian border guard was shot dead near the frontier.', [
      guard,
    ]);
    expect(summary(doc)).toEqual(['->ARMMIL 1823']);
    // Behind another preposition an actor is no passive subject ("talks with Iran were held").
    const talks = codeText('Talks with Iran were criticised on Monday.', [A.irn]);
    expect(talks.events.filter((e) => e.root === '11')).toEqual([]);
  });

  it('codes an agentless passive with the subject as target only', () => {
    const doc = codeText('Israel was criticised sharply on Monday.', [A.isr]);
    expect(summary(doc)).toEqual(['->ISR 111']);
  });
});

describe('negation and modality', () => {
  it('codes "would not deploy troops" as a refusal, negated, never as a deployment', () => {
    const doc = codeText('Russia said China would not deploy troops to the border.', [A.rus, A.chn]);
    expect(doc.events.some((e) => e.root === '15')).toBe(false);
    const refusal = doc.events.find((e) => e.root === '12');
    expect(refusal?.source?.code).toBe('CHN');
    expect(refusal?.negated).toBe(true);
  });

  it('drops a plain negated past event', () => {
    const doc = codeText('Russia did not attack China.', [A.rus, A.chn]);
    expect(doc.events).toEqual([]);
  });

  it('drops an event whose subject is negated ("No ally …")', () => {
    const doc = codeText('No NATO member praised Iran.', [A.nato, A.irn]);
    expect(doc.events).toEqual([]);
  });

  it('turns promised cooperation into an intent (03) marked as such', () => {
    const doc = codeText('France will send troops to Iraq next month.', [A.fra, A.irq]);
    expect(summary(doc)).toEqual(['FRA>IRQ 0312']);
    expect(doc.events[0]?.modality).toBe('intent');
  });

  it('turns promised violence into a threat', () => {
    const doc = codeText('Iran vowed to attack Israel.', [A.irn, A.isr]);
    expect(doc.events.map((e) => e.root)).toEqual(['13']);
  });

  it('does not code hypothetical violence', () => {
    const doc = codeText('Analysts say Russia could attack China.', [A.rus, A.chn]);
    expect(doc.events).toEqual([]);
  });

  it("turns a must in reported speech into the speaker's demand", () => {
    const doc = codeText('Russia said China must release the detained sailors.', [A.rus, A.chn]);
    expect(summary(doc)).toEqual(['RUS>CHN 1053']);
  });
});

describe('compound actors', () => {
  it('splits a compound source into one event per member', () => {
    const doc = codeText('The UK, France and Germany called for de-escalation.', [A.gbr, A.fra, A.deu]);
    expect(summary(doc)).toEqual(['GBR>- 0256', 'FRA>- 0256', 'DEU>- 0256']);
  });

  it('splits a compound target', () => {
    const doc = codeText('Turkey condemned Russia and China.', [A.tur, A.rus, A.chn]);
    expect(summary(doc)).toEqual(['TUR>RUS 111', 'TUR>CHN 111']);
  });

  it('runs no list across the comma that closes an opening adverbial', () => {
    const doc = codeText('After talks with Iran, Russia and China agreed to reopen the border.', [
      A.irn,
      A.rus,
      A.chn,
    ]);
    const agreed = doc.events.filter((e) => e.root === '03');
    expect(agreed.map((e) => `${e.source?.code}>${e.target?.code}`).sort()).toEqual(['CHN>RUS', 'RUS>CHN']);
  });

  it('makes reciprocal events of "talks between X and Y"', () => {
    const doc = codeText('Talks between Iran and the United States resumed in Oman.', [A.irn, A.usa]);
    expect(summary(doc).sort()).toEqual(['IRN>USA 040', 'USA>IRN 040']);
  });

  it('treats "Neither X nor Y were …" as negated', () => {
    const doc = codeText('Neither Russia nor China was criticised by Turkey.', [A.rus, A.chn, A.tur]);
    expect(doc.events).toEqual([]);
  });
});

describe('reported speech', () => {
  it('takes the source from the reported clause, not the speaker', () => {
    const doc = codeText('Stoltenberg said NATO would not deploy combat troops to the region.', [
      stoltenberg,
      A.nato,
    ]);
    const e = doc.events.find((x) => x.root === '12');
    expect(e?.source?.actorId).toBe('nato');
  });

  it('resolves a pronoun subject to the speaker', () => {
    const doc = codeText('Russia said it would withdraw its troops from Syria.', [
      A.rus,
      { id: 'syr', code: 'SYR', mentions: ['Syria'] },
    ]);
    expect(summary(doc)).toEqual(['RUS>SYR 0356']);
  });

  it('does not take the speaker of a trailing reporting clause as the target', () => {
    const official = { id: 'turgov', code: 'TURGOV', mentions: ['Turkish official'], type: 'PER' as const };
    for (const text of [
      'Russia expelled the diplomats, a Turkish official said.',
      'Russia expelled the diplomats, a visibly angry Turkish official said.',
    ])
      expect(summary(codeText(text, [A.rus, official])).every((e) => !e.includes('TURGOV'))).toBe(true);
  });
});

describe('clause structure', () => {
  it('finds the subject of a relative clause in its antecedent', () => {
    const doc = codeText(
      'Trump, who had ordered the killing of Soleimani, later called on NATO to send troops.',
      [trump, soleimani, A.nato],
    );
    expect(summary(doc)).toContain('USAGOV>IRNMIL 1823');
    expect(summary(doc)).toContain('USAGOV>IGOWSTNAT 0212');
  });

  it('skips an apposition between subject and verb', () => {
    const doc = codeText('Stoltenberg, the head of NATO, criticised Russia.', [stoltenberg, A.nato, A.rus]);
    expect(summary(doc)).toEqual(['IGOWSTNAT>RUS 111']);
    expect(doc.events[0]?.source?.actorId).toBe('stol');
  });

  it('shares a subject across coordinated verbs', () => {
    const doc = codeText('Russia criticised Turkey and attacked China.', [A.rus, A.tur, A.chn]);
    expect(summary(doc)).toEqual(['RUS>TUR 111', 'RUS>CHN 190']);
  });

  it('keeps the actors of an event opened by "after" or "following" out of the main one', () => {
    // The subject of "attacked" is the protesters of its own clause, not Russia of the one before.
    const protesters = { id: 'opp', code: 'OPP', mentions: ['protesters'], type: 'ROLE' as const };
    const stormed = codeText('Turkey cut ties with Russia after protesters attacked the embassy.', [
      A.tur,
      A.rus,
      protesters,
    ]);
    expect(stormed.events.find((e) => e.root === '19')?.source?.code).toBe('OPP');
    // Russia's doing after "following" is no target of Turkey's.
    const cut = codeText("Turkey cut ties following Russia's attack on Iran.", [A.tur, A.rus, A.irn]);
    expect(summary(cut)).toEqual(['TUR>- 161', 'RUS>IRN 190']);
  });

  it('gives a gerund after "for" the object of the verb before it as subject', () => {
    expect(summary(codeText('NATO praised China for hosting the talks.', [A.nato, A.chn]))).toContain(
      'CHN>- 043',
    );
    // With no object, the subject of the clause does it.
    expect(
      summary(codeText('Russia apologized to Turkey for attacking France.', [A.rus, A.tur, A.fra])),
    ).toContain('RUS>FRA 190');
  });

  it('takes no later actor as target when an unresolved "him" or "them" is the object', () => {
    const syria = { id: 'syr', code: 'SYR', mentions: ['Syrian'] };
    const doc = codeText('Russia urged him to think carefully about the Syrian conflict.', [A.rus, syria]);
    expect(doc.events.every((e) => e.target?.code !== 'SYR')).toBe(true);
  });

  it('folds "called on X to V" into one appeal coded by its content', () => {
    const doc = codeText('The United States called on NATO to send more troops to Iraq.', [
      A.usa,
      A.nato,
      A.irq,
    ]);
    expect(summary(doc)).toEqual(['USA>IGOWSTNAT 0212']);
  });
});

describe('objects inside a relative clause', () => {
  it('finds the party to a deal after "that" and the clause\'s own verb', () => {
    const doc = codeText("Russia decided to abandon a deal that curbed Iran's nuclear programme.", [
      A.rus,
      A.irn,
    ]);
    expect(summary(doc)).toContain('RUS>IRN 120');
  });
});

describe('verbs the tagger reads as nouns', () => {
  it('takes a lexicon verb between an actor and a particle before the object as a verb', () => {
    const soldier = {
      id: 'ukrmil',
      code: 'UKRMIL',
      mentions: ['a Ukrainian soldier'],
      type: 'ROLE' as const,
    };
    expect(summary(codeText('Russia shot dead a Ukrainian soldier.', [A.rus, soldier]))).toEqual([
      'RUS>UKRMIL 1823',
    ]);
  });
});

describe('nominal events', () => {
  it('takes the source from a possessive and the target after "on"', () => {
    const doc = codeText("Russia's attack on China shocked Europe.", [A.rus, A.chn]);
    expect(summary(doc)).toEqual(['RUS>CHN 190']);
  });

  it('takes the source from an actor adjective', () => {
    const doc = codeText('Iranian attacks against Israel continued.', [A.irn, A.isr]);
    expect(summary(doc)).toEqual(['IRN>ISR 190']);
  });

  it('reads a possessive as the victim of a killing', () => {
    const doc = codeText("Soleimani's killing angered many.", [soleimani]);
    expect(summary(doc)).toEqual(['->IRNMIL 1823']);
  });

  it('reads a possessive as the doer when "of" names the victim', () => {
    const doc = codeText("Iran's killing of Soleimani's aide angered many.", [A.irn, soleimani]);
    expect(summary(doc)).toEqual(['IRN>IRNMIL 1823']);
  });

  it('gives a noun ordered by an actor that actor as source', () => {
    const doc = codeText('Trump ordered the killing of Soleimani.', [trump, soleimani]);
    expect(summary(doc)).toEqual(['USAGOV>IRNMIL 1823']);
  });

  it('aims a comment on an event at the event’s doer: "condemned an attack by X"', () => {
    const doc = codeText('France condemned the attack by Russia on Tuesday.', [A.fra, A.rus]);
    const comment = doc.events.find((e) => e.root === '11');
    expect(comment?.source?.code).toBe('FRA');
    expect(comment?.target?.code).toBe('RUS');
  });

  it('codes "X expressed its opposition to …" as disapproval', () => {
    const doc = codeText('Turkey expressed its opposition to foreign interventions.', [A.tur]);
    expect(summary(doc)).toEqual(['TUR>- 110']);
  });
});

describe('records', () => {
  it('merges repeated mentions of one event and keeps the dated one', () => {
    const doc = codeText(
      'The United States killed Soleimani on Friday. Trump had ordered the January 3 killing of Soleimani. ' +
        "Soleimani's assassination angered Iran.",
      [A.usa, trump, soleimani, A.irn],
      '2020-01-08',
    );
    const killings = doc.events.filter((e) => e.root === '18');
    expect(killings).toHaveLength(1);
    expect(killings[0]?.mentions).toBe(3);
    expect(killings[0]?.source?.code).toBe('USA');
  });

  it('keeps the members of one compound as events of their own', () => {
    const media = { id: 'dnkmed', code: 'DNKMED', mentions: ['Danish media'], type: 'ROLE' as const };
    const government = { id: 'dnkgov', code: 'DNKGOV', mentions: ['the government'], type: 'ROLE' as const };
    const doc = codeText('Danish media and the government criticised Turkey.', [media, government, A.tur]);
    expect(summary(doc).sort()).toEqual(['DNKGOV>TUR 111', 'DNKMED>TUR 111']);
  });

  it('fills CAMEO facts, PLOVER type and evidence', () => {
    const doc = codeText('Russia attacked China.', [A.rus, A.chn]);
    const e = doc.events[0];
    expect(e).toMatchObject({
      id: 'e1',
      code: '190',
      root: '19',
      quadClass: 4,
      goldstein: -10,
      plover: { type: 'ASSAULT' },
      date: { value: '2020-01-08', granularity: 'day' },
      place: null,
      negated: false,
      modality: null,
      mentions: 1,
    });
    expect(e?.evidence.text).toBe('Russia attacked China.');
    expect(e?.evidence.spans.map((s) => s.text)).toEqual(['Russia', 'attacked', 'China']);
    expect(e?.rule).toMatch(/^fight\.attack#\d /);
  });

  it('answers a rejection without target with the actor that asked', () => {
    const doc = codeText('The United States asked NATO to send troops. NATO would not deploy troops.', [
      A.usa,
      A.nato,
    ]);
    const refusal = doc.events.find((e) => e.root === '12');
    expect(refusal?.target?.code).toBe('USA');
  });
});

describe('the senses of "call"', () => {
  it('is a phone call when the person called ends the phrase, not "called X a Y"', () => {
    expect(summary(codeText('Russia called Turkey on Friday.', [A.rus, A.tur]))).toEqual(['RUS>TUR 041']);
    expect(summary(codeText('Russia called Turkey, officials said.', [A.rus, A.tur]))).toEqual([
      'RUS>TUR 041',
    ]);
    expect(summary(codeText('Russia called Turkey a threat to peace.', [A.rus, A.tur]))).not.toContain(
      'RUS>TUR 041',
    );
    expect(summary(codeText("Russia called Turkey's move a provocation.", [A.rus, A.tur]))).not.toContain(
      'RUS>TUR 041',
    );
  });

  it('is an appeal only with "on" right after it', () => {
    expect(summary(codeText('Russia called Turkey on Friday to discuss trade.', [A.rus, A.tur]))).toContain(
      'RUS>TUR 041',
    );
    expect(summary(codeText('Russia called on Turkey to withdraw.', [A.rus, A.tur]))).toEqual([
      'RUS>TUR 0256',
    ]);
  });
});

describe('targets from earlier sentences', () => {
  it('lends the actor a definite noun pointed at when it was first named', () => {
    const army = { id: 'irqmil', code: 'IRQMIL', mentions: ['the Iraqi army'] };
    const trained = codeText(
      'NATO agreed on a mission to train the Iraqi army. NATO later suspended the mission.',
      [A.nato, army],
    );
    expect(summary(trained)).toContain('IGOWSTNAT>IRQMIL 162');
    const placed = codeText('NATO agreed on a mission in Iraq. NATO later suspended the mission.', [
      A.nato,
      A.irq,
    ]);
    expect(summary(placed)).toContain('IGOWSTNAT>IRQ 162');
  });

  it('lends no actor that merely came after the noun', () => {
    const doc = codeText(
      'Turkey kept Russia informed about the talks, but the United States was not involved. NATO praised China for hosting the talks.',
      [A.nato, A.tur, A.rus, A.usa, A.chn],
    );
    expect(summary(doc)).not.toContain('IGOWSTNAT>USA 043');
  });
});

describe('errors found on news articles', () => {
  const lima = {
    id: 'lima',
    code: 'PRTGOV',
    mentions: ['Prime Minister Ana Lima', 'Lima'],
    type: 'PER' as const,
  };
  const prt = { id: 'prt', code: 'PRT', mentions: ['Portugal'] };
  const civilians = {
    id: 'cvl',
    code: 'CVL',
    mentions: ['people', 'civilians', 'residents'],
    type: 'ROLE' as const,
  };
  const troops = (id: string, country: string, words: string) => ({
    id,
    code: country,
    mentions: [words],
    roles: { [words]: { code: `${country}MIL` } },
  });

  it('reads "step aside" by troops as standing back, and a resignation only of a person or an office', () => {
    const aside = codeText('Officials said on Monday that Russian troops would step aside.', [
      troops('rus', 'RUS', 'Russian troops'),
    ]);
    expect(aside.events.filter((e) => e.root === '08' || e.code.startsWith('034'))).toEqual([]);
    const minister = {
      id: 'fra',
      code: 'FRA',
      mentions: ['France', 'The French minister'],
      roles: { 'The French minister': { code: 'FRAGOV' } },
    };
    expect(summary(codeText('The French minister resigned on Friday.', [minister]))).toEqual([
      'FRAGOV>- 0831',
    ]);
    expect(summary(codeText('Lima stepped down as prime minister.', [lima]))).toEqual(['PRTGOV>- 0831']);
    expect(
      codeText('France quit the talks on Friday.', [A.fra]).events.filter((e) => e.code === '0831'),
    ).toEqual([]);
  });

  it('reads the return of ambassadors as restored relations, not a release', () => {
    const envoys = { id: 'gov', code: 'GOV', mentions: ['ambassadors'], type: 'ROLE' as const };
    const arranged = codeText('Their ministers will meet soon to arrange the return of ambassadors.', [
      envoys,
    ]);
    expect(arranged.events.filter((e) => e.root === '08')).toEqual([]);
    const kwt = { id: 'kwt', code: 'KWT', mentions: ['Kuwait'] };
    expect(summary(codeText('Kuwait returned its ambassador to Iran on Sunday.', [kwt, A.irn]))).toEqual([
      'KWT>IRN 054',
    ]);
  });

  it('gives a verb after ", and" that follows reported speech the speaker as source', () => {
    const doc = codeText(
      "Prime Minister Ana Lima said in a speech that Russia's adventure must fail, and promised new sanctions.",
      [lima, A.rus],
    );
    const promise = doc.events.find((e) => e.code !== '100');
    expect(promise?.source?.code).toBe('PRTGOV');
    // A modal verb after ", and" goes on with the report: its subject is the reported clause's.
    const report = codeText('Lima said the plan targeted the rebels, and would allow Portugal to help.', [
      lima,
      prt,
    ]);
    expect(report.events.every((e) => e.source?.code !== 'PRTGOV')).toBe(true);
  });

  it('gives a participle after a reported clause the speaker as source', () => {
    const doc = codeText(
      'Lima announced that Portugal would impose sanctions on Russia, rejecting appeals from Spain.',
      [lima, prt, A.rus, { id: 'esp', code: 'ESP', mentions: ['Spain'] }],
    );
    expect(doc.events.find((e) => e.root === '12')?.source?.code).toBe('PRTGOV');
    expect(doc.events.find((e) => e.root === '13')?.source?.code).toBe('PRT');
  });

  it('gives a participle after a relative clause the subject of the main clause', () => {
    const rutte = { id: 'rutte', code: 'NLDGOV', mentions: ['Mark Rutte'], type: 'PER' as const };
    const doc = codeText(
      'France issued a statement with Mark Rutte, whose country holds the presidency, calling on Britain to act quickly.',
      [A.fra, rutte, A.gbr],
    );
    expect(summary(doc).map((e) => e.split(' ')[0])).toEqual(['FRA>GBR']);
  });

  it("takes an appeal's topic from its own clause, not from a later coordinated one", () => {
    const doc = codeText(
      'Lima urged people to stay indoors where possible and said weapons would be given to volunteers.',
      [lima, civilians],
    );
    expect(summary(doc)).toEqual(['PRTGOV>CVL 020']);
  });

  it('takes the subject as source of an event noun in an aside after it', () => {
    const erdogan = { id: 'erd', code: 'TURGOV', mentions: ['Erdoğan'], type: 'PER' as const };
    const doc = codeText('Lima, in a telephone call with Erdoğan, urged him to show restraint.', [
      lima,
      erdogan,
    ]);
    expect(summary(doc)).toContain('PRTGOV>TURGOV 041');
  });

  it("targets the forces a person owns, not the person ('struck Gaddafi's forces')", () => {
    const gaddafi = {
      id: 'gad',
      code: 'LBYGOV',
      mentions: ['Muammar Gaddafi', 'Gaddafi'],
      type: 'PER' as const,
    };
    const doc = codeText("Britain struck Muammar Gaddafi's forces near the coast.", [
      A.gbr,
      gaddafi,
      troops('lby', 'LBY', 'forces'),
    ]);
    expect(summary(doc)).toEqual(['GBR>LBYMIL 190']);
    // A person's possessive before something that is no actor stays the target.
    expect(summary(codeText("Britain criticised Gaddafi's speech.", [A.gbr, gaddafi]))).toEqual([
      'GBR>LBYGOV 111',
    ]);
  });

  it('aims a comment on an act of force told earlier at whoever did it', () => {
    const biden = { id: 'biden', code: 'USAGOV', mentions: ['the American president'], type: 'PER' as const };
    const ukr = { id: 'ukr', code: 'UKR', mentions: ['Ukraine'] };
    const called = codeText(
      'Russian troops attacked Ukraine on Thursday. Hours later, the American president condemned what he called “an unprovoked attack”.',
      [troops('rus', 'RUS', 'Russian troops'), ukr, biden],
    );
    expect(summary(called)).toContain('USAGOV>RUSMIL 111');
    const definite = codeText('Turkey attacked Syria on Monday. Iran condemned the offensive.', [
      A.tur,
      { id: 'syr', code: 'SYR', mentions: ['Syria'] },
      A.irn,
    ]);
    expect(summary(definite)).toContain('IRN>TUR 111');
    // An indefinite noun is a new event, not the one told before.
    const another = codeText('Turkey attacked Syria on Monday. Iran condemned an attack.', [
      A.tur,
      { id: 'syr', code: 'SYR', mentions: ['Syria'] },
      A.irn,
    ]);
    expect(summary(another)).toContain('IRN>- 111');
  });

  it('finds the subject of a passive past an apposition holding a date', () => {
    const khalid = { id: 'kh', code: 'PAKREB', mentions: ['Omar Khalid'], type: 'PER' as const };
    const doc = codeText(
      'Omar Khalid, the man behind the March 3, 2009 bombings, was killed by Pakistani troops in a raid in Afghanistan.',
      [
        khalid,
        troops('pak', 'PAK', 'Pakistani troops'),
        { id: 'afg', code: 'AFG', mentions: ['Afghanistan'] },
      ],
    );
    expect(summary(doc)).toContain('PAKMIL>PAKREB 1823');
  });

  it('does not take the subject of a passive for the object of a preposition ("were flown to")', () => {
    const staff = {
      id: 'usa',
      code: 'USA',
      mentions: ['US embassy staff'],
      roles: { 'US embassy staff': { code: 'USAGOV' } },
    };
    const doc = codeText('US embassy staff were flown to the airport by helicopter.', [staff]);
    expect(doc.events).toEqual([]);
  });

  it('codes nothing that a verb denies ("denied seeking weapons")', () => {
    expect(codeText('Iran has always denied seeking nuclear weapons.', [A.irn]).events).toEqual([]);
  });

  it('takes no target from what a comment calls its object ("hailed the deal as a triumph for people")', () => {
    const doc = codeText('The UN chief hailed the accord as a triumph for people everywhere.', [
      { id: 'un', code: 'IGOUNO', mentions: ['The UN chief'], type: 'PER' as const },
      civilians,
    ]);
    expect(summary(doc)).toEqual(['IGOUNO>- 051']);
  });

  it('takes a list between dashes after the subject as the subject itself', () => {
    const council = { id: 'unsc', code: 'IGOUNO', mentions: ['the council'], type: 'ORG' as const };
    const doc = codeText(
      'Three members of the council – France, Germany and Turkey – requested an urgent meeting on Friday.',
      [council, A.fra, A.deu, A.tur],
    );
    expect(doc.events.map((e) => e.source?.code)).toEqual(['FRA', 'DEU', 'TUR']);
  });

  it('reads the first half of a hyphenated compound as a modifier ("a closed-door meeting")', () => {
    const doc = codeText('France requested a closed-door meeting with Germany.', [A.fra, A.deu]);
    expect(doc.events.every((e) => !e.rule.includes('coerce'))).toBe(true);
  });

  it('reads "hold" as detention only with people as its object', () => {
    expect(codeText('Iran held a ceremony on Monday.', [A.irn]).events).toEqual([]);
    expect(summary(codeText('Iran held dozens of refugees for weeks.', [A.irn]))).toEqual(['IRN>- 173']);
    expect(
      summary(
        codeText('The court will hold Iran accountable.', [
          { id: 'jud', code: 'TURJUD', mentions: ['The court'] },
          A.irn,
        ]),
      ),
    ).toEqual(['TURJUD>IRN 116']);
  });

  it('reads "headed X for talks" as leading, not travelling', () => {
    const abdullah = { id: 'ab', code: 'AFGELI', mentions: ['Abdullah'], type: 'PER' as const };
    const council = { id: 'afg', code: 'AFGGOV', mentions: ['the peace council'] };
    const doc = codeText('Abdullah headed the peace council for talks with the rebels.', [abdullah, council]);
    expect(doc.events.filter((e) => e.root === '04')).toEqual([]);
    expect(summary(codeText('Abdullah headed for talks with Iran.', [abdullah, A.irn]))).toEqual([
      'AFGELI>IRN 040',
    ]);
  });

  it('codes no act of force negated by "not"', () => {
    const doc = codeText(
      '“We want the protection of civilians and not the shelling of civilians,” Lima said.',
      [lima, civilians],
    );
    expect(doc.events.filter((e) => e.root === '19')).toEqual([]);
  });

  it('takes no target from a question clause ("discuss what role NATO should play")', () => {
    const envoys = { id: 'gov', code: 'GOV', mentions: ['Ambassadors'], type: 'ROLE' as const };
    const doc = codeText('Ambassadors met again to discuss what role NATO should play.', [envoys, A.nato]);
    expect(doc.events.every((e) => e.target?.code !== 'IGOWSTNAT')).toBe(true);
  });

  it('reads armed fighters "driven out" as fought, and civilians as expelled', () => {
    const rebels = { id: 'reb', code: 'REB', mentions: ['the rebels'], type: 'ROLE' as const };
    const army = troops('irq', 'IRQ', 'Iraqi troops');
    expect(summary(codeText('Iraqi troops drove out the rebels from the town.', [army, rebels]))).toEqual([
      'IRQMIL>REB 190',
    ]);
    expect(
      summary(codeText('Iraqi troops drove out the civilians from the town.', [army, civilians])),
    ).toEqual(['IRQMIL>CVL 201']);
  });

  it('ends an event clause at a participle after a comma', () => {
    const jets = troops('tur', 'TUR', 'Turkish jets');
    const doc = codeText('Turkish jets bombed civilian areas, causing panic among residents.', [
      jets,
      civilians,
    ]);
    expect(doc.events.every((e) => e.target?.code !== 'CVL' || e.root !== '19')).toBe(true);
  });
});

describe('event words inside phrases', () => {
  it('takes no target from the source\'s own feeling noun ("expressed its opposition to …")', () => {
    const party = { id: 'opp', code: 'TUROPP', mentions: ['its opposition'], type: 'ROLE' as const };
    expect(summary(codeText('Turkey expressed its opposition to foreign meddling.', [A.tur, party]))).toEqual(
      ['TUR>- 110'],
    );
    // Another country's building is still a target.
    const rioters = { id: 'opp', code: 'OPP', mentions: ['Rioters'], type: 'ROLE' as const };
    const embassy = { id: 'deu', code: 'DEUGOV', mentions: ['its embassy'] };
    expect(summary(codeText('Rioters stormed its embassy in the capital.', [rioters, embassy]))).toEqual([
      'OPP>DEUGOV 190',
    ]);
  });

  it('reads the first half of a hyphenated compound as a modifier ("round-the-clock vigils")', () => {
    expect(codeText('Iran hosted round-the-clock vigils in Tehran.', [A.irn]).events).toEqual([]);
    expect(summary(codeText('Iran hosted round-the-clock talks with France.', [A.irn, A.fra]))).toEqual([
      'IRN>FRA 043',
    ]);
  });

  it('lets quote marks add no distance between a verb and its object', () => {
    const doc = codeText(
      'Israel said Washington would institute “the highest level of economic sanctions” against Iran.',
      [A.isr, A.usa, A.irn],
    );
    expect(summary(doc)).toEqual(['USA>IRN 1312']);
  });
});
