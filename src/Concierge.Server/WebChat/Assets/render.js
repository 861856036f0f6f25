// Builds the conversation's DOM from the API's JSON. Every text from the server or the user is
// set with textContent (never innerHTML), so a message such as <img src=x onerror=...> is shown
// as the characters it is.

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// One message of the conversation: <li class="message user|assistant"><p class="bubble">text</p></li>.
export function messageItem(role, text) {
  const item = element('li', `message ${role === 'user' ? 'user' : 'assistant'}`);
  item.append(element('span', 'visually-hidden', role === 'user' ? 'You said:' : 'Reply:'));
  item.append(element('p', 'bubble', text));
  return item;
}

export function setBubbleText(item, text) {
  item.querySelector('.bubble').textContent = text;
}

// The crisis protocol's reply: visibly set apart and named for assistive technology.
export function markCrisis(item) {
  if (item.classList.contains('crisis')) return;
  item.classList.add('crisis');
  // On the bubble, not the <li>: a list item given another role would break the list.
  const bubble = item.querySelector('.bubble');
  bubble.setAttribute('role', 'note');
  bubble.setAttribute('aria-label', 'Support resources');
  item.prepend(element('strong', 'crisis-badge', 'Support resources'));
}

export const isCrisisTurn = (turn) =>
  turn.action === 'CRISIS' || turn.action === 'CRISIS_SUPPORT' || Boolean(turn.user_message && turn.user_message.safety && turn.user_message.safety.crisis);

// A WhatsApp-style preview of a template draft (Meta's component shapes), variables filled by their examples.
export function templatePreview(draft) {
  const components = Array.isArray(draft && draft.components) ? draft.components : [];
  const find = (type) => components.find((c) => c && String(c.type).toUpperCase() === type);
  const figure = element('figure', 'template-preview');
  figure.append(element('figcaption', 'template-caption', `WhatsApp preview${draft.name ? `: ${draft.name}` : ''}`));
  const bubble = element('div', 'wa-bubble');
  const header = find('HEADER');
  if (header && header.text) {
    bubble.append(element('p', 'wa-header', fill(header.text, header.example, 'header')));
  } else if (header && header.format) {
    bubble.append(element('p', 'wa-header wa-media', `[${String(header.format).toLowerCase()}]`));
  }
  const body = find('BODY');
  if (body && body.text) bubble.append(element('p', 'wa-body', fill(body.text, body.example, 'body')));
  const footer = find('FOOTER');
  if (footer && footer.text) bubble.append(element('p', 'wa-footer', footer.text));
  figure.append(bubble);
  const buttons = find('BUTTONS');
  if (buttons && Array.isArray(buttons.buttons) && buttons.buttons.length > 0) {
    const list = element('ul', 'wa-buttons');
    list.setAttribute('aria-label', 'Template buttons');
    for (const button of buttons.buttons) {
      list.append(element('li', 'wa-button', button.text || button.type));
    }
    figure.append(list);
  }
  return figure;
}

// {{1}} from the positional examples, {{name}} from the named ones; a variable without an example stays as written.
function fill(text, example, part) {
  const positional = example && example[`${part}_text`];
  const values = part === 'body' && Array.isArray(positional) ? positional[0] : positional;
  const named = new Map(((example && example[`${part}_text_named_params`]) || []).map((p) => [p.param_name, p.example]));
  return String(text).replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name) => {
    if (/^\d+$/.test(name) && Array.isArray(values) && values[Number(name) - 1] !== undefined) return String(values[Number(name) - 1]);
    return named.has(name) ? String(named.get(name)) : whole;
  });
}

// The booking the conversation made, from the session's memory (the booking skill's state).
export function bookingCard(memory) {
  const card = element('section', 'booking-card');
  card.setAttribute('aria-label', 'Booking confirmation');
  card.append(element('h3', 'booking-title', 'Booking confirmed'));
  const list = element('dl', 'booking-details');
  const service = memory.service && (memory.service.name || memory.service.key);
  const when = [memory.date, memory.time].filter(Boolean).join(' ');
  for (const [label, value] of [['Service', service], ['Date and time', when], ['Party', memory.party_size], ['Name', memory.name]]) {
    if (value === undefined || value === null || value === '') continue;
    list.append(element('dt', null, label), element('dd', null, value));
  }
  card.append(list);
  return card;
}

// A knowledge answer's sources: a link when the source has a URL, else its title and snippet.
export function sourcesList(sources) {
  const section = element('section', 'sources');
  section.setAttribute('aria-label', 'Sources');
  section.append(element('h3', 'sources-title', 'Sources'));
  const list = element('ol', 'sources-list');
  for (const source of sources) {
    const item = element('li', 'source');
    const url = safeUrl(source.url);
    if (url) {
      const link = element('a', 'source-title', source.title || url);
      link.href = url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      item.append(link);
    } else {
      item.append(element('span', 'source-title', source.title));
    }
    if (source.snippet) item.append(element('q', 'source-snippet', source.snippet));
    list.append(item);
  }
  section.append(list);
  return section;
}

// Only http(s) links are made clickable: a javascript: URL from data would run in the page.
function safeUrl(raw) {
  if (!raw) return null;
  try {
    const url = new URL(raw, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// Buttons for the turn's choices; choosing sends the choice's id as the next message.
export function choiceButtons(choices, onChoose) {
  const group = element('div', 'choices');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Choices');
  for (const choice of choices) {
    const id = typeof choice === 'string' ? choice : choice.id;
    const label = typeof choice === 'string' ? choice : choice.label || choice.text || choice.title || choice.id;
    if (id === undefined || id === null) continue;
    const button = element('button', 'choice', label);
    button.type = 'button';
    button.dataset.choiceId = String(id);
    button.addEventListener('click', () => onChoose(String(id)));
    group.append(button);
  }
  return group;
}
