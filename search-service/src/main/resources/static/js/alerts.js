// "Alert me about this search": alerts are created through the API, kept in this browser (localStorage: the
// API shows an alert's token only once, and the token is needed to read its matches), and followed live through
// their Server-Sent Events streams. New matches raise the unread count, and a desktop notification when the
// user allowed them.

import { api } from './api.js';
import { el, replaceChildren, externalLink } from './dom.js';
import { timeElement } from './time.js';
import { plainClick } from './results.js';

const STORAGE_KEY = 'newshound.alerts';
const MAX_MATCHES = 50;
const RETRY_MS = 10_000;

/** The alerts kept in this browser. */
class AlertStore {
  constructor() {
    this.alerts = this.load();
  }

  load() {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || '[]');
      return Array.isArray(stored) ? stored.filter((a) => a && typeof a.id === 'string' && typeof a.token === 'string') : [];
    } catch {
      return [];
    }
  }

  save() {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.alerts));
  }

  get(id) {
    return this.alerts.find((a) => a.id === id);
  }

  add(alert) {
    this.alerts.unshift(alert);
    this.save();
  }

  remove(id) {
    this.alerts = this.alerts.filter((a) => a.id !== id);
    this.save();
  }
}

export class Alerts {
  /**
   * @param elements {panel, toggle, badge, list, notify, dialog, createButton}
   * @param currentSearch returns the current search state
   * @param previewHref the page URL that previews an article id
   * @param onPreview called with an article id when a match is opened
   */
  constructor(elements, currentSearch, previewHref, onPreview) {
    this.elements = elements;
    this.currentSearch = currentSearch;
    this.previewHref = previewHref;
    this.onPreview = onPreview;
    this.store = new AlertStore();
    this.streams = new Map();
    this.status = new Map();
    this.baseTitle = document.title;
    elements.toggle.addEventListener('click', () => this.setOpen(elements.panel.hidden));
    elements.panel.querySelector('.close').addEventListener('click', () => { this.setOpen(false); elements.toggle.focus(); });
    elements.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { this.setOpen(false); elements.toggle.focus(); }
    });
    elements.createButton.addEventListener('click', () => this.openCreateDialog());
    elements.notify.addEventListener('click', () => this.askForNotifications());
    document.addEventListener('visibilitychange', () => { if (!document.hidden && this.isOpen()) this.markAllRead(); });
    for (const alert of this.store.alerts) this.connect(alert);
    this.render();
  }

  isOpen() {
    return !this.elements.panel.hidden;
  }

  setOpen(open) {
    this.elements.panel.hidden = !open;
    this.elements.toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      this.markAllRead();
      this.elements.panel.querySelector('h2').focus();
    }
  }

  markAllRead() {
    let changed = false;
    for (const alert of this.store.alerts) {
      if (alert.unread) { alert.unread = 0; changed = true; }
    }
    if (changed) this.store.save();
    this.render();
  }

  unread() {
    return this.store.alerts.reduce((sum, a) => sum + (a.unread || 0), 0);
  }

  // --- live matches

  connect(alert) {
    this.disconnect(alert.id);
    const url = new URL(alert.streamUrl || `/api/alerts/${encodeURIComponent(alert.id)}/stream`, window.location.origin);
    url.searchParams.set('token', alert.token);
    if (alert.lastEventId) url.searchParams.set('lastEventId', alert.lastEventId);
    const source = new EventSource(url.href);
    this.streams.set(alert.id, source);
    this.setStatus(alert.id, 'connecting');
    source.addEventListener('open', () => this.setStatus(alert.id, 'live'));
    source.addEventListener('match', (event) => this.received(alert.id, event));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) this.streamClosed(alert.id);
      else this.setStatus(alert.id, 'reconnecting');
    });
  }

  disconnect(id) {
    this.streams.get(id)?.close();
    this.streams.delete(id);
  }

  /** The stream was refused (the browser does not retry then): is the alert gone, or is the service down? */
  async streamClosed(id) {
    this.disconnect(id);
    const alert = this.store.get(id);
    if (!alert) return;
    try {
      await api.alert(id, alert.token);
      this.setStatus(id, 'reconnecting');
    } catch (error) {
      if (error.status === 404) { this.setStatus(id, 'gone'); return; }
      this.setStatus(id, 'offline');
    }
    setTimeout(() => { const again = this.store.get(id); if (again && !this.streams.has(id)) this.connect(again); }, RETRY_MS);
  }

  setStatus(id, status) {
    this.status.set(id, status);
    const badge = this.elements.list.querySelector(`[data-alert="${CSS.escape(id)}"] .stream-status`);
    if (badge) this.fillStatus(badge, status);
    else this.render();
  }

  received(id, event) {
    const alert = this.store.get(id);
    if (!alert) return;
    let match;
    try {
      match = JSON.parse(event.data);
    } catch {
      return;
    }
    if (event.lastEventId) alert.lastEventId = event.lastEventId;
    alert.matches = alert.matches || [];
    if (!match.articleId || alert.matches.some((m) => m.articleId === match.articleId)) {
      this.store.save();
      return;
    }
    alert.matches.unshift({ ...match, receivedAt: new Date().toISOString() });
    alert.matches.length = Math.min(alert.matches.length, MAX_MATCHES);
    const seen = this.isOpen() && !document.hidden;
    if (!seen) alert.unread = (alert.unread || 0) + 1;
    this.store.save();
    this.render();
    if (!seen) this.notify(alert, match);
  }

  // --- desktop notifications

  async askForNotifications() {
    if (!('Notification' in window)) return;
    await Notification.requestPermission();
    this.render();
  }

  notify(alert, match) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const notification = new Notification(`${alert.name}: ${match.title || 'new article'}`, {
      body: match.source || '', tag: `${alert.id}:${match.articleId}`,
    });
    notification.addEventListener('click', () => {
      window.focus();
      this.onPreview(match.articleId);
      notification.close();
    });
  }

  // --- creating, pausing and deleting

  openCreateDialog() {
    const dialog = this.elements.dialog;
    const state = this.currentSearch();
    const form = dialog.querySelector('form');
    const result = dialog.querySelector('.alert-created');
    const error = dialog.querySelector('.form-error');
    form.hidden = false;
    result.hidden = true;
    error.textContent = '';
    form.reset();
    form.elements.name.value = state.q || (state.source ? `Everything from ${state.source}` : 'All new articles');
    replaceChildren(dialog.querySelector('.alert-query'), describeSearch(state));
    form.onsubmit = async (event) => {
      event.preventDefault();
      if (event.submitter?.value === 'cancel') { dialog.close(); return; }
      error.textContent = '';
      const submit = form.querySelector('button[type=submit]:not([value=cancel])');
      submit.disabled = true;
      try {
        const body = {
          name: form.elements.name.value.trim(),
          query: state.q || '',
          oncePerStory: form.elements.oncePerStory.checked,
        };
        if (state.source) body.source = [state.source];
        if (state.tag) body.tag = [state.tag];
        if (state.lang) body.lang = state.lang;
        const webhook = form.elements.webhook.value.trim();
        if (webhook) body.webhook = { url: webhook };
        const created = await api.createAlert(body);
        this.created(created, state);
      } catch (failure) {
        error.textContent = failure.message;
      } finally {
        submit.disabled = false;
      }
    };
    dialog.showModal();
    form.elements.name.focus();
  }

  created(created, state) {
    const atomUrl = new URL(created.atomUrl || `/api/alerts/${encodeURIComponent(created.id)}/feed.atom`, window.location.origin);
    atomUrl.searchParams.set('token', created.token);
    const alert = {
      id: created.id, token: created.token, name: created.name, query: created.query ?? state.q,
      source: state.source, tag: state.tag, lang: state.lang,
      streamUrl: created.streamUrl, atomUrl: atomUrl.href, createdAt: created.createdAt || new Date().toISOString(),
      unread: 0, matches: [],
    };
    this.store.add(alert);
    this.connect(alert);
    this.render();
    const dialog = this.elements.dialog;
    dialog.querySelector('form').hidden = true;
    const result = dialog.querySelector('.alert-created');
    result.hidden = false;
    result.querySelector('[name=token]').value = created.token;
    result.querySelector('[name=atom]').value = atomUrl.href;
    if (created.webhook?.secret) {
      result.querySelector('.webhook-secret').hidden = false;
      result.querySelector('[name=secret]').value = created.webhook.secret;
    } else {
      result.querySelector('.webhook-secret').hidden = true;
    }
    for (const button of result.querySelectorAll('button.copy')) {
      button.onclick = () => copy(result.querySelector(`[name=${button.dataset.copy}]`), button);
    }
    result.querySelector('.done').onclick = () => { dialog.close(); this.setOpen(true); };
    result.querySelector('[name=token]').focus();
  }

  async togglePause(alert) {
    try {
      const updated = await api.alert(alert.id, alert.token, 'PATCH', { paused: !alert.paused });
      alert.paused = Boolean(updated?.paused);
      this.store.save();
    } catch (error) {
      this.flash(alert.id, error.message);
    }
    this.render();
  }

  async remove(alert) {
    if (!window.confirm(`Delete the alert “${alert.name}”?`)) return;
    try {
      await api.alert(alert.id, alert.token, 'DELETE');
    } catch (error) {
      if (error.status !== 404) { this.flash(alert.id, error.message); return; }
    }
    this.disconnect(alert.id);
    this.store.remove(alert.id);
    this.render();
  }

  flash(id, message) {
    const item = this.elements.list.querySelector(`[data-alert="${CSS.escape(id)}"] .alert-error`);
    if (item) item.textContent = message;
  }

  // --- rendering

  render() {
    const unread = this.unread();
    this.elements.badge.textContent = String(unread);
    this.elements.badge.hidden = unread === 0;
    this.elements.toggle.setAttribute('aria-label', unread ? `Alerts, ${unread} unread` : 'Alerts');
    document.title = unread ? `(${unread}) ${this.baseTitle}` : this.baseTitle;
    const notify = this.elements.notify;
    const permission = 'Notification' in window ? Notification.permission : 'unsupported';
    notify.hidden = permission !== 'default';
    const alerts = this.store.alerts;
    if (alerts.length === 0) {
      replaceChildren(this.elements.list, el('p', { class: 'muted', text: 'No alerts yet. Search for something, then choose “Alert me about this search”.' }));
      return;
    }
    replaceChildren(this.elements.list, el('ul', { class: 'alert-list' }, alerts.map((alert) => this.renderAlert(alert))));
  }

  renderAlert(alert) {
    const status = el('span', { class: 'stream-status' });
    this.fillStatus(status, this.status.get(alert.id) || 'connecting');
    const matches = alert.matches || [];
    return el('li', { class: 'alert', 'data-alert': alert.id },
      el('div', { class: 'alert-head' },
        el('h3', { text: alert.name }),
        status,
        alert.unread ? el('span', { class: 'badge', text: String(alert.unread), 'aria-label': `${alert.unread} unread` }) : null),
      el('p', { class: 'alert-query' }, describeSearch({ q: alert.query, source: alert.source, tag: alert.tag, lang: alert.lang })),
      el('div', { class: 'alert-actions' },
        externalLink(alert.atomUrl, 'Atom feed', { class: 'feed-link' }),
        el('button', { type: 'button', class: 'link-button', text: alert.paused ? 'Resume' : 'Pause', on: { click: () => this.togglePause(alert) } }),
        el('button', { type: 'button', class: 'link-button danger', text: 'Delete', on: { click: () => this.remove(alert) } })),
      el('p', { class: 'alert-error', role: 'alert' }),
      matches.length === 0 ? el('p', { class: 'muted', text: 'No matches yet; new articles appear here as soon as they are searchable.' })
        : el('ol', { class: 'matches' }, matches.map((match) => el('li', { class: 'match', 'data-id': match.articleId },
          el('a', {
            href: this.previewHref(match.articleId), class: 'match-title', text: match.title || '(untitled)',
            on: { click: (event) => { if (!plainClick(event)) return; event.preventDefault(); this.onPreview(match.articleId); } },
          }),
          el('span', { class: 'meta' }, el('span', { class: 'source', text: match.source || '' }),
            match.publishedAt ? timeElement(match.publishedAt) : null),
          // the stream's snippet is plain text (the summary or the body's start), not highlight markup
          match.snippet ? el('p', { class: 'snippet', text: match.snippet }) : null))));
  }

  fillStatus(node, status) {
    const labels = {
      connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', offline: 'service unreachable', gone: 'deleted on the server',
    };
    node.textContent = labels[status] || status;
    node.dataset.status = status;
  }
}

/** "nvidia earnings · source: Silicon Ledger · tag: chips" */
export function describeSearch(state) {
  const parts = [el('code', { text: state.q || '(every article)' })];
  if (state.source) parts.push(` · source: ${state.source}`);
  if (state.tag) parts.push(` · tag: ${state.tag}`);
  if (state.lang) parts.push(` · language: ${state.lang}`);
  const fragment = document.createDocumentFragment();
  fragment.append(...parts);
  return fragment;
}

async function copy(input, button) {
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Press Ctrl+C';
  }
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
}
