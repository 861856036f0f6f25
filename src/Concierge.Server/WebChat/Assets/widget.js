// Concierge's chat widget for a business's own site:
//   <script src="https://concierge.example.com/widget.js" data-agent-key="pk_..." defer></script>
// It adds a launcher button and, when opened, an iframe of this server's chat page for that agent.
// Everything runs inside that iframe (its own origin, its own CSP); this script only places it.
(() => {
  const script = document.currentScript;
  if (!script || document.getElementById('concierge-chat-launcher')) return;
  const origin = new URL(script.src, location.href).origin;
  const key = script.dataset.agentKey || '';
  const label = script.dataset.label || 'Chat with us';

  const frameUrl = new URL('/', origin);
  if (key) frameUrl.searchParams.set('agent_key', key);
  frameUrl.searchParams.set('embed', '1');

  // Styles are set through the CSSOM (allowed under a strict style-src), never as style attributes.
  const place = (node, rules) => Object.assign(node.style, rules);

  const button = document.createElement('button');
  button.id = 'concierge-chat-launcher';
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'concierge-chat-frame');
  place(button, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483646', padding: '0.75rem 1.1rem',
    borderRadius: '2rem', border: '0', background: '#0b5cad', color: '#fff', font: '600 16px system-ui, sans-serif',
    boxShadow: '0 2px 8px rgba(0,0,0,.25)', cursor: 'pointer',
  });

  let frame = null;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.id = 'concierge-chat-frame';
      frame.title = 'Chat';
      frame.src = frameUrl.href;
      frame.allow = 'clipboard-write';
      place(frame, {
        position: 'fixed', right: '1rem', bottom: '4.5rem', zIndex: '2147483647', width: 'min(24rem, calc(100vw - 2rem))',
        height: 'min(36rem, calc(100vh - 6rem))', border: '1px solid #c9d1d9', borderRadius: '0.75rem', background: '#fff',
        boxShadow: '0 4px 16px rgba(0,0,0,.25)',
      });
      document.body.append(frame);
    }
    frame.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) frame.focus();
  });

  // A script in <head> without defer runs before <body> exists.
  if (document.body) document.body.append(button);
  else document.addEventListener('DOMContentLoaded', () => document.body.append(button));
})();
