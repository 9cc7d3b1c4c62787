// The per-day chart: one bar per UTC day of the `day` facet, drawn as SVG. Each bar is a link that narrows the
// search to its day; screen readers get a summary label on the group (not role=img, which would hide the links)
// and each bar's day and count as its label.

import { svg, replaceChildren, el } from './dom.js';
import { formatDay } from './time.js';

const WIDTH = 600;
const HEIGHT = 120;
const AXIS = 18;

/**
 * Draws `days` ([{value: "2026-11-24", count: 3}, ...]) into `container`; `onDay(day)` is called when a bar is
 * chosen. Draws nothing when no day has an article.
 */
export function drawDayChart(container, days, onDay) {
  if (!days || days.length === 0 || days.every((d) => d.count === 0)) {
    replaceChildren(container);
    container.hidden = true;
    return;
  }
  container.hidden = false;
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const peak = days.reduce((best, d) => (d.count > best.count ? d : best), days[0]);
  const slot = WIDTH / days.length;
  const barWidth = Math.max(1, slot * 0.75);
  const plot = HEIGHT - AXIS;
  const label = `Articles per day, ${formatDay(days[0].value)} to ${formatDay(days[days.length - 1].value)}: `
    + `${total} in all, most on ${formatDay(peak.value)} (${peak.count}).`;
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': label, class: 'day-chart', preserveAspectRatio: 'none',
  });
  chart.append(svg('title', { text: label }));
  days.forEach((day, i) => {
    const height = day.count === 0 ? 0 : Math.max(2, (day.count / max) * (plot - 4));
    const x = i * slot + (slot - barWidth) / 2;
    const link = svg('a', {
      href: '#', class: 'bar', 'aria-label': `${formatDay(day.value)}: ${day.count} articles`,
      on: { click: (event) => { event.preventDefault(); onDay(day.value); } },
    },
    svg('title', { text: `${formatDay(day.value)}: ${day.count}` }),
    // an invisible full-height target, so thin bars are easy to hit
    svg('rect', { class: 'bar-target', x: i * slot, y: 0, width: slot, height: plot }),
    svg('rect', { class: 'bar-fill', x, y: plot - height, width: barWidth, height }));
    chart.append(link);
  });
  chart.append(svg('line', { class: 'axis', x1: 0, y1: plot + 0.5, x2: WIDTH, y2: plot + 0.5 }));
  replaceChildren(container,
    chart,
    el('div', { class: 'chart-axis', 'aria-hidden': 'true' },
      el('span', { text: formatDay(days[0].value) }),
      el('span', { text: `peak ${peak.count}` }),
      el('span', { text: formatDay(days[days.length - 1].value) })));
}
