// The search lives in the URL: q, source, tag, lang, from, to, sort, and the previewed article. A new search
// pushes a history entry, so the back button returns to the previous one and any search can be bookmarked.

export const FILTERS = ['source', 'tag', 'lang', 'from', 'to'];
const KEYS = ['q', ...FILTERS, 'sort', 'article'];

/** The state in the current URL. */
export function readState(location = window.location) {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of KEYS) state[key] = params.get(key) || '';
  if (state.sort !== 'recent') state.sort = '';
  return state;
}

/** The URL of a state ("/?q=nvidia&source=Silicon+Ledger"). */
export function urlOf(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) if (state[key]) params.set(key, state[key]);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/** The API's search parameters of a state (the preview is not one). */
export function searchParams(state) {
  const { article, ...params } = state;
  return params;
}

/** Whether two states ask for the same search (ignoring the previewed article). */
export function sameSearch(a, b) {
  return KEYS.every((key) => key === 'article' || (a[key] || '') === (b[key] || ''));
}

export function pushState(state) {
  history.pushState(state, '', urlOf(state));
}

export function replaceState(state) {
  history.replaceState(state, '', urlOf(state));
}
