// The little XML the gold sets need (TimeML, PETRARCH records): attributes of a start tag and character references,
// decoded and encoded by the entities package.

import { decodeXML, escapeUTF8 } from 'entities';

export { decodeXML as decodeEntities, escapeUTF8 as encodeEntities };

/** The attributes of one start tag, in any order, with single or double quotes, their values decoded. */
export function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs[m[1] as string] = decodeXML(m[2] ?? m[3] ?? '');
  }
  return attrs;
}
