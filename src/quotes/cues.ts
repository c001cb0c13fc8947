// The reporting cues that introduce what someone said: verbs of saying and writing with their inflected forms,
// and whether they take a reported clause ("said that…") as well as a direct quote.

export interface CueVerb {
  lemma: string;
  /** Takes a reported clause: "warned (that) NATO would…". Verbs such as "call" or "sing" only frame quotes. */
  clausal: boolean;
  /** Takes the hearer as object before the clause: "told reporters (that)…". */
  object: boolean;
  /** A verb of saying in itself (say, tell, add…) rather than one that also has other senses (call, note, post). */
  strong: boolean;
}

type Entry = [lemma: string, flags: string, forms?: string];

// flags: c = clausal, o = takes the hearer as object, s = strong. Irregular forms are listed whole.
const VERBS: Entry[] = [
  ['say', 'cs', 'say says said saying'],
  ['tell', 'cos', 'tell tells told telling'],
  ['add', 'cs'],
  ['write', 'cs', 'write writes wrote written writing'],
  ['tweet', 'cs'],
  ['warn', 'cos'],
  ['insist', 'cs'],
  ['claim', 'cs'],
  ['state', 'cs'],
  ['explain', 'cs'],
  ['argue', 'cs'],
  ['note', 'c'],
  ['declare', 'cs'],
  ['announce', 'cs'],
  ['ask', 'os'],
  ['reply', 'cs', 'reply replies replied replying'],
  ['respond', 'cs'],
  ['answer', 's'],
  ['continue', 's'],
  ['conclude', 'c'],
  ['acknowledge', 'cs'],
  ['admit', 'cs', 'admit admits admitted admitting'],
  ['contend', 'cs'],
  ['maintain', 'c'],
  ['suggest', 'c'],
  ['predict', 'cs'],
  ['promise', 'cos'],
  ['vow', 'cs'],
  ['pledge', 'cs'],
  ['urge', 's'],
  ['demand', 'c'],
  ['stress', 'cs'],
  ['emphasize', 'cs'],
  ['emphasise', 'cs'],
  ['recall', 'c'],
  ['remark', 'cs'],
  ['observe', 'c'],
  ['comment', 's'],
  ['complain', 'cs'],
  ['boast', 'cs'],
  ['joke', 'cs'],
  ['quip', 'cs', 'quip quips quipped quipping'],
  ['shout', 's'],
  ['yell', 's'],
  ['scream', 's'],
  ['whisper', 's'],
  ['mutter', 's'],
  ['testify', 'cs', 'testify testifies testified testifying'],
  ['assert', 'cs'],
  ['allege', 'cs'],
  ['charge', 'c'],
  ['counter', 'cs'],
  ['retort', 'cs'],
  ['concede', 'cs'],
  ['confirm', 'cs'],
  ['deny', 'cs', 'deny denies denied denying'],
  ['report', 'c'],
  ['reiterate', 'cs'],
  ['repeat', 'c'],
  ['caution', 'cs'],
  ['lament', 'cs'],
  ['proclaim', 'cs'],
  ['tout', ''],
  ['chant', 's'],
  ['sing', 's', 'sing sings sang sung singing'],
  ['post', 'c'],
  ['email', 'c'],
  ['text', ''],
  ['signal', 'c', 'signal signals signaled signalled signaling signalling'],
  ['indicate', 'c'],
  ['hint', 'c'],
  ['reveal', 'c'],
  ['estimate', 'c'],
  ['assure', 'co'],
  ['remind', 'co'],
  ['inform', 'co'],
  ['advise', 'co'],
  ['agree', 'c', 'agree agrees agreed agreeing'],
  ['wonder', 'c'],
  ['call', ''],
  ['describe', ''],
  ['label', '', 'label labels labeled labelled labeling labelling'],
  ['dub', '', 'dub dubs dubbed dubbing'],
  ['brand', ''],
  ['express', ''],
  ['accuse', ''],
  ['criticize', ''],
  ['criticise', ''],
  ['slam', '', 'slam slams slammed slamming'],
  ['blast', ''],
  ['mock', ''],
  ['praise', ''],
  ['read', '', 'read reads reading'],
  ['quote', ''],
  ['cite', ''],
  ['exclaim', 's'],
  ['muse', 's'],
  ['sigh', 's'],
  ['laugh', 's'],
  ['recount', 'c'],
  ['point', ''],
];

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, third, `${stem}ed`, `${stem}ing`];
}

const FORMS = new Map<string, CueVerb>();
for (const [lemma, flags, forms] of VERBS) {
  const info: CueVerb = {
    lemma,
    clausal: flags.includes('c'),
    object: flags.includes('o'),
    strong: flags.includes('s'),
  };
  for (const form of forms ? forms.split(' ') : regularForms(lemma)) FORMS.set(form, info);
}

/** The cue verb a word form belongs to ("warned" → warn), or null. */
export function cueVerb(word: string): CueVerb | null {
  return FORMS.get(word.toLowerCase()) ?? null;
}

/** Particles that belong to a cue ("called for", "pointed out"); "point" is a cue only with its particle. */
export const CUE_PARTICLES: Readonly<Record<string, readonly string[]>> = {
  call: ['for', 'on'],
  point: ['out'],
};

/** Participles that report a second statement by the subject of the main clause ("…, saying…"). */
export function isParticiple(word: string): boolean {
  return /ing$/i.test(word);
}

/** Nouns of a statement that can stand for the speaker's channel: "in a statement", "in an interview". */
export const CHANNEL_NOUNS = new Set([
  'statement',
  'interview',
  'tweet',
  'post',
  'letter',
  'speech',
  'briefing',
  'email',
  'memo',
  'message',
  'video',
  'op-ed',
  'column',
  'remarks',
  'release',
]);
