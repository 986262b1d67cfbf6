// The widget's side of the embed protocol, loaded by the app only when it
// runs in a partner's frame (`?embed`). It answers only a page on one of the
// partner's allowed origins (embed-config.json, from the partner profiles),
// then: opens error codes and searches the page asks for; tells the page what
// the person viewed, contact links followed and "Did this help?" answers;
// reports the content's height for inline embedding; and asks the page to
// close the panel on Escape (after a first Escape has cleared a search).
'use strict';

const PROTOCOL = 'nhs-login-help';
const VERSION = 1;

async function start() {
  if (window.parent === window) return;
  const params = new URLSearchParams(location.search);
  const partner = params.get('partner') ?? '';
  let config;
  try {
    // Who may talk to the frame: `no-cache`, so the host is asked each time
    // and a partner removed from the profiles loses access at once, even
    // where a host lets browsers keep the file (an old Last-Modified and no
    // Cache-Control). Offline, the service worker answers with its copy.
    config = await (await fetch('embed-config.json', { cache: 'no-cache' })).json();
  } catch {
    return;
  }
  const partners = config.partners ?? {};
  const allowed = Object.hasOwn(partners, partner) && Array.isArray(partners[partner]) ? partners[partner] : [];
  let host = null; // the partner page's origin, once it has said hello

  const post = (type, fields = {}) => {
    if (host) window.parent.postMessage({ source: PROTOCOL, v: VERSION, type, ...fields }, host);
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !allowed.includes(event.origin)) return;
    if (!data || typeof data !== 'object' || data.source !== PROTOCOL || data.v !== VERSION || typeof data.type !== 'string') return;
    if (data.type === 'hello') {
      host = event.origin;
      viewed();
      reportHeight();
      return;
    }
    if (!host || event.origin !== host) return;
    if (data.type === 'open' && typeof data.error === 'string' && data.error.length <= 32) {
      const url = new URL(location.href);
      url.searchParams.delete('q');
      url.searchParams.set('error', data.error);
      url.hash = '';
      history.pushState(null, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    } else if (data.type === 'search' && typeof data.query === 'string') {
      const box = document.getElementById('search');
      if (box) {
        box.value = data.query.slice(0, 256);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.focus();
      }
    }
  });

  // What the person is looking at: each time the app sets the title.
  let lastViewed = '';
  function viewed() {
    const here = new URL(location.href);
    const detail = {
      page: here.pathname.split('/').pop() || 'index.html',
      title: document.title,
      error: here.searchParams.get('error') ?? undefined,
      section: here.hash.slice(1) || undefined,
    };
    const key = JSON.stringify(detail);
    if (key !== lastViewed) {
      lastViewed = key;
      post('viewed', { detail });
    }
  }
  new MutationObserver(viewed).observe(document.head, { subtree: true, childList: true, characterData: true });

  document.addEventListener(
    'click',
    (event) => {
      const link = event.target.closest?.('a[href]');
      if (link && config.contactUrl && link.href.startsWith(config.contactUrl)) {
        post('contact', { detail: { href: link.href, error: new URL(link.href).searchParams.get('error') ?? undefined } });
      }
      const answer = event.target.closest?.('[data-feedback]');
      if (answer) {
        const box = answer.closest('.app-feedback');
        post('feedback', {
          detail: { helpful: answer.dataset.feedback === 'yes', page: box?.dataset.page, error: box?.dataset.code || undefined },
        });
      }
    },
    true,
  );

  // Escape: inside a search box with text, the app clears it first.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      const box = event.target.closest?.('#search');
      if (box && box.value !== '') return;
      post('close');
    },
    true,
  );

  // The content's height, for inline embedding; only when it changes, and
  // measured from the content, not the frame, so resizing cannot loop.
  let lastHeight = 0;
  function reportHeight() {
    const app = document.getElementById('app');
    if (!app || !host) return;
    const height = Math.ceil(app.getBoundingClientRect().bottom + window.scrollY);
    if (Math.abs(height - lastHeight) >= 1) {
      lastHeight = height;
      post('height', { height });
    }
  }
  new ResizeObserver(reportHeight).observe(document.body);
  new MutationObserver(reportHeight).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });

  window.parent.postMessage({ source: PROTOCOL, v: VERSION, type: 'ready' }, '*');
}

start();
