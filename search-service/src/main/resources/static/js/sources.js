// The sources page: each source's health from the crawler and the pipeline's figures (crawled, searchable,
// indexer lag), from GET /api/pipeline, refreshed every 10 s. Each part says clearly when it cannot be read.

import { api } from './api.js';
import { el, externalLink, replaceChildren } from './dom.js';
import { ago, timeElement } from './time.js';

const REFRESH_MS = 10_000;
const figures = document.querySelector('#figures');
const checked = document.querySelector('#checked');
const crawlerState = document.querySelector('#crawler-state');
const table = document.querySelector('#sources');
const rows = table.querySelector('tbody');
let timer = null;

async function refresh() {
  clearTimeout(timer);
  try {
    render(await api.pipeline());
  } catch (error) {
    checked.textContent = `The search service did not answer: ${error.message}`;
    checked.className = 'error';
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

function render(status) {
  checked.className = 'muted';
  checked.textContent = `Checked ${new Date(status.checkedAt).toLocaleTimeString()}; refreshed every ${REFRESH_MS / 1000} s.`;
  replaceChildren(figures,
    figure('Crawled', status.crawled, 'articles published by the crawler since it started'),
    figure('Searchable', status.indexed, 'articles in the index'),
    figure('Indexer lag', status.lag, 'articles waiting to be indexed'));
  const crawler = status.crawler;
  if (!crawler.reachable) {
    crawlerState.className = 'error';
    crawlerState.textContent = `Source health is unavailable: ${crawler.error}. Searching still works on what is indexed.`;
    table.hidden = true;
    return;
  }
  crawlerState.className = 'muted';
  crawlerState.textContent = `${crawler.sources.length} source${crawler.sources.length === 1 ? '' : 's'}, as the crawler at ${crawler.url} reports them.`;
  table.hidden = false;
  replaceChildren(rows, crawler.sources.map((source) => {
    const health = healthOf(source);
    return el('tr', { 'data-source': source.name },
      el('th', { scope: 'row' }, el('span', { class: 'source-name', text: source.name }),
        el('span', { class: 'source-url' }, externalLink(source.url, source.url), ` · ${source.kind}`)),
      el('td', {}, el('span', { class: `health health-${health.level}`, text: health.label })),
      el('td', {}, source.lastSuccess ? timeElement(source.lastSuccess) : 'never'),
      el('td', {}, source.nextPoll ? untilText(source.nextPoll) : 'polling now'),
      el('td', { class: 'num', text: String(source.articlesFound) }),
      el('td', { class: 'num', text: String(source.articlesPublished) }),
      el('td', { class: 'last-error' }, source.lastError ? [el('span', { text: source.lastError }), ' ',
        source.lastErrorAt ? el('span', { class: 'muted', text: `(${ago(source.lastErrorAt)})` }) : null] : '—'));
  }));
}

function figure(name, value, description) {
  const available = value.value !== null && value.value !== undefined;
  return el('div', { class: `figure${available ? '' : ' unavailable'}` },
    el('dt', { text: name }),
    el('dd', {}, el('span', { class: 'value', text: available ? value.value.toLocaleString() : '?' }),
      el('span', { class: 'muted', text: available ? description : value.error })));
}

/** ok: read on its last poll; failing: its last poll failed; waiting: never read yet. */
function healthOf(source) {
  const lastSuccess = Date.parse(source.lastSuccess || '');
  const lastError = Date.parse(source.lastErrorAt || '');
  if (!Number.isNaN(lastError) && (Number.isNaN(lastSuccess) || lastError > lastSuccess)) {
    return { level: 'failing', label: 'failing' };
  }
  if (Number.isNaN(lastSuccess)) return { level: 'waiting', label: 'not read yet' };
  return { level: 'ok', label: 'ok' };
}

function untilText(iso) {
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (seconds <= 0) return 'due now';
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3600) return `in ${Math.round(seconds / 60)} min`;
  return `in ${Math.round(seconds / 3600)} h`;
}

document.querySelector('#refresh').addEventListener('click', refresh);
refresh();
