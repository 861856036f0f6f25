// Knowledge: upload a document (multipart, the field 'file'), the documents with their status
// (refreshed while one is still indexing), and a search box showing the ranked chunks.
import { api, query } from './api.js';
import { announce, badge, button, element, field, formProblem, input, section, showProblem, table, viewHeading, when } from './ui.js';

const PollMs = 1000;
const PollTimes = 60;

export async function knowledgeView(main) {
  const documents = element('div');
  const drawDocuments = async () => {
    const { documents: list } = await api('/api/v1/knowledge/documents');
    documents.replaceChildren(table('Documents, newest first', [
      ['Title', (d) => d.title],
      ['File', (d) => d.file_name],
      ['Type', (d) => d.type || ''],
      ['Status', (d) => badge(d.status, d.status)],
      ['Chunks', (d) => d.chunks],
      ['Agent', (d) => d.agent || 'all'],
      ['Uploaded', (d) => when(d.created_at)],
      ['Problem', (d) => d.failure_reason || ''],
    ], list, 'No document yet.'));
    return list;
  };
  // Polls until no document is still indexing (a large file is indexed by a job, after the upload answers).
  const refreshUntilSettled = async () => {
    for (let i = 0; i < PollTimes; i++) {
      const list = await drawDocuments();
      if (!list.some((d) => d.status === 'indexing')) return;
      await new Promise((resolve) => setTimeout(resolve, PollMs));
    }
  };

  const upload = element('form', 'inline');
  const file = input('file', { required: true });
  const uploadProblem = formProblem();
  upload.append(field('Document', file, { name: 'file' }), button('Upload'), uploadProblem);
  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files || file.files.length === 0) return;
    const submit = upload.querySelector('button[type="submit"]');
    submit.disabled = true;
    const form = new FormData();
    form.append('file', file.files[0]);
    try {
      const added = await api('/api/v1/knowledge/documents', { method: 'POST', form });
      showProblem(upload, null);
      announce(`Uploaded ${added.title}: ${added.status}.`);
      upload.reset();
      await refreshUntilSettled();
    } catch (error) {
      showProblem(upload, error);
    } finally {
      submit.disabled = false;
    }
  });

  const search = element('form', 'inline');
  search.setAttribute('role', 'search');
  search.setAttribute('aria-label', 'Search the documents');
  const words = input('search', { required: true });
  const searchProblem = formProblem();
  const results = element('div');
  search.append(field('Search', words, { name: 'q' }), button('Search'), searchProblem);
  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const found = await api(`/api/v1/knowledge/search${query({ q: words.value, limit: 10 })}`);
      showProblem(search, null);
      const list = element('ol', 'results');
      list.setAttribute('aria-label', 'Ranked chunks');
      for (const hit of found.results) {
        const item = element('li', 'hit');
        item.append(element('strong', 'hit-title', hit.title));
        if (hit.heading_path) item.append(element('span', 'muted', ` · ${hit.heading_path}`));
        item.append(element('span', 'muted', ` · score ${hit.score}`), element('p', 'hit-snippet', hit.snippet));
        list.append(item);
      }
      results.replaceChildren(found.results.length === 0 ? element('p', 'muted', 'No chunk matches.') : list);
      announce(`${found.results.length} chunks found.`);
    } catch (error) {
      showProblem(search, error);
    }
  });

  await drawDocuments();
  main.append(viewHeading('Knowledge'), section('Upload', upload), section('Documents', documents), section('Search', search, results));
}
