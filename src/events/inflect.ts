// English inflection for the event lexicon: every form of a verb or noun lemma, so that lexicon entries are
// written once as lemmas and still match "attacked", "attacking", "attacks" or "talks".

export type VerbForm = 'base' | 's' | 'past' | 'pp' | 'ing';

/** Irregular verbs the lexicon uses: base → [past, past participle]. */
const IRREGULAR: Record<string, [string, string]> = {
  be: ['was', 'been'],
  bear: ['bore', 'borne'],
  beat: ['beat', 'beaten'],
  become: ['became', 'become'],
  begin: ['began', 'begun'],
  bind: ['bound', 'bound'],
  bite: ['bit', 'bitten'],
  blow: ['blew', 'blown'],
  break: ['broke', 'broken'],
  bring: ['brought', 'brought'],
  build: ['built', 'built'],
  buy: ['bought', 'bought'],
  catch: ['caught', 'caught'],
  choose: ['chose', 'chosen'],
  come: ['came', 'come'],
  cut: ['cut', 'cut'],
  deal: ['dealt', 'dealt'],
  do: ['did', 'done'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  feed: ['fed', 'fed'],
  fight: ['fought', 'fought'],
  find: ['found', 'found'],
  flee: ['fled', 'fled'],
  fly: ['flew', 'flown'],
  forbid: ['forbade', 'forbidden'],
  forgive: ['forgave', 'forgiven'],
  forgo: ['forwent', 'forgone'],
  forsake: ['forsook', 'forsaken'],
  freeze: ['froze', 'frozen'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  go: ['went', 'gone'],
  grow: ['grew', 'grown'],
  // "hung" too (verbForms): hanging a flag or a banner, not only a person.
  hang: ['hanged', 'hanged'],
  have: ['had', 'had'],
  hide: ['hid', 'hidden'],
  hit: ['hit', 'hit'],
  hold: ['held', 'held'],
  hurt: ['hurt', 'hurt'],
  keep: ['kept', 'kept'],
  know: ['knew', 'known'],
  lay: ['laid', 'laid'],
  lead: ['led', 'led'],
  leave: ['left', 'left'],
  lend: ['lent', 'lent'],
  let: ['let', 'let'],
  light: ['lit', 'lit'],
  lose: ['lost', 'lost'],
  make: ['made', 'made'],
  mean: ['meant', 'meant'],
  meet: ['met', 'met'],
  mislead: ['misled', 'misled'],
  overrun: ['overran', 'overrun'],
  overtake: ['overtook', 'overtaken'],
  overthrow: ['overthrew', 'overthrown'],
  pay: ['paid', 'paid'],
  put: ['put', 'put'],
  quit: ['quit', 'quit'],
  read: ['read', 'read'],
  rebuild: ['rebuilt', 'rebuilt'],
  rid: ['rid', 'rid'],
  ride: ['rode', 'ridden'],
  ring: ['rang', 'rung'],
  rise: ['rose', 'risen'],
  run: ['ran', 'run'],
  say: ['said', 'said'],
  see: ['saw', 'seen'],
  seek: ['sought', 'sought'],
  sell: ['sold', 'sold'],
  send: ['sent', 'sent'],
  set: ['set', 'set'],
  shake: ['shook', 'shaken'],
  shed: ['shed', 'shed'],
  shoot: ['shot', 'shot'],
  show: ['showed', 'shown'],
  shut: ['shut', 'shut'],
  sing: ['sang', 'sung'],
  sink: ['sank', 'sunk'],
  sit: ['sat', 'sat'],
  slay: ['slew', 'slain'],
  sling: ['slung', 'slung'],
  speak: ['spoke', 'spoken'],
  spend: ['spent', 'spent'],
  split: ['split', 'split'],
  spread: ['spread', 'spread'],
  spring: ['sprang', 'sprung'],
  stand: ['stood', 'stood'],
  steal: ['stole', 'stolen'],
  stick: ['stuck', 'stuck'],
  stride: ['strode', 'stridden'],
  strike: ['struck', 'struck'],
  swear: ['swore', 'sworn'],
  sweep: ['swept', 'swept'],
  take: ['took', 'taken'],
  teach: ['taught', 'taught'],
  tear: ['tore', 'torn'],
  tell: ['told', 'told'],
  think: ['thought', 'thought'],
  throw: ['threw', 'thrown'],
  undertake: ['undertook', 'undertaken'],
  uphold: ['upheld', 'upheld'],
  upset: ['upset', 'upset'],
  wage: ['waged', 'waged'],
  wake: ['woke', 'woken'],
  win: ['won', 'won'],
  withdraw: ['withdrew', 'withdrawn'],
  withhold: ['withheld', 'withheld'],
  withstand: ['withstood', 'withstood'],
  write: ['wrote', 'written'],
};

/** Verbs that double their final consonant before -ed/-ing (stressed final syllable). */
const DOUBLING = new Set([
  'abet',
  'acquit',
  'admit',
  'airdrop',
  'annul',
  'ban',
  'bar',
  'befit',
  'beg',
  'blot',
  'chat',
  'clap',
  'commit',
  'compel',
  'confer',
  'control',
  'deter',
  'drop',
  'embed',
  'equip',
  'expel',
  'gas',
  'grab',
  'incur',
  'kidnap',
  'mob',
  'occur',
  'omit',
  'outstrip',
  'overstep',
  'patrol',
  'permit',
  'plan',
  'plot',
  'prefer',
  'propel',
  'rebel',
  'rebut',
  'recur',
  'refer',
  'regret',
  'repel',
  'rob',
  'ship',
  'shop',
  'shun',
  'slam',
  'snub',
  'stab',
  'step',
  'stop',
  'strip',
  'submit',
  'tap',
  'transfer',
  'trap',
  'unzip',
  'wrap',
]);

function third(base: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** One syllable ending consonant–vowel–consonant ("gun", "club", "slap"): the final consonant doubles. */
const SHORT_CVC = /^[^aeiou]*[aeiou][bdgklmnprt]$/;

function suffixed(base: string, suffix: 'ed' | 'ing'): string {
  if (DOUBLING.has(base) || SHORT_CVC.test(base)) {
    return `${base}${base.at(-1)}${suffix}`;
  }
  if (base === 'veto') return suffix === 'ed' ? 'vetoed' : 'vetoing';
  if (suffix === 'ed') {
    if (base.endsWith('e')) return `${base}d`;
    if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
    return `${base}ed`;
  }
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (base.endsWith('e') && !base.endsWith('ee') && base.length > 2) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

/** All forms of a one-word verb lemma with their form names. */
export function verbForms(base: string): [string, VerbForm][] {
  const out: [string, VerbForm][] = [
    [base, 'base'],
    [third(base), 's'],
    [suffixed(base, 'ing'), 'ing'],
  ];
  const irregular = IRREGULAR[base];
  if (irregular) {
    out.push([irregular[0], 'past'], [irregular[1], 'pp']);
    if (base === 'be') out.push(['were', 'past'], ['is', 's'], ['are', 'base'], ['am', 'base']);
    if (base === 'hang') out.push(['hung', 'past'], ['hung', 'pp']);
  } else {
    const ed = suffixed(base, 'ed');
    out.push([ed, 'past'], [ed, 'pp']);
  }
  // British and American spellings both occur in news ("criticise"/"criticize", "signalled"/"signaled").
  if (base.endsWith('ize')) {
    const uk = `${base.slice(0, -3)}ise`;
    for (const [form, name] of verbForms(uk)) out.push([form, name]);
  }
  // Unstressed -el/-al ("cancel", "signal", not "seal" or "appeal"): British English doubles the l.
  if (/[^aeiou][ae]l$/.test(base) && base.length > 4) {
    out.push([`${base}led`, 'past'], [`${base}led`, 'pp'], [`${base}ling`, 'ing']);
  }
  return out;
}

const IRREGULAR_PLURAL: Record<string, string> = {
  man: 'men',
  woman: 'women',
  child: 'children',
  person: 'people',
  crisis: 'crises',
  analysis: 'analyses',
  thesis: 'theses',
};

export function nounPlural(noun: string): string {
  const words = noun.split(' ');
  const last = words.at(-1) as string;
  const irregular = IRREGULAR_PLURAL[last];
  let plural: string;
  if (irregular) plural = irregular;
  else if (/(s|x|z|ch|sh)$/.test(last)) plural = `${last}es`;
  else if (/[^aeiou]y$/.test(last)) plural = `${last.slice(0, -1)}ies`;
  else plural = `${last}s`;
  return [...words.slice(0, -1), plural].join(' ');
}

/** Every surface form a pattern word may take: itself, as a noun plural and as a verb. */
export function wordForms(word: string): string[] {
  const forms = new Set<string>([word, nounPlural(word)]);
  if (/^[a-z-]+$/.test(word) && word.length > 2) for (const [form] of verbForms(word)) forms.add(form);
  return [...forms];
}

/** Normalises a token for lookup: lower case, curly apostrophes straightened. */
export function normal(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'");
}
