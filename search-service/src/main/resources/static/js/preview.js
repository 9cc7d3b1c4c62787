// The article preview: a modal dialog with the stored article (its body as plain text) and related stories.
// Its open/closed state follows the URL's `article` parameter, so back closes it and a preview can be shared.

import { api } from './api.js';
import { el, externalLink, replaceChildren } from './dom.js';
import { timeElement } from './time.js';
import { plainClick } from './results.js';

const MAX_PARAGRAPHS = 12;

export class Preview {
  /**
   * @param dialog the <dialog> element
   * @param previewHref the page URL that previews an article id
   * @param onOpen called with an article id when a related article is chosen
   * @param onClose called when the user closes the dialog (button, Escape)
   */
  constructor(dialog, previewHref, onOpen, onClose) {
    this.dialog = dialog;
    this.body = dialog.querySelector('.preview-body');
    this.previewHref = previewHref;
    this.onOpen = onOpen;
    this.shownId = null;
    dialog.querySelector('.close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      const wasShown = this.shownId;
      this.shownId = null;
      if (wasShown) onClose();
    });
    // a click on the backdrop (outside the dialog's box) closes it
    dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  }

  /** Shows the article `id`, or closes the dialog when `id` is empty. */
  async show(id) {
    if (!id) {
      if (this.dialog.open) { this.shownId = null; this.dialog.close(); }
      return;
    }
    if (this.shownId === id && this.dialog.open) return;
    this.shownId = id;
    replaceChildren(this.body, el('p', { class: 'muted', role: 'status', text: 'Loading the article…' }));
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const [article, related] = await Promise.all([api.article(id), api.related(id).catch(() => ({ related: [] }))]);
      if (this.shownId !== id) return;
      this.render(article, related.related || []);
    } catch (error) {
      if (this.shownId !== id) return;
      replaceChildren(this.body, el('h2', { id: 'preview-title', text: 'Article unavailable' }),
        el('p', { role: 'alert', text: error.message }));
    }
  }

  render(article, related) {
    const paragraphs = (article.body || '').split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
    const shown = paragraphs.slice(0, MAX_PARAGRAPHS);
    replaceChildren(this.body,
      el('h2', { id: 'preview-title', text: article.title || '(untitled)' }),
      el('p', { class: 'meta' },
        el('span', { class: 'source', text: article.source || article.siteName || '' }),
        (article.authors || []).length ? el('span', { class: 'author', text: `by ${article.authors.join(', ')}` }) : null,
        article.publishedAt ? timeElement(article.publishedAt) : null,
        article.readingMinutes ? el('span', { text: `${article.readingMinutes} min read` }) : null),
      (article.tags || []).length ? el('ul', { class: 'tags', 'aria-label': 'Tags' }, article.tags.map((t) => el('li', { text: t }))) : null,
      article.summary ? el('p', { class: 'summary', text: article.summary }) : null,
      el('div', { class: 'article-body' }, shown.map((p) => el('p', { text: p }))),
      paragraphs.length > shown.length ? el('p', { class: 'muted', text: `… ${paragraphs.length - shown.length} more paragraphs at the source.` }) : null,
      el('p', {}, externalLink(article.url, `Read it at ${article.source || 'the source'}`, { class: 'button' })),
      (article.entities || []).length ? el('p', { class: 'entities' }, el('strong', { text: 'Mentions: ' }), article.entities.join(', ')) : null,
      el('section', { class: 'related', 'aria-labelledby': 'related-title' },
        el('h3', { id: 'related-title', text: 'Related' }),
        related.length === 0 ? el('p', { class: 'muted', text: 'No related stories.' })
          : el('ul', {}, related.map((r) => el('li', {},
            el('a', {
              href: this.previewHref(r.id), class: 'related-link', 'data-id': r.id, text: r.title || '(untitled)',
              on: { click: (event) => { if (!plainClick(event)) return; event.preventDefault(); this.onOpen(r.id); } },
            }),
            el('span', { class: 'meta' }, el('span', { class: 'source', text: r.source || '' }), r.publishedAt ? timeElement(r.publishedAt) : null))))));
    this.dialog.querySelector('.close').focus();
  }
}
