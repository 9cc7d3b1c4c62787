// The search page: wires the search form, results, facets, chart, preview and alerts to the URL's state.

import { api } from './api.js';
import { el, replaceChildren } from './dom.js';
import { FILTERS, readState, urlOf, searchParams, sameSearch, pushState, replaceState } from './state.js';
import { renderHit } from './results.js';
import { renderFacets, toggleEntity } from './facets.js';
import { drawDayChart } from './chart.js';
import { Preview } from './preview.js';
import { Alerts } from './alerts.js';

const $ = (selector) => document.querySelector(selector);
const form = $('#search-form');
const input = $('#q');
const searchError = $('#search-error');
const results = $('#results');
const status = $('#status');
const more = $('#more');
const sentinel = $('#sentinel');
const facets = $('#facets');
const chart = $('#chart');
const activeFilters = $('#active-filters');

const FILTER_LABELS = { source: 'Source', tag: 'Tag', lang: 'Language', from: 'From', to: 'Before' };

let state = readState();
let shownSearch = null; // the state whose results are on the page
let nextCursor = null;
let loading = false;
let generation = 0; // a newer search makes older answers stale
let previewPushed = false; // the open preview has its own history entry, which closing it goes back from

const previewHref = (id) => urlOf({ ...state, article: id });
const preview = new Preview($('#preview'), previewHref, openPreview, () => {
  if (!state.article) return;
  if (previewPushed) history.back();
  else go({ ...state, article: '' }, { replace: true });
});
const alerts = new Alerts({
  panel: $('#alerts-panel'), toggle: $('#alerts-toggle'), badge: $('#unread'), list: $('#alerts-list'),
  notify: $('#notify'), dialog: $('#alert-dialog'), createButton: $('#alert-me'),
}, () => state, previewHref, (id) => openPreview(id));

/** Moves to a new state: a history entry, then whatever changed (the search, the preview or both). */
function go(next, { replace = false } = {}) {
  if (urlOf(next) === urlOf(state)) return;
  (replace ? replaceState : pushState)(next);
  apply(next);
}

function apply(next) {
  state = next;
  syncForm();
  if (!shownSearch || !sameSearch(shownSearch, state)) search();
  preview.show(state.article);
}

function syncForm() {
  input.value = state.q;
  for (const radio of form.elements.sort) radio.checked = radio.value === (state.sort || 'relevance');
  renderActiveFilters();
}

// --- searching

async function search() {
  const mine = ++generation;
  shownSearch = { ...state };
  nextCursor = null;
  loading = true;
  clearError();
  results.setAttribute('aria-busy', 'true');
  status.textContent = 'Searching…';
  more.hidden = true;
  try {
    const page = await api.search({ ...searchParams(state), sort: state.sort || 'relevance', size: 20 });
    if (mine !== generation) return;
    replaceChildren(results, page.hits.map((hit) => renderHit(hit, previewHref, openPreview)));
    renderFacets(facets, page.facets, state, chooseFacet);
    drawDayChart(chart, page.facets?.day, chooseDay);
    status.textContent = summary(page);
    nextCursor = page.nextCursor;
    if (page.hits.length === 0) results.append(el('li', { class: 'empty', text: emptyAdvice() }));
  } catch (error) {
    if (mine !== generation) return;
    replaceChildren(results);
    replaceChildren(facets);
    drawDayChart(chart, [], chooseDay);
    status.textContent = '';
    showError(error);
  } finally {
    if (mine === generation) {
      loading = false;
      results.setAttribute('aria-busy', 'false');
      more.hidden = !nextCursor;
    }
  }
}

async function loadMore() {
  if (loading || !nextCursor) return;
  const mine = generation;
  loading = true;
  more.disabled = true;
  more.textContent = 'Loading…';
  try {
    const page = await api.search({ ...searchParams(state), sort: state.sort || 'relevance', size: 20, cursor: nextCursor });
    if (mine !== generation) return;
    const seen = new Set([...results.querySelectorAll('li.hit')].map((li) => li.dataset.id));
    results.append(...page.hits.filter((hit) => !seen.has(hit.id)).map((hit) => renderHit(hit, previewHref, openPreview)));
    nextCursor = page.nextCursor;
    if (!nextCursor) status.textContent = `${status.textContent.replace(/ · all shown$/, '')} · all shown`;
  } catch (error) {
    if (mine !== generation) return;
    nextCursor = null;
    if (error.parameter === 'cursor') {
      searchError.replaceChildren(`These results expired. `, el('button', { type: 'button', class: 'link-button', text: 'Search again', on: { click: search } }));
      searchError.hidden = false;
    } else {
      showError(error);
    }
  } finally {
    if (mine === generation) {
      loading = false;
      more.disabled = false;
      more.textContent = 'More results';
      more.hidden = !nextCursor;
    }
  }
}

function summary(page) {
  const articles = `${page.total.toLocaleString()} article${page.total === 1 ? '' : 's'}`;
  return `${articles}${state.q ? ` for “${state.q}”` : ''} · ${state.sort === 'recent' ? 'newest first' : 'best first'}`;
}

function emptyAdvice() {
  const filters = FILTERS.filter((f) => state[f]);
  return filters.length ? 'No articles match. Try removing a filter.' : 'No articles match. Try fewer or other words.';
}

function showError(error) {
  searchError.textContent = error.message;
  searchError.hidden = false;
  if (error.parameter === 'q') {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

function clearError() {
  searchError.textContent = '';
  searchError.hidden = true;
  input.removeAttribute('aria-invalid');
}

// --- narrowing

function chooseFacet(name, value, chosen) {
  if (name === 'entity') go({ ...state, q: toggleEntity(state.q, value, chosen), article: '' });
  else go({ ...state, [name]: chosen ? value : '', article: '' });
}

function chooseDay(day) {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  go({ ...state, from: day, to: next.toISOString().slice(0, 10), article: '' });
}

function renderActiveFilters() {
  const chosen = FILTERS.filter((name) => state[name]);
  activeFilters.hidden = chosen.length === 0;
  replaceChildren(activeFilters, chosen.length ? el('span', { class: 'muted', text: 'Filters:' }) : null,
    chosen.map((name) => el('button', {
      type: 'button', class: 'chip', 'data-filter': name, 'aria-label': `Remove filter ${FILTER_LABELS[name]}: ${state[name]}`,
      on: { click: () => go({ ...state, [name]: '', article: '' }) },
    }, `${FILTER_LABELS[name]}: ${state[name]}`, el('span', { 'aria-hidden': 'true', text: ' ×' }))));
}

function openPreview(id) {
  // a related article replaces the one shown, so that closing goes back to the results in one step
  const replace = Boolean(state.article) && previewPushed;
  go({ ...state, article: id }, { replace });
  previewPushed = true;
}

// --- events

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const next = { ...state, q: input.value.trim(), article: '' };
  if (urlOf(next) === urlOf(state)) search();
  else go(next);
});
for (const radio of form.elements.sort) {
  radio.addEventListener('change', () => go({ ...state, sort: radio.value === 'recent' ? 'recent' : '', article: '' }));
}
more.addEventListener('click', loadMore);
const facetsToggle = $('#facets-toggle');
facetsToggle.addEventListener('click', () => {
  const open = !facets.classList.contains('open');
  facets.classList.toggle('open', open);
  facetsToggle.setAttribute('aria-expanded', String(open));
});
new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting)) loadMore();
}, { rootMargin: '400px' }).observe(sentinel);
window.addEventListener('popstate', () => {
  previewPushed = false;
  apply(readState());
});

// "/" focuses the search box; j and k move between results
document.addEventListener('keydown', (event) => {
  const typing = event.target.closest?.('input, textarea, select, [contenteditable], dialog');
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === 'j' || event.key === 'k') {
    const titles = [...results.querySelectorAll('.hit-title')];
    if (titles.length === 0) return;
    const at = titles.indexOf(document.activeElement);
    const next = event.key === 'j' ? Math.min(titles.length - 1, at + 1) : Math.max(0, at - 1);
    titles[next].focus();
    event.preventDefault();
  }
});

replaceState(state);
apply(state);
