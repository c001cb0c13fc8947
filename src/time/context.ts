// What the text around an expression says about its time: the tense of its clause (news tells the past, so
// "Friday" is usually the Friday before) and the sentence it sits in, found cheaply without a parser.

export type Tense = 'past' | 'future' | 'present' | null;

// Cues of future reference: modal and periphrastic futures, schedules and intentions.
const FUTURE_CUE =
  /\b(?:will|won't|wo n't|shall|would|can|'ll|going to|is to|are to|was to|were to|scheduled|slated|plans? to|planning to|intends? to|hopes? to|aims? to|likely to|expected to|expects|due to|set to|set for|effective|as soon as|as early as|upcoming)\b/gi;
// A plan made in the past points ahead only to what follows it ("planned to leave on Thursday"), not to when
// it was made ("On Friday, the government planned to pay") nor when it is recalled ("as previously planned").
const PLANNED = /\b(?:planned|arranged)\b/gi;
// Cues of past reference: the reporting verbs and auxiliaries news is written in, and regular past forms.
const PAST_CUE =
  /\b(?:said|told|says|was|were|had|did|ago|last|earlier|since|began|came|went|took|made|met|left|gave|got|held|won|lost|fell|rose|sold|paid|found|saw|became|brought|bought|fought|sought|thought|caught|built|sent|spent|struck|wrote|spoke|chose|drove|knew|grew|threw|flew|drew|broke|led|fled|kept|meant|felt|announced|reported|killed|\w{3,}ed)\b/gi;
// What makes "was"/"were" point ahead: "were planning to", "was going to", "was due to", "were about to".
const FUTURE_IN_PAST = /^\s+(?:planning|going|scheduled|due|set|expected|about|preparing)\s+(?:to|for)\b/i;
// Quotation marks: straight, curly, and the doubled ones of wire copy.
const QUOTE = /["“”]|''|``/;
// Reporting verbs date the report, not the event reported.
const REPORTING = new Set(['said', 'told', 'says', 'announced', 'reported', 'added', 'stated', 'noted']);
const NOT_PAST = new Set([
  'scheduled',
  'planned',
  'expected',
  'needed',
  'proposed',
  'united',
  'based',
  'red',
  'bed',
  // Present forms that merely end in -ed.
  'succeed',
  'proceed',
  'exceed',
  'indeed',
  'need',
  'speed',
  'hundred',
]);

/** The bounds of the sentence holding [start, end): from after the last terminal stop or line break before it. */
export function sentenceBounds(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0) {
    const c = text[s - 1] as string;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[s] ?? ' ') && !isAbbreviation(text, s - 1))
      break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const c = text[e] as string;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s|$/.test(text[e + 1] ?? '') && !isAbbreviation(text, e)) {
      e++;
      break;
    }
    e++;
  }
  return { start: s, end: e };
}

/** A full stop that ends a short capitalised abbreviation (Jan., Sept., U.S., Gen.) rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 6), dot))?.[1] ?? '';
  return /^(?:[A-Z]\.?|[A-Z]\.[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Lt|Col|Sgt|Capt|No)$/.test(
    before,
  );
}

/**
 * The tense of the clause around [start, end): the cue nearest to the expression wins, looking a few words
 * either side within the sentence; null when no cue is near. With `event`, reporting verbs ("said") are not
 * cues, so what is left is the tense of the event itself.
 */
export function tenseAround(text: string, start: number, end: number, event = false): Tense {
  const sentence = sentenceBounds(text, start, end);
  const from = Math.max(sentence.start, start - 80);
  const to = Math.min(sentence.end, end + 80);
  const window = text.slice(from, to);
  let best: { distance: number; tense: Tense } | null = null;
  const consider = (re: RegExp, tense: Tense, skip?: (w: string, at: number) => boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const word = m[0].toLowerCase();
      const at = from + m.index;
      if (skip?.(word, at)) continue;
      // A passive after "be" ("will be named", "to be released") is not a past: the auxiliary tells the time.
      if (tense === 'past' && /ed$/.test(word) && /\b(?:be|being)\s+$/i.test(window.slice(0, m.index)))
        continue;
      if (at >= start && at < end) continue;
      const distance = at < start ? start - (at + m[0].length) : at - end;
      // A quotation's own verbs tell its time; a cue outside it ("…on Thursday,'' he said) does not.
      if (QUOTE.test(at < start ? text.slice(at + m[0].length, start) : text.slice(end, at))) continue;
      // A plan seen from the past ("had been due to expire", "had been scheduled to") lies in the past.
      const own =
        tense === 'future' && /\bhad\s+(?:been\s+)?$/i.test(window.slice(0, m.index)) ? 'past' : tense;
      if (!best || distance < best.distance) best = { distance, tense: own };
    }
  };
  consider(FUTURE_CUE, 'future');
  consider(
    PLANNED,
    'future',
    (_w, at) =>
      at > start || /\b(?:as|had|previously|originally|been)\s+$/i.test(text.slice(Math.max(0, at - 20), at)),
  );
  consider(
    PAST_CUE,
    'past',
    (w, at) =>
      NOT_PAST.has(w) ||
      (event && REPORTING.has(w)) ||
      // A future seen from the past still lies ahead of it ("were planning to drive … on Monday").
      ((w === 'was' || w === 'were') && FUTURE_IN_PAST.test(text.slice(at + w.length, at + w.length + 24))),
  );
  return (best as { distance: number; tense: Tense } | null)?.tense ?? null;
}
