// Serves the example partner pages from their own origin (default
// http://localhost:8765/, an origin in Patientcentre's test-only profile),
// with the Content-Security-Policy a partner would send: scripts and frames
// from itself and the widget only, no inline script or style.
// Usage: node examples/serve.mjs [WIDGET_BASE_URL] [PORT]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Starts the example server; resolves to { base, close }. */
export async function serveExamples({ widget, port = 8765, host = 'localhost' }) {
  const widgetOrigin = new URL(widget).origin;
  const base = `http://${host}:${port}/`;
  const server = createServer(async (req, res) => {
    const name = new URL(req.url, base).pathname.slice(1) || 'patientcentre-error.html';
    if (name === 'favicon.ico') return res.writeHead(204).end();
    if (!/^[a-z-]+\.(html|js|css)$/.test(name)) return res.writeHead(404).end();
    try {
      let body = await readFile(join(here, name), 'utf8');
      body = body.replaceAll('{{WIDGET}}', widget).replaceAll('{{HOST}}', base);
      res.writeHead(200, {
        'content-type': types[extname(name)],
        'content-security-policy': `default-src 'self'; script-src 'self' ${widgetOrigin}; frame-src ${widgetOrigin}; style-src 'self'`,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host === 'localhost' ? '127.0.0.1' : host, resolve));
  return { base, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const widget = process.argv[2] ?? 'http://127.0.0.1:8080/';
  const { base } = await serveExamples({ widget, port: Number(process.argv[3] ?? 8765) });
  console.log(`example partner pages on ${base} (the widget from ${widget})`);
}
