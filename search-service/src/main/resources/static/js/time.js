// Times as people say them: "just now", "5 min ago", "2 h ago", "3 d ago", then the date.

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** "2 h ago" for an ISO instant, relative to now (milliseconds since the epoch). */
export function ago(iso, now = Date.now()) {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 0) return dateFormat.format(time);
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  return dateFormat.format(time);
}

/** A <time> element saying "2 h ago", with the full date as its tooltip. */
export function timeElement(iso) {
  const node = document.createElement('time');
  if (!iso) return node;
  node.dateTime = iso;
  node.textContent = ago(iso);
  const time = Date.parse(iso);
  if (!Number.isNaN(time)) node.title = fullFormat.format(time);
  return node;
}

/** "2026-11-24" → "24 Nov 2026" (UTC days, as the day facet counts them). */
export function formatDay(day) {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(time);
}
