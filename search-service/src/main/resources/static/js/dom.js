// Building the page safely. Text from the web (titles, sources, authors, bodies) only ever reaches the page
// through textContent or attribute values; the one piece of markup the page accepts, the API's highlight
// snippets, is parsed inertly and rebuilt from <mark> elements and text nodes (see highlighted()).

/**
 * Creates an element. `props` sets attributes (class, href, aria-*, data-*, ...) as strings, except `text`
 * (textContent) and `on` ({event: handler}); children are nodes, strings (as text) or null (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  setProps(node, props);
  append(node, children);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element, with attributes and children as for el(). */
export function svg(tag, props = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setProps(node, props);
  append(node, children);
  return node;
}

function setProps(node, props) {
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (name.startsWith('on')) throw new Error(`event handler attributes are not allowed: ${name}`);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/**
 * The API's highlight snippet as safe nodes. The snippet is HTML in which only <mark> is markup and the rest is
 * escaped; it is parsed by DOMParser (an inert document: nothing in it runs or loads) and rebuilt: every <mark>
 * becomes a new <mark> holding its text, every other element is reduced to its text, so even a snippet that broke
 * the API's promise could not add an element, attribute or handler to the page.
 */
export function highlighted(snippet) {
  const fragment = document.createDocumentFragment();
  if (!snippet) return fragment;
  const parsed = new DOMParser().parseFromString(`<body>${snippet}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      fragment.append(el('mark', { text: node.textContent }));
    } else {
      fragment.append(document.createTextNode(node.textContent ?? ''));
    }
  }
  return fragment;
}

/** The URL if it is http(s), else null: a link from the web never gets a javascript: or data: URL. */
export function safeUrl(url, base = undefined) {
  if (!url) return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to an article's own site, opened in a new tab without handing it this page. */
export function externalLink(url, text, props = {}) {
  const href = safeUrl(url);
  if (!href) return el('span', { ...props, text });
  return el('a', { ...props, href, target: '_blank', rel: 'noopener noreferrer', text });
}
