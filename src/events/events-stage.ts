// The "events" stage: codes each sentence's events over the actor, timex and place layers and fills doc.events.

import type { Doc } from '../document/index.js';
import { kbLayerDirs } from '../kb/index.js';
import type { Context } from '../pipeline/context.js';
import type { Stage } from '../pipeline/stage.js';
import { type CameoTable, loadCameoTable } from './cameo.js';
import { EventCoder } from './coder.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { buildRecords } from './record.js';

export interface EventResources {
  lexicon: Lexicon;
  cameo: CameoTable;
  coder: EventCoder;
}

/** Loads the CAMEO table and the event lexicon of the built-in KB and every KB layer above it. */
export function loadEventResources(options: { kbPaths?: readonly string[] } = {}): EventResources {
  const [builtin, ...layers] = kbLayerDirs(options.kbPaths ? { kbPaths: options.kbPaths } : {});
  const cameo = loadCameoTable(builtin as string);
  const lexicon = loadLexicon(builtin as string, layers);
  return { lexicon, cameo, coder: new EventCoder({ lexicon, cameo }) };
}

export function eventResources(ctx: Context): EventResources {
  return ctx.resource('events.resources', () => {
    const provided = ctx.options.eventResources as EventResources | undefined;
    const r = provided ?? loadEventResources(ctx.options.kbPaths ? { kbPaths: ctx.options.kbPaths } : {});
    ctx.setVersion('event-lexicon', r.lexicon.version);
    ctx.setVersion('cameo', `${r.cameo.size} codes`);
    return r;
  });
}

/** Codes a document's events with loaded resources (the stage's body, usable without a pipeline). */
export function codeEvents(doc: Doc, resources: EventResources): Doc {
  const coded = resources.coder.codeDoc(doc);
  doc.events = buildRecords(doc, coded, resources.cameo);
  return doc;
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentences', 'tokens', 'mentions', 'actors'],
  adds: ['events'],
  load(ctx) {
    eventResources(ctx);
  },
  run(doc, ctx) {
    codeEvents(doc, eventResources(ctx));
  },
};
