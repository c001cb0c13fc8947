import { describe, expect, it } from 'vitest';
import {
  BANDS,
  bandKeys,
  NEAR_DUPLICATE_THRESHOLD,
  NUM_HASHES,
  shingles,
  signature,
  signatureBytes,
  signatureFromBytes,
  similarity,
} from './minhash.js';

const STORY = `Envoys from the warring parties returned to the capital on Wednesday to resume ceasefire talks, two weeks
after the previous round ended without agreement, mediators said. The talks are being hosted by a group of neighbouring
states, whose foreign ministers have shuttled between the delegations since the fighting flared again in the spring. A
mediator said the main obstacles remained the withdrawal of heavy weapons from the front line and the release of
prisoners held by both sides. Humanitarian agencies have urged the parties to agree at least a temporary truce so that
food convoys can reach towns cut off for more than a month.`;

const OTHER = `The central bank kept its main interest rate unchanged on Tuesday, saying inflation was easing more slowly
than it had expected, while two of the seven board members voted for a cut and markets had priced in a hold.`;

function jaccard(a: string, b: string): number {
  const x = new Set(shingles(a));
  const y = new Set(shingles(b));
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  return both / (x.size + y.size - both);
}

describe('minhash', () => {
  it('gives 1 for the same words whatever the layout and case, and about 0 for another story', () => {
    const a = signature(STORY)!;
    expect(similarity(a, signature(STORY.toUpperCase().replace(/\n/g, '\n\n'))!)).toBe(1);
    expect(similarity(a, signature(OTHER)!)).toBeLessThan(0.1);
  });

  it('estimates the Jaccard similarity of shingles, and a copy with a few words changed stays over the threshold', () => {
    const edited = STORY.replace('resume', 'restart')
      .replace('previous', 'last')
      .replace('remained', 'were still')
      .concat(' This story was supplied by a news agency.');
    const truth = jaccard(STORY, edited);
    const estimate = similarity(signature(STORY)!, signature(edited)!);
    // 128 hashes: the standard error is about sqrt(J(1-J)/128) < 0.045.
    expect(Math.abs(estimate - truth)).toBeLessThan(0.15);
    expect(truth).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
    expect(estimate).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it('finds near copies through shared bands, and rarely an unrelated text', () => {
    const edited = STORY.replace('Wednesday', 'Thursday');
    const shared = (x: string, y: string) => {
      const a = new Set(bandKeys(signature(x)!));
      return bandKeys(signature(y)!).filter((k) => a.has(k)).length;
    };
    expect(shared(STORY, edited)).toBeGreaterThan(BANDS / 2);
    expect(shared(STORY, OTHER)).toBe(0);
    expect(bandKeys(signature(STORY)!)).toHaveLength(BANDS);
  });

  it('handles texts shorter than a shingle and texts without words', () => {
    expect(signature('Talks resume.')).not.toBeNull();
    expect(similarity(signature('Talks resume.')!, signature('talks, RESUME!')!)).toBe(1);
    expect(signature('  … — !!')).toBeNull();
  });

  it('round-trips a signature through bytes', () => {
    const sig = signature(STORY)!;
    const bytes = signatureBytes(sig);
    expect(bytes.byteLength).toBe(NUM_HASHES * 4);
    expect(Array.from(signatureFromBytes(bytes))).toEqual(Array.from(sig));
  });
});
