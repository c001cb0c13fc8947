// Admitting a parsed document into the store: an exact copy (content hash) or a page already stored under one of
// its URLs is a duplicate; a near-duplicate (syndicated copy) is stored, linked to its original and marked, so
// that it is not counted as separate evidence.

import type { Doc } from '../../document/index.js';
import type { Pipeline, PipelineConfig } from '../../pipeline/runner.js';
import type { Store } from '../../store/store.js';
import {
  bandKeys,
  METHOD,
  NEAR_DUPLICATE_THRESHOLD,
  signature,
  signatureBytes,
  signatureFromBytes,
  similarity,
} from './minhash.js';

export interface AdmitContext {
  store: Store;
  pipeline: Pipeline;
  config: PipelineConfig;
}

export interface NearDuplicate {
  id: number;
  similarity: number;
}

export interface AdmitResult {
  status: 'stored' | 'duplicate';
  id: number;
  nearDuplicateOf?: NearDuplicate;
}

export const NEAR_DUPLICATE_CODE = 'DYAD_I_NEAR_DUPLICATE';

/** The most similar stored document at or over the threshold, or null. */
export async function findNearDuplicate(
  store: Store,
  sig: Uint32Array,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): Promise<NearDuplicate | null> {
  let best: NearDuplicate | null = null;
  for (const c of await store.nearDuplicateCandidates(bandKeys(sig), { limit: 50 })) {
    const s = similarity(sig, signatureFromBytes(c.signature));
    if (s >= threshold && (!best || s > best.similarity || (s === best.similarity && c.id < best.id))) {
      best = { id: c.id, similarity: s };
    }
  }
  return best;
}

/** Runs the pipeline on a new document and stores it; duplicates are neither annotated nor stored again. */
export async function admitDoc(
  doc: Doc,
  ctx: AdmitContext,
  options: { urls?: readonly string[] } = {},
): Promise<AdmitResult> {
  const { store, pipeline, config } = ctx;
  const urls = options.urls ?? [];
  const byHash = await store.findByHash(doc.meta.contentHash);
  if (byHash !== null) {
    // The copy is not stored again, but the URLs that led to it are, so that they are known before fetching.
    if (urls.length > 0) await store.putDoc(doc, config, { urls });
    return { status: 'duplicate', id: byHash };
  }
  for (const url of urls) {
    const byUrl = await store.findByUrl(url);
    if (byUrl !== null) return { status: 'duplicate', id: byUrl };
  }

  const sig = signature(doc.text);
  const near = sig ? await findNearDuplicate(store, sig) : null;
  if (near) {
    doc.messages.push({
      level: 'info',
      code: NEAR_DUPLICATE_CODE,
      message: `a near-duplicate of article ${near.id} (similarity ${near.similarity.toFixed(2)}): the same story, not separate evidence`,
      stage: 'ingest',
    });
  }
  pipeline.run(doc);
  const put = await store.putDoc(doc, config, {
    urls,
    ...(sig ? { fingerprint: { signature: signatureBytes(sig), bands: bandKeys(sig) } } : {}),
    ...(near ? { nearDuplicateOf: { ...near, method: METHOD } } : {}),
  });
  return {
    status: put.status,
    id: put.id,
    ...(near && put.status === 'stored' ? { nearDuplicateOf: near } : {}),
  };
}
