// The knowledge base: loading its layers, looking names up, codes by date, and importing PETRARCH dictionaries.

import type { Context } from '../pipeline/context.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { loadKnowledgeBase } from './load.js';

export type { KbEntry, KbEntryKind, KbLookup, OfficeHolding, OfficeQuery } from './knowledge-base.js';
export { KnowledgeBase, OFFICE_GRACE_DAYS, roleKey } from './knowledge-base.js';
export {
  BUILTIN_KB_DIR,
  DEFAULT_USER_KB_DIR,
  kbLayerDirs,
  type LoadKbOptions,
  loadKnowledgeBase,
} from './load.js';
export { caseClassOf, phraseWords, splitToken, wordKey } from './phrase.js';
export type * from './types.js';

/** The pipeline's knowledge base, loaded once per context from the built-in KB and ctx.options.kbPaths. */
export function kbResource(ctx: Context): KnowledgeBase {
  return ctx.resource('kb', () => {
    const kb = loadKnowledgeBase(ctx.options.kbPaths ? { kbPaths: ctx.options.kbPaths } : {});
    ctx.setVersion('kb', kb.version);
    return kb;
  });
}
