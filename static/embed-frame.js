// The widget's side of the embed protocol, loaded by the pages' head script
// (crates/compiler/src/deploy/first_visit.js) when a page is in a partner's frame
// (`?embed`), with the page and whether or not the app can start. It answers only a page on one of the
// partner's allowed origins (embed-config.json, from the partner profiles),
// then: passes on the error codes and searches the page asks for; passes on
// the app's own events (what the person viewed, contact links followed and
// "Did this help?" answers); reports the content's height for inline
// embedding; and asks the page to close the panel on Escape (after a first
// Escape has cleared a search).
'use strict';

const PROTOCOL = 'nhs-login-help';
const VERSION = 1;

// The contract with the app (src/browser.rs names the same two things): the
// app queues its events in this array and announces each with FRAME_EVENT.
// It takes `open` and `search` through the address, its public interface
// (see the README's URL contract): `?error=` or `?q=`, announced with
// `popstate` as back and forward do.
const FRAME_EVENTS = 'nhsLoginHelpEvents';
const FRAME_EVENT = 'nhs-login-help-event';
const APP_EVENTS = ['viewed', 'feedback'];
// This page's own mark in `ready` and `leaving`: the browser may deliver a
// page's `leaving` after the next page's `ready`, and the partner's page
// must not then take the new page for gone.
const PAGE = Math.random().toString(36).slice(2);

async function start() {
  if (window.parent === window) return;
  let config = null;
  let host = null; // the partner page's origin, once it has said hello
  const queue = () => (Array.isArray(window[FRAME_EVENTS]) ? window[FRAME_EVENTS] : (window[FRAME_EVENTS] = []));
  queue();

  // Links the person follows, queued with the app's events from the start,
  // so a contact link followed at any moment is passed on.
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target.closest?.('a[href]');
      if (link) {
        queue().push({ type: 'link', detail: { href: link.href } });
        passOnEvents();
      }
    },
    true,
  );

  // What the page is told before it has said hello (an Escape pressed as
  // soon as the guidance shows, before this script has heard from it) waits
  // for the hello, rather than being lost.
  const early = [];
  function post(type, fields = {}) {
    if (host) window.parent.postMessage({ source: PROTOCOL, v: VERSION, type, ...fields }, host);
    else early.push([type, fields]);
  }

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

  const params = new URLSearchParams(location.search);
  const partner = params.get('partner') ?? '';
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
  // The page framing the widget must be one of the partner's, whatever
  // headers the host sent (or a cached copy of the page carried): where the
  // browser lists the ancestors, before anything is said to it; elsewhere,
  // when it says hello.
  const parentOrigin = location.ancestorOrigins?.[0];
  if (parentOrigin !== undefined && parentOrigin !== location.origin && !allowed.includes(parentOrigin)) {
    refuse();
    return;
  }

  // The queued events, in order: each is passed on once the page has said
  // hello, and none is lost however early it happened.
  function passOnEvents() {
    if (!host || !config) return;
    for (const event of queue().splice(0)) {
      if (event?.type === 'link') {
        const href = String(event.detail?.href ?? '');
        if (config.contactUrl && href.startsWith(config.contactUrl)) {
          post('contact', { detail: { href, error: new URL(href).searchParams.get('error') ?? undefined } });
        }
      } else if (APP_EVENTS.includes(event?.type)) {
        post(event.type, { detail: { ...event.detail } });
      }
    }
  }
  // Moves the app to `url`, the way back and forward do: a new history
  // entry for a code's guidance, the same entry for a new search. Until the
  // app runs (it never will without WebAssembly) the frame loads `url`
  // instead, a page file like any other: for a code its head script moves
  // it on to the guidance's own page file.
  const go = (url, replace) => {
    if (!window.wasmBindings) {
      post('leaving', { page: PAGE });
      if (replace) location.replace(url);
      else location.assign(url);
      return;
    }
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  window.addEventListener(FRAME_EVENT, passOnEvents);



  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source === window.parent && !allowed.includes(event.origin) && data?.source === PROTOCOL && data?.type === 'hello') {
      refuse();
      return;
    }
    if (event.source !== window.parent || !allowed.includes(event.origin)) return;
    if (!data || typeof data !== 'object' || data.source !== PROTOCOL || data.v !== VERSION || typeof data.type !== 'string') return;
    if (data.type === 'hello') {
      host = event.origin;
      for (const [type, fields] of early.splice(0)) post(type, fields);
      passOnEvents();
      reportHeight();
      return;
    }
    if (!host || event.origin !== host) return;
    const url = new URL(location.href);
    url.hash = '';
    if (data.type === 'open' && typeof data.error === 'string' && data.error.length <= 32) {
      url.searchParams.delete('q');
      url.searchParams.set('error', data.error);
      go(url, false);
    } else if (data.type === 'search' && typeof data.query === 'string') {
      url.searchParams.delete('error');
      url.searchParams.set('q', data.query.slice(0, 256));
      go(url, true);
    }
  });

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

  // A new page in the frame (without the app, every move is one) starts
  // its own bridge, which says ready again: until then the page holds its
  // messages rather than post them to a page that is going.
  window.addEventListener('pagehide', () => post('leaving', { page: PAGE }));

  window.parent.postMessage({ source: PROTOCOL, v: VERSION, type: 'ready', page: PAGE }, '*');
}

/**
 * Shown in place of the help in a frame on a site the partner profiles do not
 * name: a short notice and a link that opens the help in a tab of its own
 * (the page's head script shows the same where it can tell at once).
 */
function refuse() {
  // The app, should it start after this, leaves the notice in place.
  document.documentElement.setAttribute('data-leaving', '');
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  const text = document.createElement('p');
  const link = document.createElement('a');
  const params = new URLSearchParams(location.search);
  params.delete('embed');
  main.className = 'nhsuk-width-container nhsuk-main-wrapper';
  heading.textContent = 'NHS login help';
  text.className = 'nhsuk-body';
  text.textContent = 'This site cannot show NHS login help inside its own page. ';
  Object.assign(link, { href: location.pathname + (String(params) ? `?${params}` : '') + location.hash, target: '_blank', rel: 'noopener noreferrer' });
  link.textContent = 'Open NHS login help (opens in a new tab)';
  text.append(link);
  main.append(heading, text);
  document.body.replaceChildren(main);
}

start();
