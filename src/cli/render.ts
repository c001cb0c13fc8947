// Human-readable views of a Doc for `analyze` and `show`.

import type { Doc } from '../document/index.js';
import { formatTable, terminalWidth } from './output.js';

function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export function renderDoc(doc: Doc, options: { text?: boolean } = {}): string {
  const width = Math.min(terminalWidth(), 100);
  const m = doc.meta;
  const out: string[] = [];
  out.push(m.title ?? '(untitled)');
  const facts: [string, string | null][] = [
    ['id', doc.id === null ? null : String(doc.id)],
    ['site', m.site],
    ['url', m.url],
    ['authors', m.authors.join(', ') || null],
    ['published', m.published ? `${m.published} (${m.dateSource})` : `unknown (${m.dateSource})`],
    ['dateline', m.dateline],
    ['standfirst', m.standfirst],
    ['truncated', m.truncated ? 'yes (an excerpt)' : null],
    ['origin', m.origin ? `${m.origin} (${m.format})` : null],
  ];
  for (const [k, v] of facts) if (v) out.push(`  ${k.padEnd(11)}${v}`);
  out.push(
    `  ${'layers'.padEnd(11)}${doc.paragraphs.length} paragraphs, ${doc.sentences.length} sentences, ${doc.tokens.length} tokens, ` +
      `${doc.actors.length} actors, ${doc.events.length} events, ${doc.quotes.length} quotes`,
  );
  if (options.text !== false) {
    out.push('');
    for (const p of doc.paragraphs) {
      const t = doc.spanText(p);
      out.push(p.kind === 'heading' ? `## ${t}` : wrap(t, width));
      out.push('');
    }
  }
  if (doc.actors.length > 0) {
    out.push('Actors');
    out.push(
      formatTable(doc.actors, [
        { header: 'code', value: (a) => a.code || '—' },
        { header: 'name', value: (a) => a.name },
        { header: 'type', value: (a) => a.type },
        { header: 'mentions', value: (a) => a.mentions.map((x) => x.text).join(' | '), flex: true },
      ]),
    );
    out.push('');
  }
  if (doc.messages.length > 0) {
    out.push('Messages');
    for (const msg of doc.messages) out.push(`  ${msg.level} ${msg.code} [${msg.stage}] ${msg.message}`);
  }
  return out.join('\n').trimEnd();
}
