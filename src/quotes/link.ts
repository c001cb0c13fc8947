// Links a speaker span to an actor of the actors layer: the actor with a mention overlapping the span (the one
// covering most of it, then the one ending last, since English phrases end in their head).

import type { Actor, Doc, Span, Speaker } from '../document/index.js';

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The actor named at `span`, or null when no actor mention overlaps it (or the Doc has no actors layer yet). */
export function actorAt(doc: Doc, span: Span): Actor | null {
  let best: Actor | null = null;
  let bestOverlap = 0;
  let bestEnd = -1;
  const consider = (actor: Actor | undefined, mention: Span) => {
    if (!actor) return;
    const o = overlap(mention, span);
    if (o === 0) return;
    if (o > bestOverlap || (o === bestOverlap && mention.end > bestEnd)) {
      best = actor;
      bestOverlap = o;
      bestEnd = mention.end;
    }
  };
  for (const actor of doc.actors) for (const m of actor.mentions) consider(actor, m);
  if (doc.mentions.length > 0) {
    const byId = new Map(doc.actors.map((a) => [a.id, a]));
    for (const m of doc.mentions) if (m.actorId) consider(byId.get(m.actorId), m);
  }
  return best;
}

/**
 * The Speaker record for a speaker span. `antecedent` is where a pronoun's or a run's speaker was named; `name`
 * is the text to keep when no actor is linked.
 */
export function linkSpeaker(doc: Doc, span: Span, antecedent: Span | null, name: string): Speaker {
  const actor = actorAt(doc, span) ?? (antecedent ? actorAt(doc, antecedent) : null);
  if (!actor) return { actorId: null, name, code: '', start: span.start, end: span.end };
  // An actor known only by a role word ("official", "workers") names the speaker less well than the description.
  const named = /^[\p{Lu}\p{N}]/u.test(actor.name);
  return {
    actorId: actor.id,
    name: named ? actor.name : name,
    code: actor.code,
    start: span.start,
    end: span.end,
  };
}
