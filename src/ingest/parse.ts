// Input → Docs: picks the reader for an input's format (by extension, or by sniffing standard input), resolves
// each article's publication date and fixes its text. One input may hold many articles (JSON Lines).

import type { Doc } from '../document/index.js';
import { DyadError, toDyadError } from '../errors.js';
import { type ArticleDraft, buildDoc } from './draft.js';
import { looksLikeHtml, parseHtml } from './html/parse-html.js';
import { type DateContext, resolvePublished } from './published.js';
import type { Input } from './sources.js';
import { decode } from './text/decode.js';
import { parseLayout } from './text/layout.js';
import { parseMarkdown } from './text/markdown.js';
import { parseJsonDocument, parseJsonLines, type RecordResult } from './text/records.js';

export interface ParseOptions {
  date?: DateContext['option'];
  /** Force an input encoding instead of detecting it. */
  encoding?: string;
}

export interface ParsedItem {
  origin: string;
  line?: number;
  doc?: Doc;
  error?: DyadError;
}

export type InputFormat = 'text' | 'markdown' | 'json' | 'jsonl' | 'html';

export function formatOf(input: Input, text: string): InputFormat {
  switch (input.ext) {
    case '.html':
    case '.htm':
      return 'html';
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.json':
      return 'json';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '':
      return sniff(text);
    default:
      return 'text';
  }
}

/** Standard input and extension-less files: JSON by their first character, Markdown by a leading "# ". */
function sniff(text: string): InputFormat {
  const head = text.trimStart();
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const lines = head.split('\n').filter((l) => l.trim());
    return lines.length > 1 && lines.every((l) => l.trim().startsWith('{')) ? 'jsonl' : 'json';
  }
  if (/^#\s/.test(head)) return 'markdown';
  if (head.startsWith('<')) return 'html';
  return 'text';
}

/** HTML is decoded from its bytes by its own rules (declared charset), so it is recognised before decoding. */
function isHtml(input: Input): boolean {
  return input.ext === '.html' || input.ext === '.htm' || (input.ext === '' && looksLikeHtml(input.bytes));
}

export function parseInput(input: Input, options: ParseOptions = {}): ParsedItem[] {
  const origin = input.origin;
  let records: RecordResult[];
  try {
    if (isHtml(input)) {
      const { draft } = parseHtml(input.bytes, {
        origin,
        ...(options.encoding ? { encoding: options.encoding } : {}),
      });
      records = [{ line: 0, draft }];
    } else {
      const { text, encoding, detected } = decode(input.bytes, {
        origin,
        ...(options.encoding ? { encoding: options.encoding } : {}),
      });
      const format = formatOf(input, text);
      if (format === 'json') records = parseJsonDocument(text, origin);
      else if (format === 'jsonl') records = parseJsonLines(text, origin);
      else {
        const draft =
          format === 'markdown' ? parseMarkdown(text, origin) : parseLayout(text, { origin, header: true });
        records = [{ line: 0, draft }];
      }
      if (detected) {
        for (const r of records) {
          r.draft?.messages.push({
            level: 'info',
            code: 'DYAD_I_ENCODING',
            message: `decoded as ${encoding} (detected)`,
            stage: 'ingest',
          });
        }
      }
    }
  } catch (e) {
    return [{ origin, error: toDyadError(e, 'DYAD_E_INPUT', origin) }];
  }
  return records.map((r): ParsedItem => {
    const at = r.line > 0 ? { line: r.line } : {};
    if (r.error || !r.draft)
      return { origin, ...at, error: r.error ?? toDyadError('no article', 'DYAD_E_RECORD') };
    const doc = finishDraft(r.draft, { option: options.date, mtime: input.mtime, file: origin });
    if (doc.text.length === 0) {
      return {
        origin,
        ...at,
        error: new DyadError('DYAD_E_EMPTY', 'the article has no body text', { origin, ...at }),
      };
    }
    return { origin, ...at, doc };
  });
}

function finishDraft(draft: ArticleDraft, dates: DateContext): Doc {
  resolvePublished(draft, dates);
  return buildDoc(draft);
}
