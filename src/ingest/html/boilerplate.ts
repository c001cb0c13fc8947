// Boilerplate rules: what to cut from a page before the article is looked for (cookie banners, newsletter and
// subscribe boxes, share bars, related-article lists, captions, navigation, hidden elements), and which short
// paragraphs of an extracted text are page furniture rather than article ("Read more", "Share this", credits).

import { type DomElement, type DomNode, elementsUnder, isElement, linkDensity, textOf } from './dom.js';

/** Removed from the HTML text before parsing: they hold no article text and dominate parse time on heavy pages. */
const INERT_RE =
  /<script\b([^>]*)>([\s\S]*?)<\/script\b[^>]*>|<style\b[^>]*>[\s\S]*?<\/style\b[^>]*>|<noscript\b[^>]*>[\s\S]*?<\/noscript\b[^>]*>|<svg\b[^>]*>[\s\S]*?<\/svg\b[^>]*>|<!--[\s\S]*?-->|<template\b[^>]*>[\s\S]*?<\/template\b[^>]*>|<(select|iframe|button|textarea|video|audio|canvas|object|picture)\b[^>]*>[\s\S]*?<\/\3\b[^>]*>/gi;

/**
 * Cuts scripts, styles, <noscript>, inline SVG, comments and templates from the HTML text. A script that is an
 * HTML template (type text/template or text/html) and holds paragraphs is kept as a <div>: some sites ship
 * their article that way and render it on load.
 */
export function stripInert(html: string): string {
  const out = html.replace(INERT_RE, (_match, attrs: string | undefined, body: string | undefined) => {
    if (
      attrs !== undefined &&
      body &&
      /type\s*=\s*["']?text\/(?:template|html|x-template)/i.test(attrs) &&
      /^\s*</.test(body) &&
      /<p[\s>]/i.test(body)
    )
      return `<div>${body}</div>`;
    return ' ';
  });
  // linkedom makes an object for every attribute and every text node: attributes no rule reads and white space
  // between block tags (which renders as nothing) are dropped before parsing, about a third of all nodes.
  return out.replace(IDLE_ATTRIBUTE, '').replace(IDLE_STYLE, '').replace(BLOCK_GAP, '$1');
}

const IDLE_ATTRIBUTE =
  /\s(?:data-(?!(?:datetime|date|utime)\b)[\w.:-]*|on[a-z]+|srcset|sizes|width|height|target|loading|decoding|tabindex|aria-(?!hidden\b)[\w-]+|jsaction|jsname|jscontroller|xmlns(?::\w+)?|border|cellpadding|cellspacing|valign|align|bgcolor|color|face|size|frameborder|allow(?:fullscreen)?|crossorigin|integrity|referrerpolicy|fetchpriority|draggable|spellcheck|autocomplete|ping|alt|src|poster|placeholder|nonce|hreflang|itemtype|itemscope|colspan|rowspan|media|for|action|method|preload|autoplay|playsinline)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+)(?=[\s/>])/gi;

/** Inline styles, except those that hide an element (the rules read display and visibility). */
const IDLE_STYLE =
  /\sstyle\s*=\s*(?:"(?![^"]*(?:display|visibility))[^"]*"|'(?![^']*(?:display|visibility))[^']*')/gi;

const BLOCK =
  'div|p|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|section|article|header|footer|nav|aside|main|figure|form|fieldset|blockquote|h[1-6]|head|body|html|meta|link|title|option|select|hr|br|img';
const BLOCK_GAP = new RegExp(`(<\\/?(?:${BLOCK})\\b[^<>]*>)\\s+(?=<\\/?(?:${BLOCK})\\b)`, 'gi');

/** Elements never part of an article's text. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'input',
  'textarea',
  'object',
  'embed',
  'canvas',
  'dialog',
  'figcaption',
  'map',
  'audio',
  'video',
  'link',
  'meta',
]);

/** Page structure that is furniture unless it turns out to hold the article. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);

const DROP_ROLES = new Set([
  'navigation',
  'banner',
  'complementary',
  'contentinfo',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'search',
  'toolbar',
]);

/**
 * Class and id words (split on - _ and spaces) that mark page furniture. Whole words, so "share" does not hit
 * "shared-content".
 */
const FURNITURE_WORDS = new Set([
  'cookie',
  'cookies',
  'cookiebanner',
  'consent',
  'gdpr',
  'cmp',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'paywall',
  'share',
  'shares',
  'sharing',
  'sharebar',
  'shariff',
  'sharedaddy',
  'social',
  'socials',
  'socialmedia',
  'related',
  'recommended',
  'recommendations',
  'readmore',
  'moretext',
  'promo',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'adslot',
  'adsense',
  'sponsored',
  'outbrain',
  'taboola',
  'breadcrumb',
  'breadcrumbs',
  'comments',
  'comment',
  'commentlist',
  'disqus',
  'sidebar',
  'widget',
  'widgets',
  'popup',
  'modal',
  'overlay',
  'toolbar',
  'caption',
  'credit',
  'credits',
  'copyright',
  'pagination',
  'pager',
  'skiplink',
  'rating',
  'authorbio',
  'tags',
  'tagcloud',
  'teaser',
  'teasers',
  'navigation',
  'navbar',
  'menu',
  'footer',
  'masthead',
  'banner',
]);

/** Furniture names written as compounds. */
const COMPOUND_FURNITURE =
  /wp-caption-text|skip-?(?:link|to|nav)|print-?(?:button|link|icon|page|version|only|header|footer|logo|info)|author-?(?:bio|box|info|about|card|profile)|about-?(?:the-?)?author|read-?more|more-?link|post-?tags|tag-?list|related-?(?:posts|articles|content|stories)|social-?(?:links|media|icons)|share-?(?:buttons|tools|bar)|newsletter-?(?:box|signup|teaser)|cookie-?(?:notice|banner|consent|bar)|post-?meta-?footer|entry-?footer|comment-?(?:form|list|respond)|sharedaddy|jp-relatedposts|yarpp/;

/** Consent managers go by many names; these fragments are in all of them ("BorlabsCookie", "CybotCookiebotDialog"). */
const CONSENT =
  /cookie|consent|gdpr|didomi|onetrust|usercentrics|truste|cmpbox|privacy-?(?:banner|notice|manager)/;

/** Class/id words that mark the article itself: an element carrying one is never dropped by its class. */
const ARTICLE_WORDS =
  /(?:^|[-_\s])(?:article|articlebody|entry|post|story|content|main|body|text|hentry)(?:$|[-_\s])/i;

function furniture(el: DomElement): boolean {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return false;
  const label = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
  let hit = false;
  for (const word of label.split(/[\s_-]+/)) {
    if (FURNITURE_WORDS.has(word)) {
      hit = true;
      break;
    }
  }
  if (!hit && !COMPOUND_FURNITURE.test(label) && !CONSENT.test(label)) return false;
  // "article-share" names a share bar inside an article; "article-body comments-enabled" names the body.
  if (
    ARTICLE_WORDS.test(label) &&
    !/share|social|related|newsletter|cookie|consent|caption|comment/.test(label)
  )
    return false;
  return true;
}

function consentBox(el: DomElement): boolean {
  return CONSENT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase());
}

function hidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** What marks an element as (holding) the article: it is kept whatever its class says. */
const ARTICLE_CLASS =
  /(?:^|\s)(?:hentry|post-body|entry-content|article-body|article-content|post-content|story-body)(?:\s|$)/;

function marksArticle(el: DomElement): boolean {
  if (el.localName === 'h1' || el.localName === 'article') return true;
  const prop = el.getAttribute('itemprop');
  if (prop?.includes('articleBody')) return true;
  const cls = el.getAttribute('class');
  return cls !== null && ARTICLE_CLASS.test(cls);
}

/** A block that holds the article, or the bulk of a page's prose, is kept whatever its name says. */
function holdsArticle(el: DomElement, strong: boolean): boolean {
  for (const inner of elementsUnder(el)) if (marksArticle(inner)) return true;
  // A consent box is long (lists of cookies, purposes) but is never the article.
  if (strong) return false;
  const text = textOf(el);
  return text.length > 1200 && linkDensity(el) < 0.4;
}

/** Removes page furniture from under root, in place. */
export function removeBoilerplate(root: DomNode): void {
  const doomed: DomElement[] = [];
  const visit = (node: DomNode) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      const name = c.localName;
      if (DROP_TAGS.has(name)) {
        doomed.push(c);
        continue;
      }
      const role = c.getAttribute('role');
      if (FURNITURE_TAGS.has(name) || (role && DROP_ROLES.has(role)) || hidden(c) || furniture(c)) {
        if (!holdsArticle(c, consentBox(c))) {
          doomed.push(c);
          continue;
        }
      }
      visit(c);
    }
  };
  visit(root);
  for (const el of doomed) el.remove();
}

/** Short paragraphs that are page furniture, in the languages of most news pages. */
const FURNITURE_TEXT = new RegExp(
  [
    // "Read also: …" pointers to other articles
    '^(?:read|see|show|load|view) (?:more|also|the full|all)\\b',
    '^(?:weiterlesen|weiter(?:\\s+zu)?\\b|mehr (?:zum thema|dazu|lesen|themen|von|aus|zu)|lesen sie (?:auch|mehr|hier)|auch (?:interessant|lesen)|zum weiterlesen|lade weitere|das (?:thema|könnte) (?:dich|sie)? ?(?:könnte )?(?:auch )?interessieren)',
    '^(?:à lire aussi|lire (?:aussi|la suite)|pour lire la suite|leer (?:más|también)|lea (?:también|más)?\\s*:|le puede interesar|vea también|puedes ver|mira\\s*:|mire\\s*:|veja (?:também|mais)|leggi anche|lees ook|zobacz (?:też|także))',
    '^(?:you might also like|you may also like|related|more from|more on this|recommended|empfohlene beiträge|weitere beiträge|ähnliche beiträge|verwandte artikel|meistgelesen|meistdiskutiert|top \\d+\\b)',
    // share, print, comment and rating widgets
    '^(?:share|tweet|email|e-mail|print|teilen|drucken|pin it|merken)\\b',
    '^(?:share|follow) (?:this|on|us)',
    '^(?:kommentar(?:e|en)? (?:schreiben|geschlossen|verfassen)|kommentieren|\\d+ (?:comments?|kommentare)|comments? (?:are )?closed|leave a (?:comment|reply)|schreibe einen kommentar|valora esta noticia|war (?:der|dieser) artikel (?:nützlich|hilfreich)|möchten sie (?:den|diesen) artikel teilen|artikel gefallen|\\(?noch keine bewertungen)',
    '^(?:sie müssen sich (?:einloggen|anmelden)|you must be logged in)',
    // advertising and calls to subscribe, download or follow
    '^[-–*\\s]*(?:advertisement|anzeige|werbung|publicité|publicidad|sponsored|reklame)\\b',
    '^(?:sign up|subscribe|jetzt (?:abonnieren|anmelden)|hazte miembro|suscr[ií]b)',
    '(?:newsletter|sign up for|subscribe to)\\b.{0,80}$',
    '\\b(?:download|get) (?:the|our) .{0,40}\\bapps?\\b',
    '\\bfollow (?:us|the \\w+) on\\b|\\bnos siga\\b|\\bsíguenos\\b|\\bfolge(?:n sie)? uns\\b',
    '\\bto (?:view|read) the full (?:story|article)\\b|\\bplease subscribe\\b|\\balready a subscriber\\b',
    // credits and captions
    '^\\(?(?:(?:photo|image|picture|foto|bild|fotos|bilder|titelbild|beitragsbild|titelfoto|grafik|quelle|source|crédits? photos?|credits?|photograph|illustration|image illustrative)s?(?: credits?)?\\s*(?:[:©]|by\\b|von\\b)|©)',
    '(?:^|[.!?)]\\s)(?:photo|foto|bild|image|credit)s?\\s*:\\s*[^.!?]{2,60}$',
    // post meta lines
    '^(?:this entry was posted|posted in|filed under|der beitrag wurde am|dieser beitrag wurde|erstellt am|abgelegt unter|tags?\\s*:|schlagwörter\\s*:|kategorien?\\s*:|categories\\s*:|themen im artikel|themen\\s*:)',
    '^(?:zurück(?: zur (?:übersicht|listenansicht))?|back(?: to top)?|nach oben|top)$',
    '^(?:updated|last updated|aktualisiert|zuletzt aktualisiert)\\b[^.!?]{0,40}\\.?$',
    // log-in prompts, consent to load outside content, disclaimers and licences
    '\\b(?:eingeloggt|einloggen|logged in|log in to|anmelden, um)\\b',
    '\\b(?:privatsphäre|datenschutzerklärung|externer inhalt|external content|einverstanden)\\b',
    '\\b(?:meinung des autors|ohne gewähr|affiliate[- ]links?|chroniony prawem|prawa zastrzeżone|all rights reserved|alle rechte vorbehalten)\\b',
    '\\b(?:lizenz|license|licence)\\b.{0,60}\\b(?:cc[- ]by|creative commons)',
    '\\b(?:letter to the editor|leserbrief|sign up here|subskrypc|werden sie mitglied|jetzt mitglied)',
    '^(?:lesezeit|reading time|\\d+\\s*min(?:ute)?s? read|ten tekst przeczytasz)',
    '^(?:bild anzeigen|vergrößern|enlarge|zoom)\\b',
    '©',
    // cookie and consent notices
    '\\bcookies?\\b.{0,200}\\b(?:accept|consent|akzeptier|zustimm|einverstanden|use|verwende|nutz)',
    '^(?:klicken sie auf den (?:unteren )?button|mit diesem button|click the button below)',
    '^(?:all rights reserved|alle rechte vorbehalten|copyright\\b|©)',
  ].join('|'),
  'iu',
);

export function furnitureParagraph(text: string): boolean {
  return text.length < 250 && FURNITURE_TEXT.test(text);
}
