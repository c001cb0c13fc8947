// dyad explain DOCID:EVENTID [--db PATH] [--json] | dyad explain --file FILE [--date D]: why an event was coded.

import type { Command } from 'commander';
import { analyzeFile } from '../../annotate.js';
import type { Doc } from '../../document/index.js';
import { DyadError } from '../../errors.js';
import { loadEventResources } from '../../events/events-stage.js';
import { type Explanation, explainEvent, findEvent, parseEventRef } from '../../events/explain.js';
import { parseDateOption } from '../../ingest/published.js';
import { type DbOptions, run, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';

interface ExplainOptions extends DbOptions {
  file?: string;
  date?: string;
  json?: boolean;
  color?: boolean;
}

function actor(a: Explanation['event']['source']): string {
  return a ? `${a.name} (${a.code || '—'})` : '—';
}

export function formatExplanation(x: Explanation): string {
  const e = x.event;
  const lines = [
    `${x.ref}  ${e.code} ${x.label}`,
    `  ${x.marked}`,
    `  rule       ${x.rule.id}${x.rule.pattern ? `  ${x.rule.pattern}` : ''}`,
    ...x.rule.notes.map((n) => `             + ${n}`),
    `  source     ${actor(e.source)}`,
    `  target     ${actor(e.target)}`,
    `  CAMEO      ${e.code} (root ${e.root}), QuadClass ${e.quadClass}, Goldstein ${e.goldstein}`,
    `  PLOVER     ${e.plover.type || '(none)'}${e.plover.mode ? ` / ${e.plover.mode}` : ''}`,
    `  date       ${e.date ? `${e.date.value} (${e.date.granularity})` : '—'}`,
    `  place      ${e.place ? `${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : '—'}`,
    `  negated    ${e.negated ? 'yes' : 'no'}${e.modality ? `, modality ${e.modality}` : ''}`,
    `  mentions   ${e.mentions}, confidence ${e.confidence}`,
  ];
  return lines.join('\n');
}

async function fromFile(file: string, date: string | undefined): Promise<Doc> {
  const items = await analyzeFile(file, date ? { date } : {});
  const doc = items.find((i) => i.doc)?.doc;
  if (!doc)
    throw items[0]?.error ?? new DyadError('DYAD_E_EMPTY', 'the file gave no article', { origin: file });
  return doc;
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show why an event was coded: its sentence with the evidence marked, the rule and the codes')
    .argument(
      '[event]',
      'DOCID:EVENTID of a stored article (see dyad show --json), or an event id with --file',
    )
    .option('--file <file>', 'explain the events of an article file instead of a stored one')
    .option('--date <date>', 'publication date to assume with --file (YYYY-MM-DD)')
    .option('--json', 'print the explanations as JSON')
    .option('--no-color', 'mark evidence with [[ ]] even on a terminal')
    .option('--db <path>', 'database file or postgres:// URL (default ./dyad.db or $DYAD_DB)')
    .action((ref: string | undefined, options: ExplainOptions) =>
      run(async () => {
        const tty = process.stdout.isTTY && options.color !== false && !process.env.NO_COLOR;
        const marks = tty ? { open: '\x1b[1;33m', close: '\x1b[0m' } : { open: '[[', close: ']]' };
        let doc: Doc;
        let eventIds: string[];
        if (options.file) {
          doc = await fromFile(options.file, parseDateOption(options.date));
          eventIds = ref
            ? [ref.includes(':') ? (ref.split(':')[1] as string) : ref]
            : doc.events.map((e) => e.id);
        } else {
          if (!ref) throw new DyadError('DYAD_E_USAGE', 'name an event (DOCID:EVENTID) or an article --file');
          const { docId, eventId } = parseEventRef(ref);
          const stored = await withStore(options, (store) => store.getDoc(docId));
          if (!stored) throw new DyadError('DYAD_E_NOT_FOUND', `no article with id ${docId}`);
          doc = stored;
          eventIds = [eventId];
        }
        const { cameo } = loadEventResources();
        const explanations = eventIds.map((id) =>
          explainEvent(doc, findEvent(doc, id), cameo, options.json ? {} : marks),
        );
        if (options.json)
          printJson(explanations.length === 1 && !options.file ? explanations[0] : explanations);
        else if (explanations.length === 0) process.stdout.write('no events coded\n');
        else process.stdout.write(`${explanations.map(formatExplanation).join('\n\n')}\n`);
        return EXIT.OK;
      }),
    );
}
