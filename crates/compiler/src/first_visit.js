// The error-code journey before the app has loaded (see first_visit.rs).
// Written into every page file's <head> before the stylesheet, allowed by
// its hash: a script after a stylesheet waits for it, and a move to another
// page file must not. It reads an address exactly as the app's router does
// (help-core's Route::resolve and parse_code): keep the two the same.
(function () {
  // Filled in by the build: the page files; each code's guidance as [file,
  // section, details]; the contact form's address; and each page file's own
  // ids that begin with "cid" (a #cid… fragment that is not one is a code).
  var FILES = [], GUIDANCE = {}, CONTACT = '', CID_IDS = [];
  var MAX = 2048, d = document, l = location, root = d.documentElement;
  var SPACE = '[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';
  var TRIM = new RegExp('^' + SPACE + '|' + SPACE + '$', 'g');
  var here = l.pathname.split('/').pop() || 'index.html', page = FILES.indexOf(here), anchor = '', framed = false;
  function cut(text) {
    return Array.from(text).slice(0, MAX).join('');
  }
  // As the app reads every parameter and the fragment: cut, NFKC, cut.
  function normal(text) {
    return cut(cut(text).normalize('NFKC'));
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
      framed = framed || key === 'embed';
      if (key !== 'error') return;
      given = true;
      code = code || parseCode(normal(value));
    });
    if (given) return code && [code, true];
    if (page < 0) return null;
    var fragment = l.hash;
    try { fragment = decodeURIComponent(fragment); } catch (e) {}
    anchor = normal(fragment).replace(/^#+/, '').replace(/[A-Z]+/g, function (s) { return s.toLowerCase(); });
    if (anchor.slice(0, 3) !== 'cid' || CID_IDS[page].indexOf(anchor) >= 0) return null;
    code = parseCode(anchor);
    return code && [code, false];
  }
  function open(element) {
    for (; element; element = element.parentElement) if (element.tagName === 'DETAILS') element.open = true;
  }

  var request = asked(), code = request && request[0], place = code && GUIDANCE[code];
  // In a partner's frame (?embed) the app, which starts there at once, is
  // quicker than a second page: it moves to the guidance itself.
  if (place && FILES[place[0]] !== here && framed) place = null;
  if (place && FILES[place[0]] !== here) {
    // Straight to the guidance's own page file, before this one paints;
    // replacing this entry, so Back does not come back here. The app does
    // not start on a page that is leaving (data-leaving).
    var search = request[1] ? l.search : (l.search ? l.search + '&' : '?') + 'error=' + code;
    root.setAttribute('data-leaving', '');
    root.hidden = true;
    setTimeout(function () { root.hidden = false; }, 3000);
    l.replace(FILES[place[0]] + search + '#' + place[1]);
    return;
  }
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
    // Focus once the page has loaded, a frame later: the browser's own move
    // to the #fragment, made then, takes focus from anything but the
    // fragment's element.
    var heading = section.querySelector('h2, h3, summary') || section;
    addEventListener('load', function () {
      requestAnimationFrame(function () {
        setTimeout(function () {
          heading.scrollIntoView();
          heading.focus();
        });
      });
    });
  }
})();
