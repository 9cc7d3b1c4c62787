// The search service's API. Failures are RFC 9457 problem details; they become ApiError with the detail to show.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The service answered ${status}`);
    this.status = status;
    this.parameter = problem?.parameter ?? null;
  }
}

async function call(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  } catch {
    throw new ApiError(0, { detail: 'The search service cannot be reached. Check your connection and try again.' });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 429) {
      throw new ApiError(429, { detail: `Too many requests; try again in ${response.headers.get('Retry-After') || 'a few'} s.` });
    }
    throw new ApiError(response.status, body);
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  return search.toString();
}

export const api = {
  search: (params) => call(`/api/search?${query(params)}`),
  article: (id) => call(`/api/articles/${encodeURIComponent(id)}`),
  related: (id) => call(`/api/articles/${encodeURIComponent(id)}/related?size=5`),
  pipeline: () => call('/api/pipeline'),
  createAlert: (alert) => call('/api/alerts', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(alert),
  }),
  alert: (id, token, method = 'GET', body = undefined) => call(`/api/alerts/${encodeURIComponent(id)}`, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  }),
};
