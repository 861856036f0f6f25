// The web chat page: one conversation per agent key, kept across reloads. Plain ES modules, no
// build step (see the README's "Web chat").
import { ApiError, ChatApi } from './api.js';
import { bookingCard, choiceButtons, element, isCrisisTurn, markCrisis, messageItem, setBubbleText, sourcesList, templatePreview } from './render.js';

const params = new URLSearchParams(location.search);
const agentKey = params.get('agent_key') || '';
const api = new ChatApi(agentKey);
// One saved conversation per agent key ("" is the deployment's default agent).
const storageKey = `concierge.webchat.${agentKey}`;

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('message');
const send = document.getElementById('send');
const status = document.getElementById('status');
const announcer = document.getElementById('announcer');

if (params.get('embed') === '1') document.body.classList.add('embedded');

// { session: id, stream: { lastEventId, text } while a reply is streaming }
function load() {
  try {
    return JSON.parse(localStorage.getItem(storageKey)) || {};
  } catch {
    return {};
  }
}

function save(state) {
  localStorage.setItem(storageKey, JSON.stringify(state));
}

let state = load();
let busy = false;

function setBusy(value) {
  busy = value;
  send.disabled = value;
  log.setAttribute('aria-busy', String(value));
}

function show(node) {
  log.append(node);
  node.scrollIntoView({ block: 'end' });
}

function say(text) {
  status.textContent = text;
}

async function ensureSession() {
  if (state.session) return state.session;
  const session = await api.startSession();
  state = { session: session.id };
  save(state);
  return state.session;
}

// Relays one turn's events into the reply's bubble, saving how far it got (state.stream) so that a
// reload can resume: the message sent, how many messages the log had before it, the last event id
// and the reply's text so far.
function streamInto(item, initialText) {
  let text = initialText || '';
  const progress = (id) => {
    if (!state.stream) return;
    if (id) state.stream.lastEventId = id;
    state.stream.text = text;
    save(state);
  };
  return (event) => {
    if (event.name === 'delta') {
      text += event.data.text;
      setBubbleText(item, text);
      progress(event.id);
    } else if (event.name === 'restart') {
      text = '';
      setBubbleText(item, text);
      progress(event.id);
    } else if (event.name === 'done') {
      delete state.stream;
      save(state);
      finishTurn(item, event.data);
    } else if (event.name === 'error') {
      delete state.stream;
      save(state);
      const problem = event.data || {};
      setBubbleText(item, text || problem.detail || 'The reply failed.');
      item.classList.add('failed');
      item.classList.remove('streaming');
      say(problem.detail || 'The reply failed.');
    }
  };
}

// What the turn's JSON carries besides its words: a template draft, a booking, sources, a crisis, choices.
function finishTurn(item, turn) {
  setBubbleText(item, turn.reply);
  if (isCrisisTurn(turn)) markCrisis(item);
  const draft = turn.final_creation_payload || turn.draft;
  if (draft && Array.isArray(draft.components)) item.append(templatePreview(draft));
  if (Array.isArray(turn.sources) && turn.sources.length > 0) item.append(sourcesList(turn.sources));
  if (Array.isArray(turn.choices) && turn.choices.length > 0) item.append(choiceButtons(turn.choices, (id) => submit(id)));
  if (turn.action === 'BOOKED') void showBooking(item);
  announcer.textContent = turn.reply;
  item.classList.remove('streaming');
}

async function showBooking(item) {
  try {
    const session = await api.session(state.session);
    if (session.memory) item.append(bookingCard(session.memory));
  } catch (error) {
    say(error.message);
  }
}

async function submit(text) {
  if (busy || !text.trim()) return;
  setBusy(true);
  say('');
  const before = log.querySelectorAll('.message').length;
  show(messageItem('user', text));
  const reply = messageItem('assistant', '');
  reply.classList.add('streaming');
  try {
    let id = await ensureSession();
    show(reply);
    state.stream = { message: text, before, lastEventId: null, text: '' };
    save(state);
    try {
      await api.send(id, text, streamInto(reply));
    } catch (error) {
      // A session that expired or vanished: start a new one and send the message there.
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 410)) throw error;
      state = {};
      id = await ensureSession();
      state.stream = { message: text, before: 0, lastEventId: null, text: '' };
      await api.send(id, text, streamInto(reply));
    }
  } catch (error) {
    reply.remove();
    delete state.stream;
    save(state);
    say(error.message || 'The message could not be sent.');
  } finally {
    setBusy(false);
    input.focus();
  }
}

// After a reload: the history, the latest draft or booking, and the rest of an unfinished reply.
async function restore() {
  if (!state.session) return;
  let session;
  let messages;
  try {
    [session, messages] = await Promise.all([api.session(state.session), api.history(state.session)]);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
      state = {};
      save(state);
      return;
    }
    say(error.message);
    return;
  }
  let last = null;
  for (const message of messages) {
    last = messageItem(message.role, message.content);
    if (message.role === 'user' && message.safety && message.safety.crisis) last.dataset.crisis = 'true';
    log.append(last);
  }
  if (last && messages[messages.length - 1].role !== 'user') {
    const previous = last.previousElementSibling;
    if (previous && previous.dataset.crisis === 'true') markCrisis(last);
    const draft = session.final_creation_payload || session.draft;
    if (draft && Array.isArray(draft.components)) last.append(templatePreview(draft));
    if (session.last_action === 'BOOKED' && session.memory) last.append(bookingCard(session.memory));
  }
  // A reply that was streaming when the page went away: its turn commits both messages at its end,
  // so while the history has no more messages than before it, the turn is still running (or its
  // events are still kept) and its stream is resumed after the last event the page saw.
  if (state.stream && messages.length <= state.stream.before) {
    show(messageItem('user', state.stream.message));
    await resume(state.stream);
  } else if (state.stream) {
    delete state.stream;
    save(state);
  }
  if (log.lastElementChild) log.lastElementChild.scrollIntoView({ block: 'end' });
}

async function resume(stream) {
  setBusy(true);
  const reply = messageItem('assistant', stream.text);
  reply.classList.add('streaming');
  show(reply);
  try {
    const resumed = await api.resume(state.session, stream.lastEventId, streamInto(reply, stream.text));
    if (!resumed) {
      // Nothing was left to send: the turn ended with the last event the page saw; the history has it after a reload.
      reply.remove();
      delete state.stream;
      save(state);
    }
  } catch (error) {
    // The stream is gone (past its retention, say): what was committed is in the history at the next load.
    reply.remove();
    delete state.stream;
    save(state);
    say(error.message);
  } finally {
    setBusy(false);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = '';
  void submit(text);
});

document.getElementById('new-chat').addEventListener('click', () => {
  state = {};
  save(state);
  log.replaceChildren();
  say('A new conversation starts with your next message.');
  input.focus();
});

void restore();
