// sitrep's web page: map, timeline, filters and evidence panel.
//
// Everything comes from this server's own API; nothing is fetched from any
// other host (the Content-Security-Policy forbids it). Text from articles
// is only ever put into the page with textContent or as attribute values,
// never parsed as HTML, so an article containing <script> shows as text.
'use strict';

(function () {
  const TYPES = [
    ['Battles', '#c0392b'],
    ['Explosions/Remote violence', '#e67e22'],
    ['Violence against civilians', '#8e44ad'],
    ['Protests', '#2471a3'],
    ['Riots', '#6e4b3a'],
    ['Strategic developments', '#1e8449'],
  ];
  const COLOUR = Object.fromEntries(TYPES);
  const MODALITY_TEXT = {
    asserted: 'asserted: told as fact',
    attributed: 'attributed: someone says so',
    speculative: 'speculative: may, could, indications',
    planned: 'planned or threatened',
    negated: 'denied',
  };
  const PRECISION_TEXT = {
    1: 'the place itself',
    2: 'near the place',
    3: 'somewhere in the region',
  };
  const MAP_LIMIT = 5000;

  const state = { since: null, until: null, types: [], actor: '', country: '', modality: '', text: '' };
  const $ = (id) => document.getElementById(id);

  // ---- small DOM helpers (text only) ----
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** A link only for web URLs; anything else (javascript:, data:) is plain text. */
  function safeLink(url, text) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url.trim())) {
      return el('a', { href: url.trim(), rel: 'noopener noreferrer', target: '_blank' }, text || url);
    }
    return document.createTextNode(text || url || '');
  }

  function query(extra, withDates) {
    const p = new URLSearchParams();
    if (withDates !== false) {
      if (state.since) p.set('since', state.since);
      if (state.until) p.set('until', state.until);
    }
    state.types.forEach((t) => p.append('type', t));
    p.set('merged', 'true'); // each event once; its reports are in its panel
    for (const k of ['actor', 'country', 'modality', 'text']) if (state[k]) p.set(k, state[k]);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  function setStatus(text) { $('status').textContent = text; }

  // ---- map and basemap ----
  const map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 13, zoomSnap: 0.5 }).setView([30, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Basemap: Natural Earth');
  map.createPane('land').style.zIndex = 200;
  map.createPane('borders').style.zIndex = 250;
  let admin1Layer = null;
  let admin1Loading = false;

  async function loadBasemap() {
    const topo = await getJSON('/basemap/countries-50m.json');
    L.geoJSON(topojson.feature(topo, topo.objects.land), {
      pane: 'land', interactive: false, style: { fillColor: '#f4f1ea', fillOpacity: 1, stroke: false },
    }).addTo(map);
    L.geoJSON(topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b), {
      pane: 'borders', interactive: false, style: { color: '#7d7464', weight: 1, fill: false },
    }).addTo(map);
  }

  /** Admin-1 borders from zoom 5 on (4,500 areas: loaded the first time they are needed). */
  async function updateAdmin1() {
    const show = map.getZoom() >= 5;
    if (show && !admin1Layer && !admin1Loading) {
      admin1Loading = true;
      const topo = await getJSON('/basemap/admin1.json');
      admin1Layer = L.geoJSON(topojson.mesh(topo, topo.objects.admin1, (a, b) => a !== b), {
        pane: 'borders', interactive: false, style: { color: '#a79e8e', weight: 0.7, dashArray: '3 3', fill: false },
      });
      admin1Loading = false;
    }
    if (admin1Layer) {
      if (show && !map.hasLayer(admin1Layer)) admin1Layer.addTo(map);
      if (!show && map.hasLayer(admin1Layer)) map.removeLayer(admin1Layer);
    }
  }
  map.on('zoomend', () => { updateAdmin1().catch((e) => setStatus('Admin-1 borders: ' + e.message)); });

  // ---- events on the map ----
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 36,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    disableClusteringAtZoom: 9,
  });
  map.addLayer(clusters);

  function markerSize(fatalities) {
    return Math.round(14 + Math.min(22, 4 * Math.sqrt(fatalities || 0)));
  }

  function describe(p) {
    const who = p.actor1 ? p.actor1.name : 'unknown actor';
    const where = p.location ? p.location.name : 'no location';
    return `${p.date || 'undated'}: ${p.sub_event_type} by ${who} at ${where} (${p.modality})`;
  }

  function marker(f) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const size = markerSize(p.fatalities);
    const dot = el('div', { class: `ev m-${p.modality}`, 'data-event': p.event_id });
    dot.style.background = COLOUR[p.event_type] || '#555';
    dot.style.color = COLOUR[p.event_type] || '#555';
    const icon = L.divIcon({ className: 'ev-icon', html: dot, iconSize: [size, size] });
    const m = L.marker([lat, lon], { icon, title: describe(p), alt: describe(p), keyboard: true });
    m.on('click', () => openEvent(p.event_id));
    return m;
  }

  function listItem(p) {
    const li = el('li', { tabindex: '0', 'data-event': p.event_id },
      el('span', { class: 'swatch' }), ' ',
      el('span', { class: 'when' }, p.date || 'undated'), ' ',
      p.sub_event_type, ', ', p.location ? p.location.name : 'no location',
      p.modality !== 'asserted' ? ` (${p.modality})` : '');
    li.firstChild.style.background = COLOUR[p.event_type] || '#555';
    const open = () => openEvent(p.event_id);
    li.addEventListener('click', open);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    return li;
  }

  let firstLoad = true;
  async function loadEvents() {
    setStatus('Loading events…');
    const r = await fetch('/api/events.geojson?' + query({ limit: MAP_LIMIT }));
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      throw new Error(body.error || r.statusText);
    }
    const fc = await r.json();
    const located = fc.features.filter((f) => f.geometry);
    clusters.clearLayers();
    clusters.addLayers(located.map(marker));
    const list = $('event-list');
    list.replaceChildren(...fc.features.slice(0, 300).map((f) => listItem(f.properties)));
    const more = r.headers.get('x-next-cursor') ? ` (first ${MAP_LIMIT}; narrow the filters for more)` : '';
    setStatus(`${fc.features.length} events, ${located.length} on the map${more}`);
    $('dl-csv').href = '/api/events.csv?' + query();
    $('dl-geojson').href = '/api/events.geojson?' + query({ limit: 50000 });
    if (firstLoad && located.length) {
      map.fitBounds(clusters.getBounds(), { padding: [30, 30], maxZoom: 7 });
    }
    firstLoad = false;
  }

  function legend() {
    const box = $('legend');
    for (const [name, colour] of TYPES) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = colour;
      box.append(el('div', null, sw, name));
    }
    const sample = (cls, text) => {
      const d = el('span', { class: `swatch ev ${cls}` });
      d.style.background = '#777';
      d.style.color = '#777';
      return el('div', null, d, text);
    };
    box.append(sample('m-asserted', 'asserted'), sample('m-attributed', 'attributed (dotted ring)'),
      sample('m-speculative', 'speculative or planned (hollow)'), sample('m-negated', 'denied (grey)'),
      el('div', null, 'size: fatalities'));
  }

  // ---- timeline: a histogram of the filtered events; drag to choose dates ----
  const DAY = 86400000;
  const timeline = { bins: [], start: 0, end: 0, binDays: 1, svg: null };

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  async function loadTimeline() {
    const body = await getJSON('/api/counts?' + query({ by: 'day' }, false));
    const days = body.counts.filter((c) => c.key).map((c) => [Date.parse(c.key + 'T00:00:00Z'), c.events]);
    drawTimeline(days);
  }

  function drawTimeline(days) {
    const box = $('timeline');
    box.replaceChildren();
    if (!days.length) { box.append(el('p', { class: 'axis' }, 'No dated events.')); return; }
    const first = days[0][0];
    const last = days[days.length - 1][0];
    const days0 = (last - first) / DAY + 1;
    const binDays = days0 <= 400 ? 1 : days0 <= 2000 ? 7 : 30;
    // One empty bin on each side, so the first and last bars can be brushed.
    const start = first - binDays * DAY;
    const end = last + 2 * binDays * DAY;
    const span = (end - start) / DAY;
    const n = Math.ceil(span / binDays);
    const bins = new Array(n).fill(0);
    for (const [d, c] of days) bins[Math.floor((d - start) / DAY / binDays)] += c;
    Object.assign(timeline, { bins, start, end: start + n * binDays * DAY, binDays });
    const W = box.clientWidth || 800, H = box.clientHeight || 90, top = 6, bottom = 16;
    const max = Math.max(...bins);
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    const bw = W / n;
    bins.forEach((c, i) => {
      if (!c) return;
      const h = Math.max(1.5, (H - top - bottom) * c / max);
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('class', 'bar');
      r.setAttribute('x', String(i * bw));
      r.setAttribute('width', String(Math.max(1, bw - 0.5)));
      r.setAttribute('y', String(H - bottom - h));
      r.setAttribute('height', String(h));
      r.dataset.bin = String(i);
      const t = document.createElementNS(ns, 'title');
      t.textContent = `${isoDay(start + i * binDays * DAY)}: ${c} events`;
      r.append(t);
      svg.append(r);
    });
    for (const [x, anchor, label] of [[2, 'start', isoDay(first)], [W - 2, 'end', isoDay(last)]]) {
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('class', 'axis');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(H - 4));
      t.setAttribute('text-anchor', anchor);
      t.textContent = label;
      svg.append(t);
    }
    const brush = document.createElementNS(ns, 'rect');
    brush.setAttribute('class', 'brush');
    brush.setAttribute('y', '0');
    brush.setAttribute('height', String(H - bottom));
    brush.setAttribute('width', '0');
    svg.append(brush);
    box.append(svg);
    timeline.svg = svg;
    timeline.brush = brush;
    timeline.width = W;
    attachBrush(svg);
    showRange();
  }

  function xToDay(x) {
    const ms = timeline.start + (x / timeline.width) * (timeline.end - timeline.start);
    return isoDay(Math.max(timeline.start, Math.min(timeline.end - DAY, ms)));
  }
  function dayToX(day) {
    return ((Date.parse(day + 'T00:00:00Z') - timeline.start) / (timeline.end - timeline.start)) * timeline.width;
  }
  function svgX(svg, ev) {
    const r = svg.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * timeline.width;
  }

  function attachBrush(svg) {
    let from = null;
    svg.addEventListener('pointerdown', (ev) => {
      from = svgX(svg, ev);
      svg.setPointerCapture(ev.pointerId);
      drawBrush(from, from);
    });
    svg.addEventListener('pointermove', (ev) => { if (from !== null) drawBrush(from, svgX(svg, ev)); });
    svg.addEventListener('pointerup', (ev) => {
      if (from === null) return;
      const to = svgX(svg, ev);
      const [a, b] = [Math.min(from, to), Math.max(from, to)];
      from = null;
      if (b - a < 3) { setRange(null, null); return; }
      const since = xToDay(a);
      let until = xToDay(b);
      if (timeline.binDays > 1) until = isoDay(Date.parse(until + 'T00:00:00Z') + (timeline.binDays - 1) * DAY);
      setRange(since, until);
    });
  }

  function drawBrush(a, b) {
    const [x0, x1] = [Math.min(a, b), Math.max(a, b)];
    timeline.brush.setAttribute('x', String(x0));
    timeline.brush.setAttribute('width', String(x1 - x0));
  }

  function showRange() {
    $('range-label').textContent = state.since ? `${state.since} to ${state.until}` : 'all';
    $('clear-range').hidden = !state.since;
    const report = $('dl-report');
    report.hidden = !(state.since && state.since === state.until);
    if (!report.hidden) report.href = '/api/report?' + new URLSearchParams({ date: state.since });
    if (!timeline.svg) return;
    if (state.since) drawBrush(dayToX(state.since), dayToX(state.until) + timeline.width * DAY / (timeline.end - timeline.start));
    else drawBrush(0, 0);
    for (const bar of timeline.svg.querySelectorAll('.bar')) {
      const d = isoDay(timeline.start + Number(bar.dataset.bin) * timeline.binDays * DAY);
      const out = state.since && (d < isoDay(Date.parse(state.since + 'T00:00:00Z') - (timeline.binDays - 1) * DAY) || d > state.until);
      bar.classList.toggle('out', Boolean(out));
    }
  }

  function setRange(since, until) {
    state.since = since;
    state.until = until;
    showRange();
    loadEvents().catch((e) => setStatus('Error: ' + e.message));
  }

  // ---- the event panel ----
  function row(dl, term, ...value) {
    dl.append(el('dt', null, term), el('dd', null, ...value));
  }

  function actorText(a) { return a ? `${a.name} (${a.code}${a.country ? ', ' + a.country : ''})` : null; }

  function evidenceBlock(d) {
    const e = d.event;
    if (!d.context) return el('p', { class: 'paragraph' }, el('mark', null, e.evidence.text));
    return el('p', { class: 'paragraph' }, d.context.before, el('mark', null, d.context.evidence), d.context.after);
  }

  function eventLink(r) {
    const a = el('a', { href: '#event/' + encodeURIComponent(r.event_id) },
      `${r.sub_event_type}${r.location ? ' at ' + r.location.name : ''} (${r.modality})`);
    return a;
  }

  function sourceItem(s) {
    const title = s.title || s.doc_id;
    return el('li', null, s.url ? safeLink(s.url, title) : title,
      s.outlet ? `, ${s.outlet}` : '', s.published ? `, ${s.published}` : '', s.byline ? `, ${s.byline}` : '',
      el('span', { class: 'when' }, ` [${s.doc_id}]`));
  }

  function renderPanel(d) {
    const e = d.event;
    const body = $('panel-body');
    const dl = el('dl');
    row(dl, 'Date', e.date ? `${e.date} (${e.date_precision})` : 'not given');
    row(dl, 'Type', `${e.event_type}: ${e.sub_event_type}`);
    row(dl, 'Modality', el('span', { class: `badge ${e.modality}` }, MODALITY_TEXT[e.modality] || e.modality),
      e.attribution ? ` according to ${e.attribution}` : '');
    if (e.actor1) row(dl, 'Actor', actorText(e.actor1));
    if (e.actor2) row(dl, 'Against', actorText(e.actor2));
    if (e.location) {
      const l = e.location;
      row(dl, 'Place', [l.name, l.admin2, l.admin1, l.country].filter(Boolean).join(', '));
      row(dl, 'Coordinates', `${l.lat.toFixed(4)}, ${l.lon.toFixed(4)}: ${PRECISION_TEXT[l.precision] || 'precision ' + l.precision}`,
        el('br'), el('span', { class: 'when' }, l.gazetteer_id));
    } else {
      row(dl, 'Place', 'not given');
    }
    if (e.fatalities !== null && e.fatalities !== undefined) row(dl, 'Fatalities', String(e.fatalities));
    if (e.quantities.length) row(dl, 'Counted', e.quantities.map((q) => `${q.value}${q.max ? '-' + q.max : ''} ${q.unit}`).join(', '));
    row(dl, 'Codes', `CAMEO ${e.cameo}, PLOVER ${e.plover}${e.plover_mode ? ' / ' + e.plover_mode : ''}`);
    const parts = [el('h2', null, e.sub_event_type), dl, el('h3', null, 'Evidence'), evidenceBlock(d)];
    if (d.same_sentence.length) {
      parts.push(el('h3', null, 'Also read from this sentence'), el('ul', null, ...d.same_sentence.map((r) => el('li', null, eventLink(r)))));
    }
    if (d.other_reports.length) {
      parts.push(el('h3', null, 'Other reports'), el('ul', null, ...d.other_reports.map((r) => el('li', null, eventLink(r), ` [${r.doc_id}]`))));
    }
    parts.push(el('h3', null, d.sources.length > 1 ? 'Sources' : 'Source'), el('ul', null, ...d.sources.map(sourceItem)));
    body.replaceChildren(...parts);
    $('panel').hidden = false;
    $('panel').scrollTop = 0;
  }

  async function openEvent(id) {
    try {
      const d = await getJSON('/api/events/' + encodeURIComponent(id));
      renderPanel(d);
      if (location.hash !== '#event/' + id) history.replaceState(null, '', '#event/' + encodeURIComponent(id));
      if (d.event.location) {
        const ll = [d.event.location.lat, d.event.location.lon];
        if (!map.getBounds().contains(ll)) map.panTo(ll);
      }
    } catch (e) {
      setStatus('Error: ' + e.message);
    }
  }

  function fromHash() {
    const m = /^#event\/(.+)$/.exec(location.hash);
    if (m) openEvent(decodeURIComponent(m[1]));
  }

  // ---- filters ----
  function buildTypeBoxes() {
    const box = $('types');
    for (const [name, colour] of TYPES) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = colour;
      box.append(el('label', null, el('input', { type: 'checkbox', name: 'type', value: name }), sw, name));
    }
  }

  function readForm() {
    state.types = [...document.querySelectorAll('#types input:checked')].map((i) => i.value);
    state.actor = $('f-actor').value.trim();
    state.country = $('f-country').value.trim();
    state.modality = $('f-modality').value;
    state.text = $('f-text').value.trim();
  }

  async function refresh() {
    readForm();
    try {
      await Promise.all([loadEvents(), loadTimeline()]);
    } catch (e) {
      setStatus('Error: ' + e.message);
    }
  }

  async function loadActors() {
    const body = await getJSON('/api/actors?limit=500');
    $('actor-list').replaceChildren(...body.actors.map((a) => el('option', { value: a.name }, `${a.code} (${a.mentions})`)));
  }

  function wire() {
    $('filter-form').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
    $('reset').addEventListener('click', () => { setTimeout(() => { state.since = state.until = null; showRange(); refresh(); }, 0); });
    $('clear-range').addEventListener('click', () => setRange(null, null));
    $('close-panel').addEventListener('click', () => { $('panel').hidden = true; history.replaceState(null, '', location.pathname); });
    $('toggle-filters').addEventListener('click', () => {
      const open = $('filters').classList.toggle('open');
      $('toggle-filters').setAttribute('aria-expanded', String(open));
    });
    window.addEventListener('hashchange', fromHash);
    let resize = null;
    window.addEventListener('resize', () => { clearTimeout(resize); resize = setTimeout(() => loadTimeline().catch(() => {}), 200); });
  }

  async function start() {
    buildTypeBoxes();
    legend();
    wire();
    loadBasemap().catch((e) => setStatus('Basemap: ' + e.message));
    loadActors().catch(() => {});
    await refresh();
    fromHash();
    document.body.dataset.ready = 'true';
  }

  start();
})();
