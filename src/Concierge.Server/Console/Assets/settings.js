// Settings (admins): the agents' settings (PATCH only what changed; the API's 400 text shows next
// to the field it names), the tenant's users, and API keys (a new key's secret is shown once).
import { api, segment } from './api.js';
import { announce, badge, button, element, field, formProblem, input, problemText, section, select, showProblem, table, viewHeading, when } from './ui.js';

const Roles = [['operator', 'Operator'], ['admin', 'Admin'], ['customer', 'Customer']];

export async function settingsView(main, user) {
  if (user.role !== 'admin') {
    main.append(viewHeading('Settings'), element('p', null, 'Only an admin of the tenant changes settings.'));
    return;
  }
  const [{ agents }] = await Promise.all([api('/api/v1/agents')]);
  const users = element('div');
  const keys = element('div');
  await Promise.all([drawUsers(users), drawKeys(keys)]);
  main.append(
    viewHeading('Settings'),
    section('Agents', ...agents.map(agentForm)),
    section('Users', newUserForm(users), users),
    section('API keys', newKeyForm(keys), keys),
  );
}

// The agent's editable settings: [wire name, label, control from the agent, value from the control].
// No min/max on the numbers: the API checks the ranges and its problem text shows next to the field.
const AgentFields = [
  ['instructions', 'Instructions', (a) => textarea(a.instructions), (c) => c.value, true],
  ['model', 'Model (empty: the default)', (a) => input('text', { value: a.model || '' }), (c) => c.value.trim() || null],
  ['temperature', 'Temperature', (a) => input('number', { value: a.temperature, step: 'any' }), (c) => (c.value === '' ? c.value : Number(c.value))],
  ['daily_budget_usd', 'Daily budget in USD (empty: none)', (a) => input('number', { value: a.daily_budget_usd ?? '', step: 'any' }), (c) => (c.value === '' ? null : Number(c.value))],
  ['public_key', 'Public key for the web chat (empty: none)', (a) => input('text', { value: a.public_key || '' }), (c) => c.value.trim() || null],
  ['double_texting', 'A message while a turn runs', (a) => select([['enqueue', 'Waits its turn'], ['reject', 'Is refused']], a.double_texting), (c) => c.value],
  ['crisis_detection', 'Crisis detection', (a) => input('checkbox', { checked: a.crisis_detection }), (c) => c.checked],
  ['expose_debug', 'Expose the debug view', (a) => input('checkbox', { checked: a.expose_debug }), (c) => c.checked],
];

function textarea(value) {
  const node = element('textarea');
  node.value = value || '';
  node.rows = 6;
  return node;
}

function agentForm(agent) {
  const form = element('form', 'panel agent');
  form.setAttribute('aria-label', `Agent ${agent.name}`);
  form.append(element('h3', null, `${agent.name} (${agent.key})`), element('p', 'muted', `Skills: ${agent.skills.join(', ')}${agent.is_default ? ' · the default agent' : ''}`));
  const controls = new Map();
  const body = element('div', 'filters');
  for (const [name, label, make, , wide] of AgentFields) {
    const control = make(agent);
    controls.set(name, control);
    body.append(field(label, control, { name, wide }));
  }
  let saved = agent;
  const problem = formProblem();
  form.append(body, button(`Save ${agent.name}`), problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const change = {};
    for (const [name, , , read] of AgentFields) {
      const value = read(controls.get(name));
      if (value !== saved[name] && !(value === null && saved[name] === undefined)) change[name] = value;
    }
    if (Object.keys(change).length === 0) {
      showProblem(form, null);
      problem.textContent = 'Nothing changed.';
      return;
    }
    try {
      saved = await api(`/api/v1/agents/${segment(agent.id)}`, { method: 'PATCH', json: change });
      showProblem(form, null);
      announce(`${agent.name} saved.`);
      problem.textContent = '';
      form.querySelector('.saved')?.remove();
      form.append(element('p', 'saved', `Saved ${Object.keys(change).join(', ')}.`));
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

async function drawUsers(box) {
  const { users } = await api('/api/v1/users');
  box.replaceChildren(table('Users of the tenant', [
    ['Email', (u) => u.username],
    ['Role', (u) => u.role],
    ['Customer', (u) => u.customer_id || ''],
    ['Created', (u) => when(u.created_at)],
    ['', (u) => {
      const remove = button('Delete', async () => {
        remove.disabled = true;
        try {
          await api(`/api/v1/users/${segment(u.id)}`, { method: 'DELETE' });
          announce(`${u.username} deleted.`);
          await drawUsers(box);
        } catch (error) {
          remove.disabled = false;
          box.prepend(element('p', 'problem', problemText(error)));
        }
      }, 'danger');
      remove.setAttribute('aria-label', `Delete ${u.username}`);
      return remove;
    }],
  ], users));
}

function newUserForm(users) {
  const form = element('form', 'inline');
  form.setAttribute('aria-label', 'Add a user');
  const username = input('email', { required: true, autocomplete: 'off' });
  const password = input('password', { required: true, autocomplete: 'new-password' });
  const role = select(Roles, 'operator');
  form.append(field('Email', username, { name: 'username' }), field('Password', password, { name: 'password' }), field('Role', role, { name: 'role' }), button('Add user'), formProblem());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const added = await api('/api/v1/users', { method: 'POST', json: { username: username.value.trim(), password: password.value, role: role.value } });
      showProblem(form, null);
      form.reset();
      announce(`${added.username} added.`);
      await drawUsers(users);
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

async function drawKeys(box) {
  const { keys } = await api('/api/v1/keys');
  box.replaceChildren(table('API keys (their secrets are never shown again)', [
    ['Name', (k) => k.name],
    ['Role', (k) => k.role],
    ['Hint', (k) => k.hint],
    ['Created', (k) => when(k.created_at)],
    ['Last used', (k) => when(k.last_used_at)],
    ['State', (k) => (k.revoked_at ? badge(`revoked ${when(k.revoked_at)}`, 'cancelled') : badge('active', 'open'))],
    ['', (k) => {
      if (k.revoked_at) return '';
      const revoke = button('Revoke', async () => {
        revoke.disabled = true;
        try {
          await api(`/api/v1/keys/${segment(k.id)}/revoke`, { method: 'POST' });
          announce(`${k.name} revoked.`);
          await drawKeys(box);
        } catch (error) {
          revoke.disabled = false;
          box.prepend(element('p', 'problem', problemText(error)));
        }
      }, 'danger');
      revoke.setAttribute('aria-label', `Revoke ${k.name}`);
      return revoke;
    }],
  ], keys));
}

function newKeyForm(keys) {
  const form = element('form', 'inline');
  form.setAttribute('aria-label', 'Create an API key');
  const name = input('text', { required: true, autocomplete: 'off' });
  const role = select(Roles.filter(([r]) => r !== 'customer'), 'operator');
  const secret = element('div');
  secret.setAttribute('aria-live', 'polite');
  form.append(field('Name', name, { name: 'name' }), field('Role', role, { name: 'role' }), button('Create key'), formProblem(), secret);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api('/api/v1/keys', { method: 'POST', json: { name: name.value.trim(), role: role.value } });
      showProblem(form, null);
      form.reset();
      const notice = element('div', 'notice new-key');
      notice.append(element('p', null, `The secret of ${created.name}, shown this once: copy it now.`), element('p', 'secret', created.key));
      secret.replaceChildren(notice);
      await drawKeys(keys);
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}
