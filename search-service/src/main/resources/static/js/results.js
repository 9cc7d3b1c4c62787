// One search hit as a list item: title (opens the preview), source, author, "2 h ago", the highlighted snippet,
// tags, and the other sources of its story.

import { el, externalLink, highlighted } from './dom.js';
import { timeElement } from './time.js';

/**
 * @param hit a hit of /api/search
 * @param previewHref the page URL that previews an article id
 * @param onPreview called with the article id when its title is activated
 */
export function renderHit(hit, previewHref, onPreview) {
  const others = hit.otherSources || [];
  const more = Math.max(others.length, (hit.storyCount || 1) - 1);
  const title = el('a', {
    class: 'hit-title', href: previewHref(hit.id), 'data-id': hit.id, text: hit.title || '(untitled)',
    on: { click: (event) => { if (!plainClick(event)) return; event.preventDefault(); onPreview(hit.id); } },
  });
  return el('li', { class: 'hit', 'data-id': hit.id },
    el('article', { 'aria-labelledby': `t-${hit.id}` },
      el('h3', { id: `t-${hit.id}` }, title),
      el('p', { class: 'meta' },
        el('span', { class: 'source', text: hit.source || '' }),
        hit.author ? el('span', { class: 'author', text: `by ${hit.author}` }) : null,
        hit.publishedAt ? timeElement(hit.publishedAt) : null,
        externalLink(hit.url, 'original', { class: 'original', 'aria-label': `Read “${hit.title}” at ${hit.source}` })),
      hit.snippet ? el('p', { class: 'snippet' }, highlighted(hit.snippet)) : null,
      (hit.tags || []).length ? el('ul', { class: 'tags', 'aria-label': 'Tags' },
        hit.tags.map((tag) => el('li', { text: tag }))) : null,
      more > 0 ? el('details', { class: 'others' },
        el('summary', { text: `+${more} source${more === 1 ? '' : 's'}` }),
        el('ul', {}, others.map((other) => el('li', {},
          externalLink(other.url, other.source || other.url),
          other.publishedAt ? [' · ', timeElement(other.publishedAt)] : null)))) : null));
}

/** A click that should open the preview here, not a new tab or window. */
export function plainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
