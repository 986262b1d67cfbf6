/*
 * NHS login help: the embed script for partners' pages. How to use it, the
 * API and the events, and the Content-Security-Policy a partner's page needs:
 * see the widget's README ("Embedding on a partner's site").
 */
(function () {
  'use strict';
  var PROTOCOL = 'nhs-login-help';
  var VERSION = 1;

  // Loaded twice: the first copy's API is there. Only that object counts: an
  // element with the id or name NHSLoginHelp anywhere on the page is also
  // window.NHSLoginHelp (DOM clobbering), and must not stop the help.
  var existing = window.NHSLoginHelp;
  if (Object.prototype.toString.call(existing) === '[object Object]' && typeof existing.version === 'number') return;

  // The script's own tag, through the browser's own getter: an <img
  // name="currentScript"> on the page shadows document.currentScript, and
  // would choose where the frame comes from.
  var script = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get.call(document);
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var widget = new URL('./', script.src);
  var partner = script.getAttribute('data-partner') || '';
  var returnLink = script.getAttribute('data-return-link') || '';
  var targetSelector = script.getAttribute('data-target');

  // The error reference the partner's screen shows, as CIDnnnn, or null:
  // written as the help reads one (any case, spaces or hyphens, without CID).
  function asCode(given) {
    var match = /^\s*(?:cid)?[\s-]*([0-9]{4,5})\s*$/i.exec(given == null ? '' : String(given));
    if (given != null && given !== '' && !match) console.warn('NHS login help: not an error reference', String(given).slice(0, 40));
    return match ? 'CID' + match[1] : null;
  }
  var errorCode = asCode(script.getAttribute('data-error'));

  var listeners = {};
  var frame = null;
  var ready = false;
  var framePage;
  var pending = [];
  var panel = null;
  var launcher = null;
  var inlineTarget = null;

  function emit(type, detail) {
    (listeners[type] || []).slice().forEach(function (fn) {
      try {
        fn(detail || {});
      } catch (e) {
        setTimeout(function () { throw e; });
      }
    });
  }

  // Where each code's guidance is (references.json: its page file and
  // section), so the frame opens there at once instead of on the home page
  // and moving: fetched when the page shows an error, or at the first
  // open({ error }). Needs the page's policy to allow connecting to the
  // widget (connect-src); without it the help opens the slower way.
  var places = null;
  function loadPlaces() {
    places = places || fetch(new URL('references.json', widget).href)
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (file) {
        var found = {};
        (Array.isArray(file.references) ? file.references : []).forEach(function (r) {
          // A page file beside the widget's pages, never another site.
          if (r && typeof r.code === 'string' && /^[a-z0-9-]+\.html\?[^/]*$/.test(r.href)) found[r.code] = r.href;
        });
        return found;
      })
      .catch(function () { return {}; });
    return places;
  }
  // The frame's address for `options`, to `then`: for a code, once its place
  // is known (at most 2 s).
  function withFrameUrl(options, then) {
    var code = options && options.error ? asCode(options.error) : null;
    if (!code) return then(frameUrl(options));
    var done = false;
    function finish(found) {
      if (done) return;
      done = true;
      then(frameUrl(options, found && found[code]));
    }
    loadPlaces().then(finish);
    setTimeout(finish, 2000);
  }

  function frameUrl(options, place) {
    var url = new URL(place || 'index.html', widget);
    // `panel` or `inline`: in a panel the frame leaves the header to the panel's bar.
    url.searchParams.set('embed', inlineTarget ? 'inline' : 'panel');
    if (partner) url.searchParams.set('partner', partner);
    if (returnLink) url.searchParams.set('return-link', returnLink);
    if (options && options.error && !place) url.searchParams.set('error', String(options.error));
    if (options && options.search) url.searchParams.set('q', String(options.search));
    return url.href;
  }

  function send(message) {
    message.source = PROTOCOL;
    message.v = VERSION;
    if (ready && frame && frame.contentWindow) frame.contentWindow.postMessage(message, widget.origin);
    else pending.push(message);
  }

  function style(element, rules) {
    // Through the CSS object model: allowed by any host policy, unlike inline styles.
    for (var name in rules) element.style.setProperty(name, rules[name]);
  }

  // When the help does not answer (the browser refused to frame it on this
  // site, or it could not load), the panel says so in words, with a link
  // that opens the help in a tab of its own; it goes once the help answers.
  var notice = null;
  function watchForAnswer(url) {
    setTimeout(function () {
      if (ready || notice || !frame) return;
      notice = document.createElement('p');
      notice.setAttribute('role', 'status');
      style(notice, { padding: '16px', font: '16px/1.5 Arial, sans-serif', color: '#212b32', background: '#ffffff' });
      notice.textContent = 'NHS login help cannot be shown here. ';
      var link = document.createElement('a');
      var own = new URL(url);
      own.searchParams.delete('embed');
      link.href = own.href;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'Open NHS login help (opens in a new tab)';
      style(link, { color: '#005eb8' });
      notice.appendChild(link);
      frame.parentNode.insertBefore(notice, frame);
    }, 8000);
  }

  function createFrame(options, label) {
    ready = false;
    frame = document.createElement('iframe');
    var created = frame;
    withFrameUrl(options, function (url) {
      created.src = url;
      watchForAnswer(url);
    });
    frame.title = label;
    // Only what it needs: its scripts and storage (same origin, for offline
    // help), links that open new tabs outside the sandbox, and the return link
    // taking the whole page when the person follows it.
    frame.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
    );
    frame.setAttribute('referrerpolicy', 'no-referrer');
    style(frame, { border: '0', width: '100%', display: 'block' });
    return frame;
  }

  function onMessage(event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== widget.origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== PROTOCOL || data.v !== VERSION || typeof data.type !== 'string') return;
    switch (data.type) {
      case 'ready':
        ready = true;
        framePage = data.page;
        if (notice) notice.remove();
        notice = null;
        frame.contentWindow.postMessage({ source: PROTOCOL, v: VERSION, type: 'hello', partner: partner }, widget.origin);
        pending.splice(0).forEach(send);
        if (inlineTarget) emit('opened', {});
        break;
      case 'leaving':
        // Another page is loading in the frame: hold messages for its ready
        // (a late word from a page already replaced changes nothing).
        if (data.page === framePage) ready = false;
        break;
      case 'height':
        if (inlineTarget && typeof data.height === 'number' && data.height > 0 && data.height < 100000) {
          style(frame, { height: Math.ceil(data.height) + 'px' });
        }
        break;
      case 'close':
        if (panel) api.close();
        break;
      case 'viewed':
      case 'contact':
      case 'feedback':
        emit(data.type, data.detail && typeof data.detail === 'object' ? data.detail : {});
        break;
    }
  }

  var inerted = [];

  // While open, the panel is modal: the rest of the page is inert, so
  // keyboard and screen-reader users stay in the help until they close it.
  function show(open) {
    panel.hidden = !open;
    style(panel, { display: open ? 'flex' : 'none' });
    if (open) {
      inerted = Array.prototype.filter.call(document.body.children, function (el) {
        return el !== panel && !el.inert;
      });
      inerted.forEach(function (el) { el.inert = true; });
    } else {
      inerted.forEach(function (el) { el.inert = false; });
      inerted = [];
    }
  }

  function buildPanel() {
    panel = document.createElement('div');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'NHS login help');
    panel.setAttribute('aria-modal', 'true');
    style(panel, {
      position: 'fixed', top: '0', right: '0', bottom: '0', width: 'min(28rem, 100vw)', 'z-index': '2147483646',
      background: '#f0f4f5', 'box-shadow': '0 0 0 1px #d8dde0, -4px 0 12px rgba(33, 43, 50, 0.3)',
      'flex-direction': 'column',
    });
    show(false);
    // The panel's one header: the help's name and its close button, on
    // NHS blue (the help inside leaves out its own header).
    var bar = document.createElement('div');
    style(bar, { display: 'flex', 'justify-content': 'space-between', 'align-items': 'center', padding: '8px 8px 8px 16px', background: '#005eb8' });
    var title = document.createElement('span');
    title.textContent = 'NHS login help';
    style(title, { font: 'bold 19px/1.5 Arial, sans-serif', color: '#ffffff' });
    bar.appendChild(title);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close help';
    style(close, {
      font: 'bold 16px/1.5 Arial, sans-serif', color: '#005eb8', background: '#ffffff', border: '0',
      'border-radius': '4px', padding: '8px 16px', cursor: 'pointer',
    });
    close.addEventListener('click', function () { api.close(); });
    bar.appendChild(close);
    panel.appendChild(bar);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') api.close();
    });
    document.body.appendChild(panel);
  }

  // The launcher names the error on screen, when there is one.
  function label() {
    if (launcher) launcher.textContent = errorCode ? 'Help with error ' + errorCode : 'Help with NHS login';
  }

  function buildLauncher() {
    launcher = document.createElement('button');
    launcher.type = 'button';
    label();
    launcher.setAttribute('aria-expanded', 'false');
    style(launcher, {
      position: 'fixed', right: '16px', bottom: '16px', 'z-index': '2147483645',
      font: 'bold 19px/1.5 Arial, sans-serif', color: '#ffffff', background: '#005eb8',
      border: '2px solid #ffffff', 'border-radius': '4px', padding: '12px 16px',
      'box-shadow': '0 4px 0 #003087', cursor: 'pointer',
    });
    // The NHS.UK focus style: yellow with a dark underline, always visible.
    launcher.addEventListener('focus', function () {
      style(launcher, { outline: '4px solid transparent', background: '#ffeb3b', color: '#212b32', 'box-shadow': '0 4px 0 #212b32' });
    });
    launcher.addEventListener('blur', function () {
      style(launcher, { background: '#005eb8', color: '#ffffff', 'box-shadow': '0 4px 0 #003087' });
    });
    launcher.addEventListener('click', function () {
      if (panel && !panel.hidden) api.close();
      else api.open();
    });
    document.body.appendChild(launcher);
  }

  var started = false;
  var early = [];

  var api = {
    version: VERSION,
    /**
     * Opens the help; with { error } at that code's guidance, with { search }
     * at those results; with neither, at the guidance for the error set by
     * data-error or setError, if any.
     */
    open: function (options) {
      // Called before the page has finished loading: done once it has.
      if (!started) return void early.push(options);
      options = options || (errorCode ? { error: errorCode } : {});
      if (inlineTarget) {
        if (options.error) send({ type: 'open', error: String(options.error) });
        if (options.search) send({ type: 'search', query: String(options.search) });
        return;
      }
      if (!frame) {
        panel.appendChild(createFrame(options, 'NHS login help'));
        style(frame, { flex: '1 1 auto', height: 'auto' });
      } else {
        if (options.error) send({ type: 'open', error: String(options.error) });
        if (options.search) send({ type: 'search', query: String(options.search) });
      }
      var wasHidden = panel.hidden;
      show(true);
      launcher.setAttribute('aria-expanded', 'true');
      frame.focus();
      if (wasHidden) emit('opened', {});
    },
    /** Opens the help at the results for `query`. */
    search: function (query) {
      api.open({ search: query });
    },
    /** Closes the panel and gives focus back to the launcher. */
    close: function () {
      if (!panel || panel.hidden) return;
      show(false);
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
      emit('closed', {});
    },
    /**
     * The error reference the page now shows (a single-page app's error
     * screen), or null when it shows none: the launcher says "Help with
     * error CID7023" and opens at its guidance.
     */
    setError: function (code) {
      errorCode = asCode(code);
      if (errorCode) loadPlaces();
      label();
    },
    /** Calls `handler(detail)` on each event of `type`. */
    on: function (type, handler) {
      if (typeof handler !== 'function') return;
      (listeners[type] = listeners[type] || []).push(handler);
    },
  };

  function start() {
    started = true;
    if (errorCode) loadPlaces();
    window.addEventListener('message', onMessage);
    var target = null;
    try {
      target = targetSelector ? document.querySelector(targetSelector) : null;
    } catch (e) {
      // Not a selector: the launcher instead, and say why.
      console.warn('NHS login help: data-target is not a CSS selector', targetSelector);
    }
    if (target) {
      inlineTarget = target;
      target.appendChild(createFrame(errorCode ? { error: errorCode } : {}, 'NHS login help'));
      style(frame, { height: '600px' });
    } else {
      buildPanel();
      buildLauncher();
    }
    early.splice(0).forEach(api.open);
  }

  window.NHSLoginHelp = api;
  // After the page has loaded: data-target may name an element below the tag.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
