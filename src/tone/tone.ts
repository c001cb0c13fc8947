// Document tone on GDELT's scale: (positive words − negative words) / all words × 100, counted with the AFINN
// lexicon of the `sentiment` package (which also flips a word's polarity after a negator: "not good").

import Sentiment from 'sentiment';

export type ToneAnalyzer = Sentiment;

export function createToneAnalyzer(): ToneAnalyzer {
  return new Sentiment();
}

export interface ToneScore {
  /** −100 … +100; 0 for a text without words. */
  tone: number;
  positive: number;
  negative: number;
  words: number;
}

export function toneOf(analyzer: ToneAnalyzer, text: string): ToneScore {
  const r = analyzer.analyze(text);
  const words = r.tokens.filter((t) => /\p{L}/u.test(t)).length;
  const positive = r.positive.length;
  const negative = r.negative.length;
  const tone = words === 0 ? 0 : Number((((positive - negative) / words) * 100).toFixed(4));
  return { tone, positive, negative, words };
}
