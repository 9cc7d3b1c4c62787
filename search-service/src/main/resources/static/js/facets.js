// The source, tag and entity facets: each value is a toggle button with its count. Source and tag set the API's
// exact filters; an entity adds its name to the query as a phrase (the API has no entity filter).

import { el, replaceChildren } from './dom.js';

const GROUPS = [
  { name: 'source', title: 'Source' },
  { name: 'tag', title: 'Tag' },
  { name: 'entity', title: 'Mentions' },
];

/**
 * @param container the facets' aside
 * @param facets the facets of the first page
 * @param state the current search state
 * @param onChoose called with (facet name, value, whether it is now chosen)
 */
export function renderFacets(container, facets, state, onChoose) {
  const sections = [];
  for (const group of GROUPS) {
    const values = (facets?.[group.name] || []).filter((v) => v.count > 0);
    const chosen = group.name === 'entity' ? null : state[group.name];
    if (values.length === 0 && !chosen) continue;
    const headingId = `facet-${group.name}`;
    sections.push(el('section', { class: 'facet', 'aria-labelledby': headingId },
      el('h2', { id: headingId, text: group.title }),
      el('ul', {}, values.map((value) => {
        const pressed = group.name === 'entity'
          ? queryHasPhrase(state.q, value.value)
          : (chosen || '').toLowerCase() === value.value.toLowerCase();
        return el('li', {},
          el('button', {
            type: 'button', class: 'facet-value', 'aria-pressed': String(pressed),
            'data-facet': group.name, 'data-value': value.value,
            on: { click: () => onChoose(group.name, value.value, !pressed) },
          },
          el('span', { class: 'facet-label', text: value.value }),
          el('span', { class: 'count', text: value.count.toLocaleString() })));
      }))));
  }
  replaceChildren(container, sections.length ? sections : el('p', { class: 'muted', text: 'Nothing to narrow by.' }));
}

/** The query with the entity's phrase added, or removed. */
export function toggleEntity(q, entity, chosen) {
  const phrase = `"${entity.replaceAll('"', '')}"`;
  if (chosen) return q ? `${q} ${phrase}` : phrase;
  return q.replace(phrase, '').replace(/\s+/g, ' ').trim();
}

function queryHasPhrase(q, entity) {
  return (q || '').includes(`"${entity.replaceAll('"', '')}"`);
}
