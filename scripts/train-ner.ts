// Trains Dyad's NER model on CoNLL-2003 eng.train and writes models/ner-conll2003.bin.gz (deterministic: the
// same data, KB and options give the same bytes). Usage: npm run train:ner [-- --epochs N --threshold X
// --scheme BIO|BILOU --no-gazetteer --dev FILE --out FILE --each]

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readConll } from '../src/eval/conll.js';
import { scoreNer } from '../src/eval/ner.js';
import { DEFAULT_FEATURES } from '../src/nlp/ner/features.js';
import { loadGazetteerLists } from '../src/nlp/ner/gazetteer.js';
import { decodeModel, encodeModel, type ModelData } from '../src/nlp/ner/model-file.js';
import { Tagger } from '../src/nlp/ner/tagger.js';
import { tagsToSpans } from '../src/nlp/ner/tags.js';
import { trainNer } from '../src/nlp/ner/train.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: path.resolve(root, '../shared/eval/conll2003/eng.train') },
    dev: { type: 'string', default: path.resolve(root, '../shared/eval/conll2003/eng.testa') },
    out: { type: 'string', default: path.join(root, 'models/ner-conll2003.bin.gz') },
    kb: { type: 'string', default: path.join(root, 'kb') },
    epochs: { type: 'string', default: '10' },
    threshold: { type: 'string', default: '0.5' },
    quantum: { type: 'string', default: '0.01' },
    scheme: { type: 'string', default: 'BILOU' },
    seed: { type: 'string', default: '20030' },
    window: { type: 'string', default: String(DEFAULT_FEATURES.window) },
    affixes: { type: 'string', default: String(DEFAULT_FEATURES.affixes) },
    'no-bigrams': { type: 'boolean', default: false },
    'no-gazetteer': { type: 'boolean', default: false },
    'no-lexicon': { type: 'boolean', default: false },
    'no-neighbour-affixes': { type: 'boolean', default: false },
    'no-wide-bigrams': { type: 'boolean', default: false },
    'lexicon-min': { type: 'string', default: '2' },
    each: { type: 'boolean', default: false },
  },
});

const scheme = values.scheme === 'BIO' ? 'BIO' : 'BILOU';
const features = {
  affixes: Number(values.affixes),
  window: Number(values.window),
  bigrams: !values['no-bigrams'],
  gazetteer: !values['no-gazetteer'],
  lexicon: !values['no-lexicon'],
  neighbourAffixes: !values['no-neighbour-affixes'],
  wideBigrams: !values['no-wide-bigrams'],
};
const gazetteer = features.gazetteer ? loadGazetteerLists(values.kb) : {};
const train = readConll(values.train).map((s) => ({ words: s.words, spans: tagsToSpans(s.tags) }));
const dev = readConll(values.dev);
const devGold = dev.map((s) => tagsToSpans(s.tags));

function evaluate(model: ModelData): { f1: number; perType: Record<string, number> } {
  const tagger = new Tagger(model);
  const score = scoreNer(dev.map((s, i) => ({ gold: devGold[i] ?? [], pred: tagger.spans(s.words) })));
  const perType: Record<string, number> = {};
  for (const [type, p] of Object.entries(score.perType)) perType[type] = Number(p.f1.toFixed(4));
  return { f1: Number(score.f1.toFixed(4)), perType };
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const gazSizes = Object.fromEntries(Object.entries(gazetteer).map(([k, v]) => [k, v.length]));
log(`train: ${train.length} sentences; scheme ${scheme}; features ${JSON.stringify(features)}`);
log(`gazetteer: ${JSON.stringify(gazSizes)}`);
const started = performance.now();
const options = {
  scheme,
  features,
  gazetteer,
  lexiconMin: Number(values['lexicon-min']),
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  threshold: Number(values.threshold),
  quantum: Number(values.quantum),
  info: {
    trainedOn: 'CoNLL-2003 eng.train',
    model: 'averaged perceptron, first-order Viterbi',
    epochs: Number(values.epochs),
    seed: Number(values.seed),
    threshold: Number(values.threshold),
    gazetteer: gazSizes,
  },
} as const;
const model = trainNer(train, {
  ...options,
  scheme,
  onEpoch: (epoch, snapshot, mistakes, tokens) => {
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    const dev = values.each ? ` dev F1 ${JSON.stringify(evaluate(snapshot()))}` : '';
    log(`epoch ${epoch}: ${((100 * mistakes) / tokens).toFixed(2)}% mistakes, ${secs}s${dev}`);
  },
});
const bytes = encodeModel(model);
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, bytes);
const loaded = decodeModel(bytes);
log(
  `wrote ${values.out}: ${loaded.keys.length} features, ${(bytes.length / 1024 / 1024).toFixed(2)} MB; dev ${JSON.stringify(evaluate(loaded))}`,
);
