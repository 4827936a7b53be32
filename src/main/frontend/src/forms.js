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

// The page's language: form-js speaks English only, so its own messages are put into Chinese here.
const chinese = () => !(document.documentElement.lang || 'zh').toLowerCase().startsWith('en');
const say = (zh, en) => (chinese() ? zh : en);

const ZH_MESSAGES = [
  [/^Field is required\.$/, () => '此项必填。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字。`],
  [/^Field must match pattern /, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number/, () => '请填写有效的电话号码。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digit/, (m) => `最多 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (m) => `请填写有效的值，最接近的是 ${m[1]} 和 ${m[2]}。`],
];

function toChinese(message) {
  for (const [pattern, text] of ZH_MESSAGES) {
    const m = String(message).match(pattern);
    if (m) return text(m);
  }
  return message;
}

// wraps form-js's validator so that its messages come out in the page's language
function ValidatorMessages(validator) {
  if (!chinese()) return;
  ['validateField', 'validateFieldInstance'].forEach((name) => {
    const check = validator[name].bind(validator);
    validator[name] = (...args) => check(...args).map(toChinese);
  });
}
ValidatorMessages.$inject = ['validator'];
const ValidatorMessagesModule = { __init__: ['linliValidatorMessages'], linliValidatorMessages: ['type', ValidatorMessages] };

// the dropdown's "Select", the search box's "Search" and the number buttons' labels are fixed words in form-js's markup
function translatePlaceholders(host) {
  if (!chinese()) return null;
  const apply = () => {
    // the text node's own data, not a new node: Preact keeps writing the chosen name into that node
    host.querySelectorAll('.fjs-select-display').forEach((el) => {
      const text = el.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE && text.data === 'Select') text.data = '请选择';
    });
    host.querySelectorAll('input[placeholder="Search"]').forEach((el) => el.setAttribute('placeholder', '搜索'));
    host.querySelectorAll('button[aria-label="Increment"]').forEach((el) => el.setAttribute('aria-label', '加一'));
    host.querySelectorAll('button[aria-label="Decrement"]').forEach((el) => el.setAttribute('aria-label', '减一'));
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(host, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'aria-label'] });
  return observer;
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
    // the server answers in the page's language when it is named, both otherwise
    const res = await fetch(schemaUrl, { credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': say('zh-CN', 'en') } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    // Linli's GET /api/tasks/{id}/form answers { schema, data }; a bare form-js schema works too
    schema = body.schema || body;
    initial = { ...(body.schema ? body.data : {}), ...data };
  } catch (e) {
    showSummary(say(`表单加载失败（${e.message}）`, `The form could not be loaded (${e.message})`), []);
    return null;
  }

  const form = new Form({ container: host, additionalModules: [ValidatorMessagesModule] });
  await form.importSchema(schema, initial);
  translatePlaceholders(host);
  const fields = fieldsByKey(schema);
  let busy = false;

  form.on('submit', async (event) => {
    if (busy || Object.keys(event.errors).length) return; // form-js shows its own errors
    busy = true;
    form.setProperty('disabled', true);
    try {
      const headers = {
        'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', 'Accept-Language': say('zh-CN', 'en'),
      };
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
        lines.push(`${c && c.label ? c.label : field}${say('：', ': ')}${message}`);
      });
      // form-js renders these under each field, as for its own checks
      form._setState({ errors: byId });
      const why = (body && (body.detail || body.title)) || 'HTTP ' + res.status;
      showSummary(lines.length ? say('请更正以下内容', 'Please correct the following')
        : say(`提交失败（${why}）`, `Not submitted (${why})`), lines);
    } catch (e) {
      showSummary(say(`提交失败，请重试（${e.message}）`, `Not submitted, please try again (${e.message})`), []);
    } finally {
      busy = false;
      form.setProperty('disabled', false);
    }
  });
  return form;
}

window.LinliForms = { render };
