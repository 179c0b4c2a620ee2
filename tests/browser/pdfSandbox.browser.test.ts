// Printing is sandboxed: a repo's template that reaches for local files, runs script or loads
// from the network gets none of it into any PDF kam prints (plan, customer, portfolio, QBR).
// Real Chromium prints; pdfjs reads the text back; a local HTTP server counts every connection.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../src/render/pdf.js';
import { kam } from '../helpers/kamInProcess.js';
import { meetingRepo } from '../helpers/meetingRepo.js';
import { tmpDir } from '../helpers/tmpRepo.js';
import { CHROMIUM } from './globalSetup.js';

const SECRET = 'TOPSECRET-7f3a9c';

let server: Server;
let base: string;
const connections: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    connections.push(`request ${req.url}`);
    res.writeHead(200, { 'Content-Type': req.url?.endsWith('.css') ? 'text/css' : 'text/html' });
    res.end(req.url?.endsWith('.css') ? `body::after { content: "NETWORK-CSS-${SECRET}"; }` : `<p>NETWORK-PAGE-${SECRET}</p>`);
  });
  server.on('connection', () => connections.push('connection'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ').normalize('NFKC');
  }
  await doc.destroy();
  return text;
}

/** A secret file in a temp folder, and a template that tries every way to reach it or the network. */
function hostileHtml(refresh: 'file' | 'http'): { html: string; secretFile: string } {
  const dir = tmpDir('kam-secret-');
  const secretFile = join(dir, 'id_ed25519');
  writeFileSync(secretFile, `FILE-${SECRET}\n`);
  const file = pathToFileURL(secretFile).href;
  const html = `<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="0; url=${refresh === 'file' ? file : `${base}/refresh`}">
<meta http-equiv="Content-Security-Policy" content="default-src *; script-src * 'unsafe-inline'">
<base href="${base}/">
<link rel="stylesheet" href="${base}/style.css"><link rel="stylesheet" href="${file}">
<link rel="preconnect" href="${base}"><link rel="prefetch" href="${base}/prefetch"><link rel="preload" as="image" href="${base}/preload.png">
<style>@import url("${base}/import.css"); @font-face { font-family: x; src: url("${base}/font.woff"); } .bg { background: url("${base}/bg.png"); font-family: x; }</style>
</head><body>
<h1>VISIBLE-TEMPLATE-TEXT</h1>
<iframe src="${file}" width="600" height="200"></iframe>
<iframe src="${base}/frame"></iframe>
<iframe srcdoc="<p>document text</p><img src='${base}/srcdoc.png'>"></iframe>
<object data="${file}" type="text/plain" width="600" height="100"></object>
<embed src="${file}" type="text/plain" width="600" height="100">
<img src="${base}/pixel.png"><img src="${file}"><img src="relative.png">
<video poster="${base}/poster.png"></video><audio src="${base}/a.mp3" preload="auto"></audio>
<div class="bg">background</div>
<script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT-RAN-${SECRET}</p>');</script>
<script src="${base}/script.js"></script>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
</body></html>`;
  return { html, secretFile };
}

function expectSandboxed(text: string): void {
  expect(text).toContain('VISIBLE-TEMPLATE-TEXT');
  expect(text).not.toContain(SECRET);
  expect(connections).toEqual([]);
}

describe('PDF printing is sandboxed', () => {
  it.each(['file', 'http'] as const)('printPdf: no local file, no script, no request (meta refresh to %s)', async (refresh) => {
    connections.length = 0;
    const pdf = await printPdf(hostileHtml(refresh).html, { browser: CHROMIUM, paper: 'a4' });
    expectSandboxed(await pdfText(pdf));
  }, 120_000);

  it('kam render -f pdf with hostile repo templates: plan, customer, portfolio and QBR', async () => {
    const root = meetingRepo();
    mkdirSync(join(root, 'templates'), { recursive: true });
    const { html } = hostileHtml('file');
    for (const name of ['plan', 'customer', 'portfolio', 'qbr']) writeFileSync(join(root, 'templates', `${name}.html.hbs`), html);
    connections.length = 0;
    const out = tmpDir('kam-pdf-out-');
    const env = { KAM_BROWSER: CHROMIUM };
    for (const args of [['banco-austral', '--portfolio'], ['banco-austral', '--audience', 'customer'], ['banco-austral', '--template', 'qbr', '--out', join(out, 'qbr')]]) {
      const run = await kam(['render', '-f', 'pdf', '--out', out, '--today', '2026-11-23', ...args], { cwd: root, env });
      expect(run.code, run.stderr).toBe(0);
    }
    for (const file of ['banco-austral.pdf', 'portfolio.pdf', 'banco-austral.customer.pdf', 'qbr/banco-austral.qbr.pdf']) expectSandboxed(await pdfText(readFileSync(join(out, file))));
  }, 240_000);
});
