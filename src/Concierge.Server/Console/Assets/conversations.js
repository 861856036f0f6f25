// Conversations: the session list with the API's filters, a transcript (paged) with each turn's
// action, source and timing, and the debug view (model calls with payloads, tool calls, jobs).
import { api, query, segment } from './api.js';
import { badge, button, element, facts, field, formProblem, input, json, paragraph, section, select, showProblem, table, viewHeading, when } from './ui.js';

const Filters = ['q', 'agent', 'channel', 'customer_id', 'from', 'to', 'crisis', 'fallback'];
const PageSize = 50;

export async function agentsById() {
  const { agents } = await api('/api/v1/agents');
  return { agents, byId: new Map(agents.map((a) => [a.id, a])) };
}

export async function conversationsView(main, params) {
  const chosen = Object.fromEntries(Filters.map((name) => [name, params.get(name) || '']));
  const { agents, byId } = await agentsById();
  const first = await api(`/api/v1/sessions${query({ ...chosen, limit: PageSize })}`);

  const form = element('form', 'filters');
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Find conversations');
  const controls = {
    q: input('search', { value: chosen.q, placeholder: 'Words in a message' }),
    agent: select([['', 'Any agent'], ...agents.map((a) => [a.key, a.name])], chosen.agent),
    channel: select([['', 'Any channel'], ['api', 'API'], ['web', 'Web chat'], ['whatsapp', 'WhatsApp'], ['twilio', 'Twilio'], ['openai', 'OpenAI-compatible']], chosen.channel),
    customer_id: input('text', { value: chosen.customer_id }),
    from: input('date', { value: chosen.from }),
    to: input('date', { value: chosen.to }),
    crisis: select([['', 'Any'], ['true', 'With a crisis'], ['false', 'Without a crisis']], chosen.crisis),
    fallback: select([['', 'Any'], ['true', 'Answered by the fallback'], ['false', 'No fallback']], chosen.fallback),
  };
  const labels = { q: 'Search messages', agent: 'Agent', channel: 'Channel', customer_id: 'Customer id', from: 'Active from', to: 'Active to', crisis: 'Crisis', fallback: 'Fallback' };
  for (const name of Filters) form.append(field(labels[name], controls[name], { name }));
  const problem = formProblem();
  form.append(button('Find'), button('Clear', () => { location.hash = '#/conversations'; }, 'secondary'), problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(Filters.map((name) => [name, controls[name].value.trim()]));
    location.hash = `#/conversations${query(values)}`;
  });

  const list = element('div');
  const more = button('Show more conversations', null, 'secondary');
  more.type = 'button';
  let after = first.next_after;
  const rows = [...first.sessions];
  const draw = () => {
    list.replaceChildren(sessionTable(rows, byId));
    more.hidden = !after;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await api(`/api/v1/sessions${query({ ...chosen, limit: PageSize, after })}`);
      rows.push(...page.sessions);
      after = page.next_after;
      draw();
    } catch (error) {
      showProblem(form, error);
    } finally {
      more.disabled = false;
    }
  });
  draw();
  main.append(viewHeading('Conversations'), section('Find', form), section('Sessions', list, more));
}

function sessionTable(sessions, byId) {
  return table('Sessions, newest first', [
    ['Started', (s) => {
      const link = element('a', null, when(s.created_at));
      link.href = `#/conversations/${segment(s.id)}`;
      link.setAttribute('aria-label', `Conversation started ${when(s.created_at)}`);
      return link;
    }],
    ['Agent', (s) => (byId.get(s.agent_id) || {}).name || s.agent_id],
    ['Channel', (s) => s.channel],
    ['Customer', (s) => s.customer_id || ''],
    ['Messages', (s) => s.message_count],
    ['Last action', (s) => s.last_action || ''],
    ['Updated', (s) => when(s.updated_at)],
  ], sessions, 'No conversation matches.');
}

export async function conversationView(main, id) {
  const [session, { byId }] = await Promise.all([api(`/api/v1/sessions/${segment(id)}`), agentsById()]);
  const transcript = element('ol', 'transcript');
  transcript.setAttribute('aria-label', 'Transcript');
  const more = button('Show later messages', null, 'secondary');
  more.type = 'button';
  let after = 0;
  const load = async () => {
    const page = await api(`/api/v1/sessions/${segment(id)}/messages${query({ after, limit: PageSize })}`);
    for (const message of page.messages) transcript.append(messageItem(message));
    after = page.next_after;
    more.hidden = after === null || after === undefined;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      await load();
    } finally {
      more.disabled = false;
    }
  });
  await load();
  const debug = element('a', null, 'Open the debug view');
  debug.href = `#/conversations/${segment(id)}/debug`;
  const back = element('a', null, 'Back to conversations');
  back.href = '#/conversations';
  main.append(
    viewHeading('Conversation'),
    paragraph(back),
    section('Session', facts([
      ['Id', session.id],
      ['Agent', (byId.get(session.agent_id) || {}).name || session.agent_id],
      ['Channel', session.channel],
      ['Customer', session.customer_id],
      ['Messages', session.message_count],
      ['Last action', session.last_action],
      ['Started', when(session.created_at)],
      ['Expires', when(session.expires_at)],
    ]), paragraph(debug)),
    section('Transcript', transcript, more),
  );
}

function messageItem(message) {
  const crisis = Boolean(message.safety && message.safety.crisis);
  const item = element('li', `${message.role === 'user' ? 'user' : 'assistant'}${crisis ? ' crisis' : ''}`);
  const meta = element('p', 'meta');
  meta.append(element('strong', null, message.role === 'user' ? 'User' : message.role === 'assistant' ? 'Assistant' : message.role), ` · ${when(message.created_at)}`);
  if (message.turn) {
    const turn = message.turn;
    meta.append(' · ', element('span', 'turn', `${turn.action} · ${turn.source}${turn.duration_ms !== undefined && turn.duration_ms !== null ? ` · ${turn.duration_ms} ms` : ''}`));
  }
  if (crisis) meta.append(' ', badge(`crisis (${message.safety.severity})`, 'crisis'));
  if (message.delivery) meta.append(' ', badge(`${message.delivery.provider}: ${message.delivery.state}`, message.delivery.state));
  item.append(meta, element('p', 'content', message.content));
  return item;
}

export async function debugView(main, id) {
  const debug = await api(`/api/v1/sessions/${segment(id)}/debug`);
  const back = element('a', null, 'Back to the conversation');
  back.href = `#/conversations/${segment(id)}`;
  const calls = modelCalls(debug.llm_logs || []);
  const info = debug.session_info || {};
  main.append(
    viewHeading('Debug view'),
    paragraph(back),
    section('Session', facts([
      ['Id', debug.session_id],
      ['Messages', info.total_messages],
      ['Model calls', info.total_llm_calls],
      ['Channel', info.channel],
      ['Customer', info.customer_id],
      ['In crisis since', when(info.crisis_since)],
      ['Last action', debug.last_action],
      ['Updated', when(debug.updated_at)],
    ])),
    section('Model calls', callTable(calls), ...calls.map(callDetails)),
    section('Tool calls', toolTable(calls)),
    section('Jobs', jobTable(debug.jobs)),
    section('Memory', json(debug.memory || {}, 'Stored state, as JSON')),
    section('Draft', debug.current_draft ? json(debug.current_draft, 'The draft, as JSON') : element('p', 'muted', 'No draft.')),
  );
}

// The debug document lists each call as a request entry and a response entry; they pair by call_id.
function modelCalls(logs) {
  const calls = new Map();
  for (const entry of logs) {
    const call = calls.get(entry.call_id) || { id: entry.call_id };
    if (entry.direction === 'request') call.request = entry;
    else call.response = entry;
    calls.set(entry.call_id, call);
  }
  return [...calls.values()].map((call) => ({ ...call, entry: call.response || call.request }));
}

function callTable(calls) {
  return table('Model calls, in order', [
    ['Time', (c) => when(c.request ? c.request.timestamp : c.entry.timestamp)],
    ['Model', (c) => c.entry.model],
    ['Provider', (c) => c.entry.provider],
    ['Outcome', (c) => c.entry.outcome],
    ['Latency (ms)', (c) => (c.response ? c.response.latency_ms : '')],
    ['Input tokens', (c) => (c.response ? c.response.input_tokens ?? '' : '')],
    ['Output tokens', (c) => (c.response ? c.response.output_tokens ?? '' : '')],
    ['Cost (USD)', (c) => (c.response && c.response.cost !== null && c.response.cost !== undefined ? Number(c.response.cost).toFixed(6) : '')],
  ], calls, 'This conversation made no model call.');
}

function callDetails(call, index) {
  const details = element('details', 'call');
  details.append(element('summary', null, `Call ${index + 1}: ${call.entry.model} payloads`));
  details.append(element('h3', null, 'Request'), json(call.request ? call.request.payload : null, `Request payload of call ${index + 1}`));
  details.append(element('h3', null, 'Response'), json(call.response ? call.response.payload : null, `Response payload of call ${index + 1}`));
  if (call.response && call.response.error) details.append(element('p', 'problem', call.response.error));
  return details;
}

// Tool calls as the provider returned them: chat-completions tool_calls or Responses function_call items.
function toolCalls(payload) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (Array.isArray(node.tool_calls)) {
      for (const call of node.tool_calls) found.push({ name: (call.function && call.function.name) || call.name, args: (call.function && call.function.arguments) || call.arguments });
    }
    if (node.type === 'function_call' && node.name) found.push({ name: node.name, args: node.arguments });
    if (node.type === 'tool_use' && node.name) found.push({ name: node.name, args: node.input });
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(payload);
  return found;
}

function toolTable(calls) {
  const rows = calls.flatMap((call, index) => toolCalls(call.response && call.response.payload).map((tool) => ({ ...tool, call: index + 1 })));
  return table('Tool calls the model asked for', [
    ['Call', (t) => t.call],
    ['Tool', (t) => t.name],
    ['Arguments', (t) => (typeof t.args === 'string' ? t.args : JSON.stringify(t.args))],
  ], rows, 'No tool call.');
}

function jobTable(jobs) {
  if (!Array.isArray(jobs)) return element('p', 'muted', 'This server does not list a session\'s jobs.');
  return table('Jobs of this conversation', [
    ['Kind', (j) => j.kind],
    ['State', (j) => badge(j.state, j.state)],
    ['Attempts', (j) => j.attempts],
    ['Created', (j) => when(j.created_at)],
    ['Due', (j) => when(j.due_at)],
    ['Last error', (j) => j.last_error || ''],
  ], jobs, 'No job.');
}
