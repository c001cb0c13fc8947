// Markdown articles: the first level-1 heading is the title, later headings are subheadings, an emphasised
// "By …" line is the byline, and inline markup (links, emphasis, code) is reduced to its text.

import { decodeHTML } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';
import type { ArticleDraft, DraftParagraph } from '../draft.js';
import { siteOf } from '../draft.js';
import { parseByline, parseLayout } from './layout.js';

export function parseMarkdown(text: string, origin: string | null): ArticleDraft {
  const tokens = new Lexer().lex(text);
  // Re-express the document as plain text blocks, then reuse the plain-text layout rules for the body
  // (dateline, trailers), keeping headings that Markdown marks explicitly.
  const paragraphs: DraftParagraph[] = [];
  let title: string | null = null;
  let bylineText: string | null = null;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const t = inlineText((token as Tokens.Heading).tokens);
      if ((token as Tokens.Heading).depth === 1 && title === null && paragraphs.length === 0) title = t;
      else paragraphs.push({ text: t, kind: 'heading' });
    } else if (token.type === 'paragraph') {
      const t = inlineText((token as Tokens.Paragraph).tokens).replace(/\s*\n\s*/g, ' ');
      if (bylineText === null && paragraphs.length === 0 && parseByline(t)) bylineText = t;
      else paragraphs.push({ text: t, kind: 'body' });
    } else if (token.type === 'blockquote') {
      for (const inner of (token as Tokens.Blockquote).tokens) {
        if (inner.type === 'paragraph')
          paragraphs.push({ text: inlineText(inner.tokens ?? []), kind: 'body' });
      }
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) {
        paragraphs.push({ text: inlineText(item.tokens).replace(/\s*\n\s*/g, ' '), kind: 'body' });
      }
    }
  }
  // Body rules (dateline, trailers) run over the body paragraphs as plain text; headings are kept as marked.
  const body = parseLayout(paragraphs.map((p) => p.text).join('\n\n'), {
    origin,
    header: false,
    format: 'markdown',
  });
  const kinds = new Map(paragraphs.map((p) => [p.text, p.kind] as const));
  body.paragraphs = body.paragraphs.map((p) => ({ text: p.text, kind: kinds.get(p.text) ?? 'body' }));
  body.title = title;
  if (bylineText) {
    const byline = parseByline(bylineText);
    if (byline) {
      body.authors = byline.authors;
      body.url = byline.url;
      body.site = byline.site ?? siteOf(byline.url);
      if (byline.rest) body.dateHints = [byline.rest];
    }
  }
  return body;
}

function inlineText(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) out += inlineText(t.tokens);
    else if (t.type === 'br') out += ' ';
    else if (t.type === 'image') out += '';
    else if ('text' in t && typeof t.text === 'string') out += decodeHTML(t.text);
  }
  return out.trim();
}
