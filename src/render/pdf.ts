// PDF through a Chromium-family browser already on the machine (Chromium, Chrome, Edge), the way
// Puppeteer does it: kam drives the browser headless over the DevTools protocol on a pipe and
// prints with Page.printToPDF. Page size and the page-number footer come from CSS `@page`, so
// text stays text in the PDF.
//
// Threat: the HTML comes from a repo's templates (templates/customer.html.hbs), which a pull
// request can change: `<iframe src="file:///home/me/.ssh/id_ed25519">` would print a key into the
// customer's PDF, `<script>` would run, `<img src="http://...">` would reach the network. So the
// document is printed sandboxed, whatever it says (kam's own documents are self-contained):
// - it is served from memory at an https address that exists nowhere (request interception),
//   so it has a web origin, from which Chromium loads no file:// URL and navigates to none;
// - every other request (images, frames, styles, fonts, prefetches, navigations, in any frame)
//   is refused before it leaves the browser; data: URLs need no request and stay allowed;
// - JavaScript is off (Emulation.setScriptExecutionDisabled), and the response carries a
//   Content-Security-Policy header (`default-src 'none'`, `sandbox`) that markup cannot loosen:
//   no script, no frames, no meta refresh, no form, no base URL;
// - no host name or address resolves and every connection goes to a proxy that does not exist,
//   so not even a socket is opened (Chromium preconnects below the page's requests);
// - the document itself is never written to disk; the browser's throwaway profile is.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { KamError } from '../errors.js';
import { whileRunning } from '../util/interrupt.js';
import { GENERATED_MARKER } from '../util/safeWrite.js';

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** Browser executables looked for on PATH, most specific first. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'microsoft-edge-stable', 'msedge', 'brave-browser'];

/** Where the browsers install themselves outside PATH. */
function usualPlaces(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    ];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge', '/snap/bin/chromium', '/usr/lib/chromium/chromium'];
}

const isExecutableFile = (path: string): boolean => {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export const NO_BROWSER =
  'no Chromium-family browser found for --format pdf (looked for Chromium, Chrome and Edge on PATH and where they usually install); ' +
  'install one (Debian/Ubuntu: sudo apt-get install chromium; macOS/Windows: Google Chrome or Microsoft Edge) or name it with --browser <path> or KAM_BROWSER=<path>';

/**
 * The browser to print with: `--browser`, else KAM_BROWSER, else the first Chromium, Chrome or
 * Edge on PATH or in its usual place. A named browser that is not an executable file, or no
 * browser at all, is a KamError (exit 2) saying how to fix it.
 */
export function findBrowser(opts: { explicit?: string; env: NodeJS.ProcessEnv; cwd: string; platform?: NodeJS.Platform; isExecutable?: (path: string) => boolean }): string {
  const executable = opts.isExecutable ?? isExecutableFile;
  const platform = opts.platform ?? process.platform;
  const named = opts.explicit ?? (opts.env.KAM_BROWSER ? opts.env.KAM_BROWSER : undefined);
  if (named !== undefined) {
    const source = opts.explicit !== undefined ? '--browser' : 'KAM_BROWSER';
    const path = isAbsolute(named) || named.includes('/') || named.includes('\\') ? resolve(opts.cwd, named) : whichOnPath(named, opts.env, platform, executable);
    if (path && executable(path)) return path;
    throw new KamError(`${source} names "${named}", which is not an executable file; give the path of Chromium, Chrome or Edge (e.g. /usr/bin/chromium)`);
  }
  for (const name of PATH_NAMES) {
    const found = whichOnPath(name, opts.env, platform, executable);
    if (found) return found;
  }
  // KAM_BROWSER_SEARCH=path (internal, for tests): look on PATH only, so "no browser" can be tested
  // on a machine that has one installed.
  const usual = opts.env.KAM_BROWSER_SEARCH === 'path' ? undefined : usualPlaces(platform, opts.env).find(executable);
  if (usual) return usual;
  throw new KamError(NO_BROWSER);
}

function whichOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, executable: (path: string) => boolean): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const names = platform === 'win32' && !name.toLowerCase().endsWith('.exe') ? [`${name}.exe`, name] : [name];
  for (const dir of dirs) for (const n of names) if (executable(join(dir, n))) return join(dir, n);
  return undefined;
}

/** The print rules kam adds to every document it prints: paper size and the page-number footer. */
export function printCss(paper: Paper): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  return `<style>@page { size: ${size}; margin: 14mm 12mm 18mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, Arial, "Liberation Sans", sans-serif; color: #4b5563; } }</style>`;
}

/** The HTML with kam's print rules last in <head> (so they win), or first when there is no head. */
export function withPrintCss(html: string, paper: Paper): string {
  const css = printCss(paper);
  const close = /<\/head\s*>/i.exec(html);
  return close ? `${html.slice(0, close.index)}${css}\n${html.slice(close.index)}` : `${css}\n${html}`;
}

/** How long one document may take to print before kam gives up. */
const PRINT_TIMEOUT_MS = 120_000;

/** Where the document is served from: a name that resolves nowhere (RFC 6761 .invalid), never asked of DNS. */
export const DOCUMENT_URL = 'https://kam.invalid/document.html';

/** The policy the document is served with (a header: markup in the document cannot loosen it). */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; sandbox";

/** What printPdf did besides printing: the requests it refused (for the tests and KAM_DEBUG). */
export interface PrintLog {
  refused: string[];
}

/**
 * Prints one HTML document to PDF bytes with `browser`, sandboxed as the header says, in a
 * throwaway profile. The bytes end with a PDF comment holding the generated-by-kam marker, so a
 * later render may replace the file (and never a user's PDF).
 */
export async function printPdf(html: string, opts: { browser: string; paper: Paper; timeoutMs?: number; log?: PrintLog }): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'kam-pdf-'));
  let child: ChildProcess | undefined;
  // Stopped by a signal mid-print: the browser (all its processes) is killed and its folder
  // removed, as when printing ends any other way.
  const cleanup = async () => {
    if (child) await stopBrowser(child);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const release = whileRunning(cleanup);
  try {
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-sync',
      '--disable-component-update',
      '--disable-default-apps',
      '--mute-audio',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--remote-debugging-pipe',
      // Chromium refuses to start as root with its sandbox on (containers, CI images).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // The network is closed below the page too: Chromium's own preconnects (a <link
      // rel=preconnect>, an <iframe> the policy then blocks) open sockets before any request the
      // page could intercept. No name (not even an IP literal) resolves, and every connection
      // would go through a proxy that does not resolve either, loopback included.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--proxy-server=http://kam.invalid:1',
      '--proxy-bypass-list=<-loopback>',
      'about:blank',
    ];
    // Its own process group (POSIX), so the browser and every helper process it starts can be
    // stopped together.
    child = spawn(opts.browser, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    const started = child;
    let stderr = '';
    started.stderr!.on('data', (d: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += d.toString('utf8');
    });
    const pdf = await withTimeout(printOver(started, withPrintCss(html, opts.paper), opts.log ?? { refused: [] }), opts.timeoutMs ?? PRINT_TIMEOUT_MS).catch((err: unknown) => {
      if (err instanceof KamError) throw err;
      const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/dbus|Fontconfig|DevTools listening/i.test(l));
      const reason = lines.at(-1) ?? (err instanceof Error ? err.message : String(err));
      throw new KamError(`the browser ${opts.browser} could not print the document: ${reason}; check that it starts (${opts.browser} --version), or name another with --browser <path>`);
    });
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new KamError(`the browser ${opts.browser} could not print the document: it wrote no PDF; check that it starts (${opts.browser} --version), or name another with --browser <path>`);
    return Buffer.concat([pdf, Buffer.from(pdf.at(-1) === 0x0a ? '' : '\n', 'latin1'), Buffer.from(`%${GENERATED_MARKER}\n`, 'latin1')]);
  } finally {
    await cleanup();
    release();
  }
}

/** Kills the browser's whole process group and waits until the browser has exited. */
async function stopBrowser(child: ChildProcess): Promise<void> {
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((done) => child.once('exit', () => done()));
  killGroup(child);
  // SIGKILL cannot be caught; the bound only keeps a stuck kernel from holding kam forever.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((done) => (timer = setTimeout(done, 10_000)))]);
  clearTimeout(timer);
}

/** SIGKILL to the browser's process group (or the browser alone where there are no groups). */
export function killGroup(child: ChildProcess): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // already gone
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new KamError(`the browser took longer than ${Math.round(ms / 1000)} s to print the document; try again, or name another browser with --browser <path>`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The DevTools session: open a page, sandbox it, serve the document, print it. */
async function printOver(child: ChildProcess, html: string, log: PrintLog): Promise<Buffer> {
  const cdp = new DevToolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable, child);
  const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  let served = false;
  // Every request of the page and of any frame in it: the document once, nothing else.
  cdp.onEvent('Fetch.requestPaused', (params, session) => {
    const { requestId, request } = params as { requestId: string; request: { url: string } };
    if (!served && session === sessionId && request.url === DOCUMENT_URL) {
      served = true;
      void cdp
        .send(
          'Fetch.fulfillRequest',
          {
            requestId,
            responseCode: 200,
            responseHeaders: [
              { name: 'Content-Type', value: 'text/html; charset=utf-8' },
              { name: 'Content-Security-Policy', value: PRINT_CSP },
              { name: 'Cache-Control', value: 'no-store' },
            ],
            body: Buffer.from(html, 'utf8').toString('base64'),
          },
          session,
        )
        .catch(() => undefined);
      return;
    }
    log.refused.push(request.url);
    void cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, session).catch(() => undefined);
  });
  // Frames that run in their own process get their own session: sandbox those the same way
  // (they are paused until then). The policy header means there should be none.
  cdp.onEvent('Target.attachedToTarget', (params) => {
    const child = (params as { sessionId: string }).sessionId;
    void sandbox(cdp, child).then(() => cdp.send('Runtime.runIfWaitingForDebugger', {}, child)).catch(() => undefined);
  });
  await sandbox(cdp, sessionId);
  await cdp.send('Page.enable', {}, sessionId);
  const loaded = cdp.waitFor('Page.loadEventFired', sessionId);
  const nav = (await cdp.send('Page.navigate', { url: DOCUMENT_URL }, sessionId)) as { errorText?: string };
  if (nav.errorText) throw new Error(`the document did not load (${nav.errorText})`);
  await loaded;
  const printed = (await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }, sessionId)) as { data: string };
  return Buffer.from(printed.data, 'base64');
}

/** JavaScript off, every request intercepted, frames in other processes attached (paused) as they appear. */
async function sandbox(cdp: DevToolsPipe, session: string): Promise<void> {
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true }, session);
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] }, session);
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, session);
}

type Listener = (params: unknown, sessionId: string | undefined) => void;

/**
 * The DevTools protocol over --remote-debugging-pipe: JSON messages separated by NUL bytes,
 * kam writes on the browser's fd 3 and reads its fd 4. Replies are matched by id; a browser that
 * exits or closes the pipe fails every pending call.
 */
class DevToolsPipe {
  private nextId = 1;
  private readonly pending = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>();
  private readonly listeners = new Map<string, Listener[]>();
  private closed: Error | undefined;

  constructor(
    private readonly out: Writable,
    input: Readable,
    child: ChildProcess,
  ) {
    let chunks: Buffer[] = [];
    input.on('data', (chunk: Buffer) => {
      let start = 0;
      for (let nul = chunk.indexOf(0); nul !== -1; nul = chunk.indexOf(0, start)) {
        chunks.push(chunk.subarray(start, nul));
        const text = Buffer.concat(chunks).toString('utf8');
        chunks = [];
        start = nul + 1;
        this.dispatch(text);
      }
      if (start < chunk.length) chunks.push(chunk.subarray(start));
    });
    const close = (why: string) => this.close(new Error(why));
    input.on('error', (err) => close(err.message));
    input.on('close', () => close('the browser closed its DevTools pipe'));
    out.on('error', (err) => close(err.message));
    child.on('error', (err) => close(err.message));
    child.on('exit', (code, signal) => close(`the browser exited (${signal ?? `code ${code}`}) before it printed`));
  }

  send(method: string, params: object, sessionId?: string): Promise<unknown> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise((done, fail) => {
      this.pending.set(id, { done, fail });
      this.out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  onEvent(method: string, listener: Listener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  waitFor(method: string, sessionId: string): Promise<unknown> {
    return new Promise((done, fail) => {
      if (this.closed) return fail(this.closed);
      this.onEvent(method, (params, session) => session === sessionId && done(params));
      this.onEvent('\0closed', (err) => fail(err as Error));
    });
  }

  private dispatch(text: string): void {
    let msg: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message?: string }; sessionId?: string };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (msg.id !== undefined) {
      const call = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!call) return;
      if (msg.error) call.fail(new Error(msg.error.message ?? 'DevTools error'));
      else call.done(msg.result ?? {});
      return;
    }
    if (msg.method) for (const l of this.listeners.get(msg.method) ?? []) l(msg.params, msg.sessionId);
  }

  private close(err: Error): void {
    if (this.closed) return;
    this.closed = err;
    for (const call of this.pending.values()) call.fail(err);
    this.pending.clear();
    for (const l of this.listeners.get('\0closed') ?? []) l(err, undefined);
  }
}
