// Small DOM builders for the console's views. Every text from the API is set with textContent
// (render.js's element), never innerHTML, so a name like <img src=x onerror=...> shows as written.
import { element } from '/webchat/render.js';

export { element };

let ids = 0;
const nextId = (stem) => `${stem}-${++ids}`;

// The view's heading, focused after navigation so a keyboard or screen-reader user starts there.
export function viewHeading(text) {
  const heading = element('h1', null, text);
  heading.tabIndex = -1;
  return heading;
}

// A paragraph holding nodes (a link, a button): element() takes text, never nodes.
export function paragraph(...children) {
  const node = element('p');
  node.append(...children);
  return node;
}

export function section(title, ...children) {
  const box = element('section', 'panel');
  const heading = element('h2', null, title);
  heading.id = nextId('section');
  box.setAttribute('aria-labelledby', heading.id);
  box.append(heading, ...children);
  return box;
}

// A labelled control: <div class="field"><label for>…</label><control><p class="problem"></p></div>.
// The problem paragraph is where the API's 400 text for this field goes (showProblem).
export function field(label, control, { wide = false, name } = {}) {
  const box = element('div', `field${wide ? ' wide' : ''}${control.type === 'checkbox' ? ' check' : ''}`);
  control.id = control.id || nextId('field');
  if (name) control.name = name;
  const labelNode = element('label', null, label);
  labelNode.htmlFor = control.id;
  const problem = element('p', 'problem');
  problem.id = `${control.id}-problem`;
  problem.dataset.field = control.name || '';
  control.setAttribute('aria-describedby', problem.id);
  if (control.type === 'checkbox') box.append(control, labelNode, problem);
  else box.append(labelNode, control, problem);
  return box;
}

export function input(type, attributes = {}) {
  const node = element('input');
  node.type = type;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === 'value') node.value = String(value);
    else if (key === 'checked') node.checked = Boolean(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  return node;
}

export function select(options, value) {
  const node = element('select');
  for (const option of options) {
    const [optionValue, text] = Array.isArray(option) ? option : [option, option];
    const item = element('option', null, text);
    item.value = optionValue;
    node.append(item);
  }
  if (value !== undefined && value !== null) node.value = String(value);
  return node;
}

export function button(text, onClick, className) {
  const node = element('button', className, text);
  node.type = onClick ? 'button' : 'submit';
  if (onClick) node.addEventListener('click', onClick);
  return node;
}

// A table: columns are [header, row => text or Node]. Wrapped so a wide table scrolls by itself on a phone.
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  const wrap = element('div', 'table-wrap');
  if (rows.length === 0) {
    wrap.append(element('p', 'muted', empty));
    return wrap;
  }
  const node = element('table');
  node.append(element('caption', null, caption));
  const head = element('thead');
  const headRow = element('tr');
  for (const [header] of columns) {
    const th = element('th', null, header);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    for (const [, cell] of columns) {
      const td = element('td');
      const value = cell(row);
      if (value instanceof Node) td.append(value);
      else td.textContent = value === undefined || value === null ? '' : String(value);
      tr.append(td);
    }
    body.append(tr);
  }
  node.append(head, body);
  wrap.append(node);
  return wrap;
}

// A definition list of [term, value] pairs, leaving out empty values.
export function facts(pairs) {
  const list = element('dl', 'facts');
  for (const [term, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    const dd = element('dd');
    if (value instanceof Node) dd.append(value);
    else dd.textContent = String(value);
    list.append(element('dt', null, term), dd);
  }
  return list;
}

export function badge(text, kind) {
  return element('span', `badge ${kind || String(text)}`, text);
}

// JSON as text in a box that scrolls: a named, focusable region, so a keyboard can scroll it too.
export function json(value, label) {
  const node = element('pre', null, JSON.stringify(value, null, 2));
  node.tabIndex = 0;
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', label);
  return node;
}

// "2026-12-07 14:05" from an ISO time, as the server wrote it (its offset kept: booking times are the tenant's).
export function when(iso) {
  if (!iso) return '';
  const text = String(iso);
  const offset = text.match(/(Z|[+-]\d\d:\d\d)$/);
  return `${text.slice(0, 16).replace('T', ' ')}${offset ? (offset[1] === 'Z' || offset[1] === '+00:00' ? ' UTC' : ` ${offset[1]}`) : ''}`;
}

export const problemText = (error) => (error && error.message) || 'Something went wrong.';

// Shows the API's problem next to the field it names (the problem's "field"), or in the form's own
// slot; with no error it clears them.
export function showProblem(form, error) {
  for (const slot of form.querySelectorAll('.problem')) slot.textContent = '';
  if (!error) return null;
  const name = error && error.problem && error.problem.field;
  const slot = (name && form.querySelector(`.problem[data-field="${CSS.escape(name)}"]`)) || form.querySelector('.problem.form-problem');
  if (slot) slot.textContent = problemText(error);
  return slot;
}

export function formProblem() {
  const slot = element('p', 'problem form-problem');
  slot.setAttribute('role', 'alert');
  return slot;
}

export function announce(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function utcDay(offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86400000);
  return date.toISOString().slice(0, 10);
}
