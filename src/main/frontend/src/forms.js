// LinliForms.render(container, { schemaUrl, submitUrl, csrfHeader, csrfToken, data, onDone })
// Renders a Camunda Form (form-js) and submits its data (field values by key) as JSON; the server's field errors
// (problem+json `errors: [{field, message}]`) appear under the fields and above the form.
import { Form } from '@bpmn-io/form-js-viewer';

const STYLE = `
.linli-form-errors:empty { display: none; }
.linli-form-errors { margin: 0 0 1em; padding: .75em 1em; color: #a8071a; background: #fff1f0; border: 1px solid #ffa39e; border-radius: 4px; }
.linli-form-errors ul { margin: .25em 0 0; padding-left: 1.25em; }
`;

function injectStyle() {
  if (document.getElementById('linli-forms-style')) return;
  const style = document.createElement('style');
  style.id = 'linli-forms-style';
  style.textContent = STYLE;
  document.head.appendChild(style);
}

// key -> component (id, label) of every keyed field, nested groups included
function fieldsByKey(schema) {
  const map = {};
  const walk = (components) => (components || []).forEach((c) => {
    if (c.key) map[c.key] = c;
    walk(c.components);
  });
  walk(schema.components);
  return map;
}

async function readJson(res) {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

async function render(container, options = {}) {
  const { schemaUrl, submitUrl, csrfHeader, csrfToken, data = {}, onDone } = options;
  injectStyle();
  container.textContent = '';
  container.classList.add('linli-form');
  const summary = document.createElement('div');
  summary.className = 'linli-form-errors';
  summary.setAttribute('role', 'alert');
  const host = document.createElement('div');
  container.append(summary, host);

  const showSummary = (title, lines) => {
    summary.textContent = '';
    if (!title) return;
    const strong = document.createElement('strong');
    strong.textContent = title;
    summary.appendChild(strong);
    if (lines.length) {
      const ul = document.createElement('ul');
      lines.forEach((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        ul.appendChild(li);
      });
      summary.appendChild(ul);
    }
  };

  let schema;
  let initial = data;
  try {
    const res = await fetch(schemaUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    // Linli's GET /api/tasks/{id}/form answers { schema, data }; a bare form-js schema works too
    schema = body.schema || body;
    initial = { ...(body.schema ? body.data : {}), ...data };
  } catch (e) {
    showSummary(`表单加载失败 The form could not be loaded (${e.message})`, []);
    return null;
  }

  const form = new Form({ container: host });
  await form.importSchema(schema, initial);
  const fields = fieldsByKey(schema);
  let busy = false;

  form.on('submit', async (event) => {
    if (busy || Object.keys(event.errors).length) return; // form-js shows its own errors
    busy = true;
    form.setProperty('disabled', true);
    try {
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
      if (csrfHeader && csrfToken) headers[csrfHeader] = csrfToken;
      const res = await fetch(submitUrl, {
        method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(event.data),
      });
      const body = res.status === 204 ? null : await readJson(res);
      if (res.ok) {
        showSummary(null, []);
        if (onDone) onDone({ status: res.status, body });
        return;
      }
      const errors = (body && Array.isArray(body.errors)) ? body.errors : [];
      const byId = {};
      const lines = [];
      errors.forEach(({ field, message }) => {
        const c = fields[field];
        if (c) (byId[c.id] = byId[c.id] || []).push(message);
        lines.push(`${c && c.label ? c.label : field}: ${message}`);
      });
      // form-js renders these under each field, as for its own checks
      form._setState({ errors: byId });
      showSummary(lines.length ? '请更正以下内容 Please correct the following'
        : `提交失败 Not submitted (${(body && (body.detail || body.title)) || 'HTTP ' + res.status})`, lines);
    } catch (e) {
      showSummary(`提交失败, 请重试 Not submitted, please try again (${e.message})`, []);
    } finally {
      busy = false;
      form.setProperty('disabled', false);
    }
  });
  return form;
}

window.LinliForms = { render };
