// Tasklist sends its own sort order with every list request (the "sorting" URL parameter, "created"
// when absent), which overrides the order stored in a filter. Snapdesk's filters are about SLA due dates,
// so a task list opened without a chosen order starts sorted by due date, earliest first; the agent can
// still pick another order in the list header, which then stays in the URL.
const DUE_DATE_FIRST = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

function preferDueDate() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') return; // only the task list; task forms and modals keep their URLs
  if (/(^|&)sorting=/.test(query)) return;
  window.location.replace(`#/?${query ? `${query}&` : ''}sorting=${DUE_DATE_FIRST}`);
}

preferDueDate();
window.addEventListener('hashchange', preferDueDate);

export default [];
