// The console's shell: hash routes (#/conversations, #/analytics …), the sign-in form, and the
// menu shaped by the signed-in role (an operator sees no settings; the API refuses them anyway).
import { currentUser, signIn, signOut } from './api.js';
import { button, element, field, formProblem, input, problemText, showProblem, viewHeading } from './ui.js';
import { conversationsView, conversationView, debugView } from './conversations.js';
import { analyticsView } from './analytics.js';
import { templatesView } from './templates.js';
import { bookingsView } from './bookings.js';
import { knowledgeView } from './knowledge.js';
import { settingsView } from './settings.js';

const Staff = new Set(['admin', 'operator']);

const routes = {
  conversations: (main, [id, part], user, params) =>
    id ? (part === 'debug' ? debugView(main, id) : conversationView(main, id)) : conversationsView(main, params),
  analytics: (main) => analyticsView(main),
  templates: (main) => templatesView(main),
  bookings: (main, _, user, params) => bookingsView(main, params),
  knowledge: (main) => knowledgeView(main),
  settings: (main, _, user) => settingsView(main, user),
};

const main = document.getElementById('main');
let shown = 0;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, search] = raw.split('?');
  const [name, ...rest] = path.split('/').filter(Boolean);
  return { name: name || '', rest: rest.map(decodeURIComponent), params: new URLSearchParams(search || '') };
}

function showChrome(user) {
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  nav.hidden = !user;
  account.hidden = !user;
  if (!user) return;
  document.getElementById('who').textContent = `${user.username} (${user.role})`;
  for (const item of nav.querySelectorAll('[data-role="admin"]')) item.hidden = user.role !== 'admin';
}

function markCurrent(name) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  const { name, rest, params } = parseHash();
  const user = currentUser();
  showChrome(user);
  if (!user) {
    if (name !== 'sign-in') {
      location.replace('#/sign-in');
      return;
    }
    markCurrent('');
    renderSignIn();
    return;
  }
  if (!routes[name]) {
    location.replace('#/conversations');
    return;
  }
  markCurrent(name);
  const view = ++shown;
  main.replaceChildren(element('p', 'muted', 'Loading…'));
  const content = document.createElement('div');
  // A view may return what to do once it is on the page (a chart needs its laid-out size).
  let attached = null;
  try {
    attached = await routes[name](content, rest, user, params);
  } catch (error) {
    if (error && error.status === 401) return;
    content.replaceChildren(viewHeading('Something went wrong'), element('p', 'problem', problemText(error)));
  }
  // A later navigation has replaced this one: its page wins.
  if (view !== shown) return;
  main.replaceChildren(...content.childNodes);
  if (typeof attached === 'function') attached();
  const heading = main.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} · Concierge console`;
    if (document.activeElement === document.body || !main.contains(document.activeElement)) heading.focus({ preventScroll: true });
  }
}

function renderSignIn() {
  const form = element('form', 'panel sign-in');
  form.noValidate = false;
  const username = input('email', { autocomplete: 'username', required: true });
  const password = input('password', { autocomplete: 'current-password', required: true });
  const problem = formProblem();
  form.append(
    field('Email', username, { wide: true, name: 'username' }),
    field('Password', password, { wide: true, name: 'password' }),
    problem,
    button('Sign in'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button');
    submit.disabled = true;
    try {
      const user = await signIn(username.value.trim(), password.value);
      if (!user || !Staff.has(user.role)) {
        signOut();
        problem.textContent = 'This console is for the tenant\'s operators and admins.';
        return;
      }
      location.hash = '#/conversations';
    } catch (error) {
      // A wrong password names no field: the message goes under the form.
      showProblem(form, error.status === 401 ? { message: 'The email or password is wrong.', problem: {} } : error);
    } finally {
      submit.disabled = false;
    }
  });
  const heading = viewHeading('Sign in');
  document.title = 'Sign in · Concierge console';
  main.replaceChildren(heading, element('p', 'muted', 'Sign in with your account of the tenant.'), form);
  username.focus();
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  location.hash = '#/sign-in';
});

window.addEventListener('console:signed-out', () => {
  if (parseHash().name !== 'sign-in') location.hash = '#/sign-in';
});
window.addEventListener('hashchange', route);
route();
