// The "timex" stage: the date and time expressions of a document, resolved against its publication date (or
// the pipeline's --date when the document states none).

import type { Timex } from '../document/index.js';
import type { Stage } from '../pipeline/stage.js';
import { findTimexes } from './timex.js';

export const timexStage: Stage = {
  name: 'timex',
  requires: ['text', 'meta'],
  adds: ['timexes'],
  run(doc, ctx) {
    const anchor = doc.meta.published ?? (typeof ctx.options.date === 'string' ? ctx.options.date : null);
    doc.timexes = findTimexes(doc.text, anchor).map(
      (t): Timex => ({
        start: t.start,
        end: t.end,
        text: t.text,
        value: t.value,
        granularity: t.granularity,
        type: t.type,
        rule: t.rule,
      }),
    );
  },
};
