// Reader for the CoNLL-2003 NER format (`word POS chunk tag` per line, blank lines between sentences,
// `-DOCSTART-` lines between documents) and writer of conlleval's `word gold pred` prediction files.

import { readFileSync } from 'node:fs';
import { DyadError } from '../errors.js';
import { iob1ToBio } from '../nlp/ner/tags.js';

export interface ConllSentence {
  words: string[];
  /** The file's tags as written (CoNLL-2003 uses IOB1). */
  tags: string[];
  /** Index of the document the sentence belongs to (counted by -DOCSTART- lines). */
  doc: number;
  /** 1-based line of the sentence's first token. */
  line: number;
}

/** Parses CoNLL text. Only the first column (word) and last column (tag) are read. */
export function parseConll(text: string, origin = '<text>'): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let doc = 0;
  let first = 0;
  const flush = () => {
    if (words.length > 0) sentences.push({ words, tags, doc, line: first });
    words = [];
    tags = [];
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] as string).trim();
    if (line === '') {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      if (sentences.length > 0) doc++;
      continue;
    }
    if (cols.length < 2) {
      throw new DyadError('DYAD_E_EVAL_DATA', `expected "word … tag", got ${JSON.stringify(line)}`, {
        origin,
        line: n + 1,
      });
    }
    if (words.length === 0) first = n + 1;
    words.push(cols[0] as string);
    tags.push(cols[cols.length - 1] as string);
  }
  flush();
  return sentences;
}

export function readConll(file: string): ConllSentence[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'cannot read the CoNLL file', { origin: file, cause: e });
  }
  return parseConll(text, file);
}

/** The sentence's tags in BIO (every entity starts with B-). */
export function bioTags(sentence: ConllSentence): string[] {
  return iob1ToBio(sentence.tags);
}

/** conlleval input: `word gold pred` per token, a blank line after each sentence. */
export function formatPredictions(
  sentences: readonly { words: readonly string[]; gold: readonly string[]; pred: readonly string[] }[],
): string {
  const out: string[] = [];
  for (const s of sentences) {
    for (let i = 0; i < s.words.length; i++) out.push(`${s.words[i]} ${s.gold[i]} ${s.pred[i]}`);
    out.push('');
  }
  return out.join('\n');
}
