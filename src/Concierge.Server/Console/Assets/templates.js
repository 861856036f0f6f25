// Templates: the tenant's WhatsApp templates with the web chat's preview (render.js) and their
// status; a draft (or a rejected one, once fixed) can be submitted to Meta.
import { api, segment } from './api.js';
import { templatePreview } from '/webchat/render.js';
import { badge, button, element, facts, paragraph, problemText, viewHeading, when } from './ui.js';

const Submittable = new Set(['DRAFT', 'REJECTED']);

export async function templatesView(main) {
  const { templates } = await api('/api/v1/templates');
  const list = element('ul', 'cards');
  list.setAttribute('aria-label', 'Templates');
  for (const template of templates) list.append(card(template));
  main.append(viewHeading('Templates'), templates.length === 0 ? element('p', 'muted', 'No template yet: the template builder agent stores one when a draft is finished.') : list);
}

function card(template) {
  const item = element('li', 'panel template');
  const draw = (t) => {
    const heading = element('h2', null, t.name);
    const result = element('p', 'problem');
    result.setAttribute('role', 'alert');
    const children = [
      heading,
      facts([
        ['Status', badge(t.status, t.status)],
        ['Language', t.language],
        ['Category', t.category],
        ['Meta id', t.meta_template_id],
        ['Rejected because', t.rejection_reason],
        ['Submitted', when(t.submitted_at)],
        ['Created', when(t.created_at)],
      ]),
      templatePreview({ ...t.payload, name: t.name }),
    ];
    if (Submittable.has(t.status)) {
      const submit = button('Submit to Meta', async () => {
        submit.disabled = true;
        try {
          draw(await api(`/api/v1/templates/${segment(t.id)}/submit`, { method: 'POST' }));
        } catch (error) {
          result.textContent = problemText(error);
          submit.disabled = false;
        }
      });
      // The accessible name starts with the visible text (WCAG 2.5.3), then says which template.
      submit.setAttribute('aria-label', `Submit to Meta: ${t.name}`);
      children.push(paragraph(submit));
    }
    children.push(result);
    item.replaceChildren(...children);
  };
  draw(template);
  return item;
}
