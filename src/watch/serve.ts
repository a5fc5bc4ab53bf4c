// Output folder + the watched articles in; a preview server on 127.0.0.1 (a free port) out: a page showing each article's
// briefing pages beside its slides (drawn by PDF.js in the page), reloading them on every rebuild (server-sent events).
import { createServer, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../pipeline/build.js';

export interface PreviewArticle {
  id: string;
  title: string;
}

export interface Preview {
  url: string;
  /** Tells every open page that the documents changed (they fetch the list and draw again). */
  rebuilt: () => void;
  close: () => Promise<void>;
}

/** The documents the page shows, left and right. */
const SHOWN = ['briefing.pdf', 'slides.pdf'] as const;

/** PDF.js: copied beside the bundle when the package is built, else (running from the sources) from pdfjs-dist. */
function pdfjsDir(): string {
  const bundled = join(PROJECT_ROOT, 'lib', 'bundle', 'pdfjs');
  if (existsSync(join(bundled, 'pdf.min.mjs'))) return bundled;
  return dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('pdfjs-dist/legacy/build/pdf.min.mjs'));
}

export function servePreview(outRoot: string, articles: () => PreviewArticle[]): Promise<Preview> {
  const pdfjs = pdfjsDir();
  const listeners = new Set<ServerResponse>();
  let version = 0;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', PAGE);
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (path === '/state') {
      const list = articles().map((a) => ({ ...a, documents: SHOWN.filter((name) => existsSync(join(outRoot, a.id, name))) }));
      return send(200, 'application/json', JSON.stringify({ version, articles: list }));
    }
    if (path === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`retry: 500\ndata: ${version}\n\n`);
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const pdfjsFile = /^\/pdfjs\/(pdf(?:\.worker)?\.min\.mjs)$/.exec(path);
    if (pdfjsFile) return send(200, 'text/javascript', readFileSync(join(pdfjs, pdfjsFile[1]!)));
    // Only the documents of the articles being watched: nothing else of the disk is served.
    const document = /^\/documents\/([^/]+)\/([^/]+)$/.exec(path);
    if (document && articles().some((a) => a.id === decodeURIComponent(document[1]!)) && (SHOWN as readonly string[]).includes(document[2]!)) {
      const file = join(outRoot, decodeURIComponent(document[1]!), document[2]!);
      if (existsSync(file)) return send(200, 'application/pdf', readFileSync(file));
    }
    send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        rebuilt: () => {
          version++;
          for (const listener of listeners) listener.write(`data: ${version}\n\n`);
        },
        close: () => new Promise((done) => {
          for (const listener of listeners) listener.end();
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

// The page: one row per article, its briefing's pages on the left, its slides on the right. <body data-version> and each
// column's data-pages say what is drawn, for a test (or a curious user) to read.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>briefkit preview</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; background: #e8e8e8; color: #222; }
  header { padding: 8px 16px; background: #223; color: #fff; display: flex; gap: 16px; align-items: baseline; }
  header .status { opacity: .7; font-size: 12px; }
  .article { padding: 12px 16px; }
  .article h2 { margin: 0 0 8px; font-size: 16px; }
  .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
  .column h3 { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #555; }
  canvas { display: block; width: 100%; height: auto; margin-bottom: 10px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
</style></head>
<body data-version="-1">
<header><strong>briefkit preview</strong><span class="status" id="status">loading…</span></header>
<main id="articles"></main>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const main = document.getElementById('articles');
const status = document.getElementById('status');
let drawing = Promise.resolve();

async function drawPdf(url, column) {
  const pdf = await pdfjs.getDocument({ url, isEvalSupported: false }).promise;
  const canvases = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    canvases.push(canvas);
  }
  column.replaceChildren(column.firstChild, ...canvases);
  column.dataset.pages = String(pdf.numPages);
  await pdf.destroy();
}

async function draw() {
  const state = await (await fetch('/state')).json();
  const rows = [];
  for (const article of state.articles) {
    const row = document.createElement('section');
    row.className = 'article';
    row.dataset.id = article.id;
    const title = document.createElement('h2');
    title.textContent = article.title;
    const columns = document.createElement('div');
    columns.className = 'columns';
    row.append(title, columns);
    for (const name of article.documents) {
      const column = document.createElement('div');
      column.className = 'column';
      column.dataset.document = name;
      const label = document.createElement('h3');
      label.textContent = name;
      column.append(label);
      columns.append(column);
      rows.push(drawPdf('/documents/' + encodeURIComponent(article.id) + '/' + name + '?v=' + state.version, column));
    }
    rows.push(row);
  }
  const sections = rows.filter((r) => r instanceof HTMLElement);
  await Promise.all(rows.filter((r) => r instanceof Promise));
  main.replaceChildren(...sections);
  status.textContent = 'updated ' + new Date().toLocaleTimeString() + (state.articles.length === 0 ? ' (nothing built yet)' : '');
  document.body.dataset.version = String(state.version);
}

const events = new EventSource('/events');
events.onmessage = () => { drawing = drawing.then(draw).catch((error) => { status.textContent = String(error); }); };
</script>
</body></html>
`;
