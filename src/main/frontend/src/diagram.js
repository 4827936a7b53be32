// LinliDiagram.show(container, bpmnXmlUrl, activeActivityIds, doneActivityIds, options)
// Read-only process diagram: bpmn-js NavigatedViewer (pan and zoom; by touch too), fitted to the container,
// current steps marked `linli-active`, finished steps `linli-done`; options.badges puts small counts on
// steps: [{ id, items: [{ text, href, title, className }], below: [same] }] (an item with href is a link;
// items sit at the step's top right corner, below's at its bottom edge).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const STYLE = `
.linli-diagram { position: relative; min-height: 200px; }
.linli-diagram .linli-message { padding: 1em; color: #a8071a; background: #fff1f0; border: 1px solid #ffa39e; border-radius: 4px; }
.linli-diagram .linli-active:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #1677ff !important; stroke-width: 3px !important; fill: #e6f4ff !important; }
.linli-diagram .linli-done:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #389e0d !important; fill: #f6ffed !important; }
.linli-diagram .linli-badges { display: flex; gap: 2px; white-space: nowrap; }
.linli-diagram .linli-badge { display: inline-block; min-width: 22px; padding: 0 6px; border-radius: 11px; background: #1f5fbf;
  color: #fff; font: 600 12px/22px system-ui, sans-serif; text-align: center; text-decoration: none; box-shadow: 0 1px 2px rgba(0,0,0,.25); }
.linli-diagram .linli-badge.overdue { background: #b91c1c; }
.linli-diagram .linli-badge.none { display: none; }
.linli-diagram .linli-badge.average { min-width: 0; padding: 0 5px; border-radius: 4px; background: #fff; color: #5b3b00;
  border: 1px solid #d48806; font: 600 11px/18px system-ui, sans-serif; box-shadow: none; }
.linli-diagram a.linli-badge:hover { filter: brightness(1.15); text-decoration: none; }
`;

function injectStyle() {
  if (document.getElementById('linli-diagram-style')) return;
  const style = document.createElement('style');
  style.id = 'linli-diagram-style';
  style.textContent = STYLE;
  document.head.appendChild(style);
}

function showMessage(container, text) {
  container.textContent = '';
  const p = document.createElement('p');
  p.className = 'linli-message';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  container.appendChild(p);
}

// diagram-js's MoveCanvas (15.x, under bpmn-js 18) pans on mouse drags only; fingers would scroll
// the page instead. A sideways drag pans the canvas, two fingers pinch-zoom it; the mouse stays with MoveCanvas.
function touchNavigation(viewer) {
  const canvas = viewer.get('canvas');
  const el = canvas.getContainer();
  // an up-and-down swipe still scrolls the page (the diagram is most of a phone's screen); a sideways
  // drag, once it has started, pans the diagram, and two fingers pinch-zoom it
  el.style.touchAction = 'pan-y';
  const pointers = new Map();
  let pinch = null;
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y) || 1;
  };
  el.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse') return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (el.setPointerCapture) el.setPointerCapture(e.pointerId);
    pinch = pointers.size === 2 ? { spread: spread(), zoom: canvas.zoom() } : null;
  });
  el.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    e.preventDefault();
    const now = { x: e.clientX, y: e.clientY };
    pointers.set(e.pointerId, now);
    if (pointers.size === 1) {
      canvas.scroll({ dx: now.x - last.x, dy: now.y - last.y });
    } else if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const box = el.getBoundingClientRect();
      canvas.zoom(pinch.zoom * spread() / pinch.spread, { x: (a.x + b.x) / 2 - box.left, y: (a.y + b.y) / 2 - box.top });
    }
  });
  const lift = (e) => {
    pointers.delete(e.pointerId);
    pinch = null;
  };
  ['pointerup', 'pointercancel', 'lostpointercapture'].forEach((type) => el.addEventListener(type, lift));
}

// Accepts plain BPMN XML or Camunda's REST answer ({ "bpmn20Xml": "…" } from /process-definition/{id}/xml).
async function loadXml(url) {
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/xml, text/xml, application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const text = await res.text();
  if (text.trimStart().startsWith('{')) {
    const json = JSON.parse(text);
    if (!json.bpmn20Xml) throw new Error('no bpmn20Xml in the answer');
    return json.bpmn20Xml;
  }
  return text;
}

// Counts on steps: built as elements with their text set, never as HTML from the data.
function addBadges(viewer, badges) {
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const boxOf = (items) => {
    const box = document.createElement('div');
    box.className = 'linli-badges';
    items.forEach((item) => {
      const el = document.createElement(item.href ? 'a' : 'span');
      el.className = `linli-badge ${item.className || ''}`.trim();
      el.textContent = item.text;
      if (item.href) el.href = item.href;
      if (item.title) {
        el.title = item.title;
        el.setAttribute('aria-label', item.title);
      }
      box.appendChild(el);
    });
    return box;
  };
  (badges || []).forEach((badge) => {
    if (!registry.get(badge.id)) return; // a step of an older version of the process
    // at the step's top right corner, the same size at any zoom
    if ((badge.items || []).length) {
      overlays.add(badge.id, 'linli-badges', { position: { top: -12, right: 12 }, html: boxOf(badge.items), scale: false });
    }
    // across the step's bottom edge, at its left
    if ((badge.below || []).length) {
      overlays.add(badge.id, 'linli-badges', { position: { bottom: 10, left: 4 }, html: boxOf(badge.below), scale: false });
    }
  });
}

async function show(container, bpmnXmlUrl, activeActivityIds = [], doneActivityIds = [], options = {}) {
  injectStyle();
  container.classList.add('linli-diagram');
  if (container._linliViewer) {
    container._linliViewer.destroy();
    container._linliViewer = null;
  }
  let viewer = null;
  try {
    const xml = await loadXml(bpmnXmlUrl);
    container.textContent = '';
    viewer = new NavigatedViewer({ container, height: container.clientHeight > 0 ? '100%' : '480px' });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const mark = (ids, marker) => (ids || []).forEach((id) => registry.get(id) && canvas.addMarker(id, marker));
    mark(doneActivityIds, 'linli-done');
    mark(activeActivityIds, 'linli-active');
    addBadges(viewer, options.badges);
    canvas.zoom('fit-viewport', 'auto');
    touchNavigation(viewer);
    container._linliViewer = viewer;
    return viewer;
  } catch (e) {
    if (viewer) viewer.destroy();
    const why = e && e.message ? e.message : e;
    const english = (document.documentElement.lang || 'zh').toLowerCase().startsWith('en');
    showMessage(container, english ? `The diagram could not be loaded (${why})` : `流程图加载失败（${why}）`);
    return null;
  }
}

window.LinliDiagram = { show };
