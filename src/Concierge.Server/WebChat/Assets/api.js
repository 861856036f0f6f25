// The public session API, as any client calls it: the agent key names the public agent, and a
// turn streams over SSE. EventSource cannot POST or send headers, so the stream is read with
// fetch and a ReadableStream and parsed here (text/event-stream: "event:", "id:", "data:" lines,
// a blank line ends an event, ":" lines are comments such as the server's pings).

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export class ChatApi {
  constructor(agentKey) {
    this.agentKey = agentKey;
  }

  headers(extra) {
    const headers = { ...extra };
    if (this.agentKey) {
      headers['X-Agent-Key'] = this.agentKey;
    }
    return headers;
  }

  async json(path, init) {
    const response = await fetch(path, { ...init, headers: this.headers(init && init.headers) });
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    return response.json();
  }

  startSession() {
    return this.json('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  }

  session(id) {
    return this.json(`/api/v1/sessions/${encodeURIComponent(id)}`);
  }

  // Every message, page by page (next_after is null on the last page).
  async history(id) {
    const messages = [];
    let after = 0;
    for (;;) {
      const page = await this.json(`/api/v1/sessions/${encodeURIComponent(id)}/messages?after=${after}&limit=200`);
      messages.push(...page.messages);
      if (page.next_after === null || page.next_after === undefined) {
        return messages;
      }
      after = page.next_after;
    }
  }

  // Sends a message and calls onEvent({name, id, data}) for each event until done or error.
  async send(id, text, onEvent) {
    const response = await fetch(`/api/v1/sessions/${encodeURIComponent(id)}/messages`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
      body: JSON.stringify({ message: text }),
    });
    return readStream(response, onEvent);
  }

  // The rest of a turn's stream after lastEventId (the whole newest stream without one). False when nothing is left (204).
  async resume(id, lastEventId, onEvent) {
    const headers = { accept: 'text/event-stream' };
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    const response = await fetch(`/api/v1/sessions/${encodeURIComponent(id)}/stream`, { headers: this.headers(headers) });
    if (response.status === 204) {
      return false;
    }
    await readStream(response, onEvent);
    return true;
  }
}

export async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

async function readStream(response, onEvent) {
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = newEvent();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (event.data.length > 0) {
          const finished = { name: event.name, id: event.id, data: JSON.parse(event.data.join('\n')) };
          onEvent(finished);
          if (finished.name === 'done' || finished.name === 'error') {
            await reader.cancel();
            return;
          }
        }
        event = newEvent();
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = text;
        else if (field === 'id') event.id = text;
        else if (field === 'data') event.data.push(text);
      }
    }
  }
}

function newEvent() {
  return { name: 'message', id: null, data: [] };
}
