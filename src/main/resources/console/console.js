// The newsflow web console. Plain ES module, no dependencies, nothing fetched from outside the application.
// Every text from an article or alert is untrusted: it reaches the page only through textContent and attribute
// values set by the DOM API, never as markup (and the server's Content-Security-Policy forbids inline script).

const FEED_LIMIT = 200;      // articles listed; older ones leave the page
const ALERT_LIMIT = 50;
const SVG = 'http://www.w3.org/2000/svg';

const shown = new Map();     // article id -> list item, so a replayed event after a reconnect is not listed twice
let selectedId = null;
let countsTimer = null;

/** An element with attributes (set as properties or attributes, never parsed) and text or element children. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('data-') || name === 'title' || name === 'type' || name === 'aria-label') node.setAttribute(name, value);
    else node[name] = value;
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function time(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

function setStatus(state) {
  const status = document.getElementById('status');
  status.textContent = state;
  status.className = 'status ' + state;
}

// ---- live feed -------------------------------------------------------------------------------------------------

function feedItem(article) {
  const topics = el('ul', { class: 'chips topics' },
    ...article.topics.map(t => el('li', { class: 'chip topic', 'data-topic-id': t.id }, `${t.id} ${t.score.toFixed(2)}`)));
  const entities = el('ul', { class: 'chips entities' },
    ...article.entities.map(e => el('li', { class: `chip entity type-${e.type}`, 'data-entity-id': e.id, title: e.type }, e.name)));
  const story = article.duplicate
    ? el('span', { class: 'badge duplicate', title: `duplicate of ${article.duplicateOf}` }, 'duplicate')
    : article.storyId !== article.id
      ? el('span', { class: 'badge story', title: `story ${article.storyId}` }, 'same story')
      : '';
  const item = el('li', { class: 'feed-item', 'data-article-id': article.id },
    el('button', { class: 'title', type: 'button' }, article.title || '(untitled)'), story,
    el('div', { class: 'meta' }, `${article.source} · ${time(article.published || article.processed)} · ${article.language}`),
    topics, entities);
  item.querySelector('.title').addEventListener('click', () => openArticle(article.id));
  return item;
}

function addArticle(article) {
  const feed = document.getElementById('feed');
  const previous = shown.get(article.id);
  const item = feedItem(article);
  if (previous) previous.replaceWith(item);
  else feed.prepend(item);
  shown.set(article.id, item);
  if (article.id === selectedId) item.classList.add('selected');
  while (feed.children.length > FEED_LIMIT) {
    const last = feed.lastElementChild;
    shown.delete(last.dataset.articleId);
    last.remove();
  }
  document.getElementById('feed-empty').hidden = true;
  document.getElementById('count').textContent = `${shown.size} article${shown.size === 1 ? '' : 's'}`;
  scheduleCounts(1000);
}

// ---- article view ----------------------------------------------------------------------------------------------

async function openArticle(id) {
  selectedId = id;
  for (const item of document.querySelectorAll('.feed-item.selected')) item.classList.remove('selected');
  shown.get(id)?.classList.add('selected');
  const view = document.getElementById('article');
  const response = await fetch(`api/articles/${encodeURIComponent(id)}`);
  showArticle(true);
  if (!response.ok) {
    delete view.dataset.articleId;
    document.getElementById('article-title').textContent = 'This article is no longer kept by the console';
    for (const part of ['article-meta', 'article-legend', 'article-text', 'article-entities', 'article-topics']) {
      document.getElementById(part).replaceChildren();
    }
    return;
  }
  renderArticle(await response.json());
  view.scrollIntoView({ block: 'nearest' });
}

function showArticle(visible) {
  document.getElementById('article-body').hidden = !visible;
  document.getElementById('article-hint').hidden = visible;
}

/**
 * The text, cut by the server into segments at every mention and evidence boundary (offsets in UTF-16 code units,
 * which is what String.prototype.slice counts): a mark per entity, inside a span for the topics whose evidence
 * covers the piece.
 */
function highlightedText(detail) {
  const entities = new Map(detail.entities.map(e => [e.id, e]));
  const fragment = document.createDocumentFragment();
  for (const segment of detail.segments) {
    let node = document.createTextNode(detail.text.slice(segment.start, segment.end));
    for (const id of segment.entities) {
      const entity = entities.get(id);
      node = el('mark', { class: `entity type-${entity.type}`, 'data-entity-id': id, title: `${entity.name} (${entity.type})` }, node);
    }
    if (segment.topics.length > 0) {
      node = el('span', { class: 'evidence', 'data-topic-ids': segment.topics.join(' '), title: `evidence: ${segment.topics.join(', ')}` }, node);
    }
    fragment.append(node);
  }
  return fragment;
}

function renderArticle(detail) {
  const summary = detail.summary;
  document.getElementById('article').dataset.articleId = summary.id;
  document.getElementById('article-title').textContent = summary.title || '(untitled)';
  const meta = document.getElementById('article-meta');
  meta.replaceChildren(`${summary.source} · ${time(summary.published || summary.processed)} · story ${summary.storyId}`
    + (summary.duplicate ? ` · duplicate of ${summary.duplicateOf}` : '') + ' · ',
    /^https?:\/\//i.test(summary.url)
      ? el('a', { href: summary.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : '');
  const types = [...new Set(detail.entities.map(e => e.type))];
  document.getElementById('article-legend').replaceChildren(
    ...types.map(type => el('span', { class: `chip type-${type}` }, type)),
    el('span', { class: 'chip evidence-key' }, 'topic evidence'));
  // The whole text, title included: headline mentions are highlighted too, and offsets start at the title.
  const text = document.getElementById('article-text');
  text.replaceChildren(highlightedText(detail));
  document.getElementById('article-entities').replaceChildren(...detail.entities.map(e =>
    el('li', { class: `chip type-${e.type}`, 'data-entity-id': e.id, title: e.id }, `${e.name} ×${e.mentionCount}`)));
  document.getElementById('article-topics').replaceChildren(...detail.topics.map(t =>
    el('li', { 'data-topic-id': t.id },
      el('strong', {}, t.id), ` ${t.score.toFixed(2)}: `,
      t.evidence.map(v => `“${detail.text.slice(v.start, v.end)}”`).join(', '))));
}

// ---- topic sparklines ------------------------------------------------------------------------------------------

function sparkline(topic, counts) {
  const width = 120, height = 24, max = Math.max(1, ...counts);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('data-topic-id', topic);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${topic}: articles per minute over the last hour`);
  const base = document.createElementNS(SVG, 'line');
  for (const [name, value] of [['x1', 0], ['y1', height - 1], ['x2', width], ['y2', height - 1]]) base.setAttribute(name, value);
  const line = document.createElementNS(SVG, 'polyline');
  const step = width / (counts.length - 1);
  line.setAttribute('points', counts.map((c, i) => `${(i * step).toFixed(1)},${(height - 2 - (c / max) * (height - 4)).toFixed(1)}`).join(' '));
  svg.append(base, line);
  return svg;
}

async function refreshCounts() {
  countsTimer = null;
  try {
    const response = await fetch('api/topic-counts');
    if (!response.ok) return;
    const data = await response.json();
    document.getElementById('sparklines').replaceChildren(...data.topics.map(t =>
      el('li', { 'data-topic-id': t.id },
        el('span', { class: 'topic-name' }, t.id), sparkline(t.id, t.counts),
        el('span', { class: 'total', title: 'articles in the last hour' }, t.counts.reduce((a, b) => a + b, 0)))));
    document.getElementById('trends-empty').hidden = data.topics.length > 0;
  } catch (e) {
    // The application is restarting; the next refresh will do.
  }
}

function scheduleCounts(delay) {
  if (countsTimer === null) countsTimer = setTimeout(refreshCounts, delay);
}

// ---- alerts ----------------------------------------------------------------------------------------------------

function addAlert(alert) {
  const list = document.getElementById('alerts');
  const severity = (alert.severity || '').toLowerCase();
  list.prepend(el('li', { class: 'alert' },
    severity ? el('span', { class: `severity ${severity}` }, severity) : '',
    el('strong', {}, alert.title || '(no title)'),
    el('div', { class: 'meta', title: Object.entries(alert.fields).map(([k, v]) => `${k}: ${v}`).join('\n') },
      `${alert.key ?? ''} · ${time(alert.time)}`)));
  while (list.children.length > ALERT_LIMIT) list.lastElementChild.remove();
  document.getElementById('alerts-empty').hidden = true;
}

// ---- event stream ----------------------------------------------------------------------------------------------

function connect() {
  const events = new EventSource('events');
  events.addEventListener('open', () => setStatus('live'));
  events.addEventListener('article', e => addArticle(JSON.parse(e.data)));
  events.addEventListener('alert', e => addAlert(JSON.parse(e.data)));
  events.addEventListener('error', () => {
    setStatus('reconnecting');
    // EventSource retries by itself after a network error, but gives up for good on an HTTP error status.
    if (events.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
  });
}

document.getElementById('article-close').addEventListener('click', () => {
  showArticle(false);
  delete document.getElementById('article').dataset.articleId;
  selectedId = null;
  for (const item of document.querySelectorAll('.feed-item.selected')) item.classList.remove('selected');
});
connect();
refreshCounts();
setInterval(() => scheduleCounts(0), 15000);
