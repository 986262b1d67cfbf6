// Serves the example partner pages from their own origin (default
// http://localhost:8765/, an origin in Patientcentre's test-only profile),
// with the Content-Security-Policy a partner would send: scripts and frames
// from itself and the widget only, no inline script or style. On a page,
// `?trusted-types` adds Trusted Types to that policy (no sink may take a
// string), and `?coep=require-corp` (or `credentialless`) adds that
// Cross-Origin-Embedder-Policy, as stricter partners send.
// Usage: node examples/serve.mjs [WIDGET_BASE_URL] [PORT]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

const EMBEDDER_POLICIES = ['require-corp', 'credentialless'];

/**
 * Starts the example server; resolves to { base, useWidget, close }. `pages`
 * adds pages of its own (name to HTML) beside the examples, for tests. Port
 * 0 takes any free port. `waitForPort` (ms): while another program has the
 * port (another test run on a shared machine: the partner's origins are
 * fixed in its profile), try again until then, instead of failing at once.
 */
export async function serveExamples({ widget, port = 8765, host = 'localhost', pages = {}, waitForPort = 0 }) {
  let widgetOrigin = new URL(widget).origin;
  let base;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, base);
    const name = url.pathname.slice(1) || 'patientcentre-error.html';
    if (name === 'favicon.ico') return res.writeHead(204).end();
    if (!/^[a-z-]+\.(html|js|css)$/.test(name)) return res.writeHead(404).end();
    try {
      let body = Object.hasOwn(pages, name) ? pages[name] : await readFile(join(here, name), 'utf8');
      body = body.replaceAll('{{WIDGET}}', widget).replaceAll('{{HOST}}', base);
      const headers = {
        'content-type': types[extname(name)],
        'content-security-policy': `default-src 'self'; script-src 'self' ${widgetOrigin}; frame-src ${widgetOrigin}; connect-src 'self' ${widgetOrigin}; style-src 'self'`,
      };
      if (url.searchParams.has('trusted-types')) headers['content-security-policy'] += "; require-trusted-types-for 'script'; trusted-types 'none'";
      const coep = url.searchParams.get('coep');
      if (EMBEDDER_POLICIES.includes(coep)) headers['cross-origin-embedder-policy'] = coep;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const address = host === 'localhost' ? '127.0.0.1' : host;
  for (const deadline = Date.now() + waitForPort; ; ) {
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  base = `http://${host}:${server.address().port}/`;
  return {
    base,
    /** Points the pages at another copy of the widget from now on. */
    useWidget(other) {
      widget = other;
      widgetOrigin = new URL(other).origin;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const widget = process.argv[2] ?? 'http://127.0.0.1:8080/';
  const { base } = await serveExamples({ widget, port: Number(process.argv[3] ?? 8765) });
  console.log(`example partner pages on ${base} (the widget from ${widget})`);
}
