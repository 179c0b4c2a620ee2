// PDF through a Chromium-family browser already on the machine (Chromium, Chrome, Edge), the way
// md-to-pdf and Marp do it: the HTML document is printed headless with `--print-to-pdf`. Page
// size and the page-number footer come from CSS `@page`, so text stays text in the PDF.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KamError } from '../errors.js';
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

/**
 * Prints one HTML document to PDF bytes with `browser` (headless, in a throwaway profile; kam's
 * documents hold no scripts, but headless printing needs JavaScript on, so it stays on). The bytes end with a PDF comment holding the generated-by-kam
 * marker, so a later render may replace the file (and never a user's PDF).
 */
export async function printPdf(html: string, opts: { browser: string; paper: Paper; timeoutMs?: number }): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'kam-pdf-'));
  try {
    const page = join(dir, 'document.html');
    const out = join(dir, 'document.pdf');
    writeFileSync(page, withPrintCss(html, opts.paper));
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      // Chromium refuses to start as root with its sandbox on (containers, CI images).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const stderr = await new Promise<string>((done) => {
      execFile(opts.browser, args, { timeout: opts.timeoutMs ?? PRINT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, _stdout, errText) => {
        done(err ? `${String(errText)}\n${err.message}` : '');
      });
    });
    let pdf: Buffer;
    try {
      pdf = readFileSync(out);
    } catch {
      pdf = Buffer.alloc(0);
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const reason = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/dbus|Fontconfig/i.test(l)).at(-1) ?? 'it wrote no PDF';
      throw new KamError(`the browser ${opts.browser} could not print the document: ${reason}; check that it starts (${opts.browser} --version), or name another with --browser <path>`);
    }
    return Buffer.concat([pdf, Buffer.from(pdf.at(-1) === 0x0a ? '' : '\n', 'latin1'), Buffer.from(`%${GENERATED_MARKER}\n`, 'latin1')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
