// The partner page's own code: opens the help at the code it showed, and
// lists what the help tells it (a real partner would log these).
const events = document.getElementById('events');
for (const type of ['opened', 'viewed', 'contact', 'feedback', 'closed']) {
  window.NHSLoginHelp?.on(type, (detail) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify(detail)}`;
    events?.append(item);
  });
}
document.getElementById('help-with-error')?.addEventListener('click', (event) => {
  window.NHSLoginHelp?.open({ error: event.currentTarget.dataset.error });
});
