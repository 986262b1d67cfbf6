// The error-code journey before the app has loaded (see first_visit.rs).
// Written into every page file's <head> before the stylesheet, allowed by
// its hash: a script after a stylesheet waits for it, and a move to another
// page file must not. It reads an address exactly as the app's router does
// (help-core's Route::resolve and parse_code): keep the two the same.
(function () {
  // Filled in by the build: the page files, then the references page; each
  // code's guidance as [file, section, details] (a retired or contact code's
  // notice is a section of the references page); the contact form's
  // address; each page file's own ids that begin with "cid" (a #cid…
  // fragment that is not one is a code; none for the references page);
  // and every partner's origins (the sites that may frame the widget).
  var FILES = [], GUIDANCE = {}, CONTACT = '', CID_IDS = [], FRAMERS = [];
  var MAX = 2048, d = document, l = location, root = d.documentElement;
  var SPACE = '[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';
  var TRIM = new RegExp('^' + SPACE + '|' + SPACE + '$', 'g');
  // This page's file, as Route::resolve reads a path: hosts with clean URLs
  // answer `manage.html` with a redirect to `manage`, and `index` or the
  // folder itself is the home page.
  var here = l.pathname.split('/').pop();
  here = !here || here === 'index' ? 'index.html' : here.indexOf('.') < 0 ? here + '.html' : here;
  var page = FILES.indexOf(here), anchor = '', framed = false;
  // A visit moves to another page file at most once: set before a move and
  // read by the page it lands on, so no host's rewrite or redirect can make
  // it loop. Where the tab keeps no session storage the page never moves,
  // and the app, which reads the same address, shows the guidance itself.
  // Where the browser has no WebAssembly the app cannot show the guidance
  // either, so there the mark lives in the window's name (kept across the
  // window's own moves) when session storage is refused (a partner's frame
  // where third-party storage is blocked).
  var MOVED = 'nhs-login-help-moved', MOVE_WINDOW_MS = 10000, noApp = typeof WebAssembly !== 'object';
  function mayMove() {
    var last;
    try {
      last = Number(sessionStorage.getItem(MOVED));
      sessionStorage.removeItem(MOVED);
    } catch (e) {
      if (!noApp) return false;
      last = window.name.indexOf(MOVED + ':') === 0 ? Number(window.name.slice(MOVED.length + 1)) : 0;
      if (last) window.name = '';
    }
    return !(Date.now() - last < MOVE_WINDOW_MS);
  }
  function markMove() {
    try {
      sessionStorage.setItem(MOVED, String(Date.now()));
      return true;
    } catch (e) {
      if (noApp) window.name = MOVED + ':' + Date.now();
      return noApp;
    }
  }
  function cut(text) {
    return Array.from(text).slice(0, MAX).join('');
  }
  // As the app reads every parameter and the fragment (browser::location):
  // cut, NFKC, without bidirectional controls (help_core::given), cut.
  var BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  function normal(text) {
    return cut(cut(text).normalize('NFKC').replace(BIDI, ''));
  }
  function parseCode(text) {
    text = text.replace(TRIM, '');
    // parse_code's limit is in UTF-8 bytes.
    if (new TextEncoder().encode(text).length > 32) return null;
    var at = text.search(/[0-9]/);
    if (at < 0) at = text.length;
    var prefix = text.slice(0, at).replace(/[ _\-\u2010-\u2015\u2212]/g, ''), digits = text.slice(at);
    return (prefix === '' || /^[cC][iI][dD]$/.test(prefix)) && /^[0-9]{4,5}$/.test(digits) ? 'CID' + digits : null;
  }
  // What the address asks for: [code, whether it came as ?error=], or null.
  function asked() {
    var code = null, given = false;
    new URLSearchParams(l.search).forEach(function (value, key) {
      key = normal(key);
      // In a partner's side panel (embed.js's `?embed=panel`) the panel's own
      // bar is the header, with its title and close button: the page drops
      // its NHS header, so one blue bar shows, not two.
      if (key === 'embed' && normal(value) === 'panel') root.classList.add('app-embed-panel');
      framed = framed || key === 'embed';
      if (key !== 'error') return;
      given = true;
      code = code || parseCode(normal(value));
    });
    if (given) return code && [code, true];
    if (!CID_IDS[page]) return null;
    var fragment = l.hash;
    try { fragment = decodeURIComponent(fragment); } catch (e) {}
    anchor = normal(fragment).replace(/^#+/, '').replace(/[A-Z]+/g, function (s) { return s.toLowerCase(); });
    if (anchor.slice(0, 3) !== 'cid' || CID_IDS[page].indexOf(anchor) >= 0) return null;
    code = parseCode(anchor);
    return code && [code, false];
  }
  function retag(element, tag) {
    if (!element) return;
    var copy = d.createElement(tag);
    Array.prototype.forEach.call(element.attributes, function (a) { copy.setAttribute(a.name, a.value); });
    copy.append.apply(copy, element.childNodes);
    element.replaceWith(copy);
  }
  function open(element) {
    for (; element; element = element.parentElement) if (element.tagName === 'DETAILS') element.open = true;
  }

  // Who frames this page: the browser's header check (frame-ancestors) is
  // the real guard, but a host may send no header, and a <meta> policy
  // cannot say it. So a page framed by a site that no partner profile names
  // shows only a notice, with a link that opens the help in a tab of its
  // own, and the app never starts there. Where the browser does not list
  // the ancestors, the frame bridge checks the partner page's hello.
  function refusedFramer() {
    if (window.parent === window) return false;
    try {
      var ancestors = l.ancestorOrigins;
      for (var i = 0; ancestors && i < ancestors.length; i++) {
        if (ancestors[i] !== l.origin && FRAMERS.indexOf(ancestors[i]) < 0) return true;
      }
    } catch (e) {}
    return false;
  }
  if (refusedFramer()) {
    root.setAttribute('data-leaving', '');
    root.hidden = true;
    d.addEventListener('DOMContentLoaded', function () {
      var main = d.createElement('main'), heading = d.createElement('h1'), text = d.createElement('p'), link = d.createElement('a');
      var params = new URLSearchParams(l.search);
      params.delete('embed');
      main.className = 'nhsuk-width-container nhsuk-main-wrapper';
      heading.textContent = 'NHS login help';
      text.className = 'nhsuk-body';
      text.textContent = 'This site cannot show NHS login help inside its own page. ';
      link.href = l.pathname + (String(params) ? '?' + params : '') + l.hash;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = 'Open NHS login help (opens in a new tab)';
      text.appendChild(link);
      main.append(heading, text);
      d.body.replaceChildren(main);
      root.hidden = false;
    });
    return;
  }

  var request = asked(), code = request && request[0], place = code && GUIDANCE[code];
  // In a partner's frame (?embed) the app, which starts there at once, is
  // quicker than a second page: it moves to the guidance itself. Where the
  // browser has no WebAssembly the app cannot, and the page moves.
  if (place && FILES[place[0]] !== here && framed && !noApp) place = null;
  // Read (and cleared) on every page, so that a page which stays ends any
  // earlier move's window.
  var moveAllowed = mayMove();
  if (place && FILES[place[0]] !== here && !(moveAllowed && markMove())) place = null;
  if (place && FILES[place[0]] !== here) {
    // Straight to the guidance's own page file, before this one paints;
    // replacing this entry, so Back does not come back here. The app does
    // not start on a page that is leaving (data-leaving). The address's
    // parameters go along as given, unless they are longer than any the
    // widget writes: a huge address would pass the browser's (or the
    // host's) limit and leave a blank page, so then only the code and what
    // the app reads besides (the partner and its return link) go along.
    var search = request[1] ? l.search : (l.search ? l.search + '&' : '?') + 'error=' + code;
    if (search.length > MAX) {
      var carried = new URLSearchParams(), given = new URLSearchParams(l.search);
      carried.set('error', code);
      ['partner', 'return-link'].forEach(function (key) {
        var value = given.get(key);
        if (value !== null && value.length <= MAX / 4) carried.set(key, value);
      });
      search = '?' + carried.toString();
    }
    root.setAttribute('data-leaving', '');
    root.hidden = true;
    setTimeout(function () { root.hidden = false; }, 3000);
    l.replace(FILES[place[0]] + search + '#' + place[1]);
    return;
  }
  // In a partner's frame, the side of the embed protocol that speaks with
  // the partner's page starts with the page, not with the app, so that
  // open, search, Escape and the inline height work without WebAssembly.
  // (A module the page's policy allows by its origin; import() is no
  // Trusted Types sink.)
  if (framed) import('./embed-frame.js').catch(function () {});
  // An address that may change the view hides the page until it is in its
  // final state: otherwise a browser with the stylesheet at hand (a second
  // visit) may lay it out first and count what then changes as a shift.
  if (l.search || l.hash) root.hidden = true;
  d.addEventListener('DOMContentLoaded', function () {
    try {
      show();
    } finally {
      root.hidden = false;
    }
  });

  // This page: the guidance's view, as the app shows it (the mark, "Also
  // see", "Did this help?" under it, the code on contact links).
  function show() {
    var section = place && d.getElementById(place[1]);
    d.querySelectorAll('[data-reference]').forEach(function (piece) {
      if (section && piece.getAttribute('data-reference') === code) piece.hidden = false;
      else piece.remove();
    });
    // What only a view without a code shows goes, or stays as the app renders it.
    d.querySelectorAll('[data-without-reference]').forEach(function (piece) {
      if (section) piece.remove();
      else piece.replaceWith.apply(piece, piece.childNodes);
    });
    // A section the fragment names stands out, as the app shows it.
    if (!section) {
      var named = anchor && d.getElementById(anchor);
      if (named && named.classList.contains('app-section')) named.classList.add('app-section--highlight');
      return;
    }
    section.classList.add('app-section--highlight');
    d.querySelectorAll('a').forEach(function (link) {
      if (link.getAttribute('href') === CONTACT) link.setAttribute('href', CONTACT + '?error=' + code);
    });
    d.title = code + ': ' + d.title;
    if (place[2]) open(d.getElementById(place[2]));
    open(section);
    // First, under the title, at level 2, as the app shows it (article.rs):
    // its heading and the "Did this help?" under it one level up.
    var title = d.querySelector('main h1');
    if (title && section.parentElement === title.parentElement) {
      title.after(section);
      retag(section.querySelector(':scope > h3'), 'h2');
      retag(section.querySelector(':scope .app-feedback > h4'), 'h3');
    }
    // Focus once the page has loaded, a frame later: the browser's own move
    // to the #fragment, made then, takes focus from anything but the
    // fragment's element. The page's top stays in view when the heading
    // fits in the first screen with it (browser.rs, reveal).
    addEventListener('load', function () {
      requestAnimationFrame(function () {
        setTimeout(function () {
          var heading = section.querySelector('h2, h3, summary') || section;
          if (heading.getBoundingClientRect().bottom + window.scrollY <= window.innerHeight) window.scrollTo(0, 0);
          else heading.scrollIntoView();
          heading.focus({ preventScroll: true });
        });
      });
    });
  }
})();
