import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { KamError } from '../../../src/errors.js';
import { findBrowser, NO_BROWSER, withPrintCss } from '../../../src/render/pdf.js';

/** findBrowser over an imaginary file system holding `present`. */
const find = (present: string[], opts: { explicit?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}) =>
  findBrowser({ explicit: opts.explicit, env: opts.env ?? {}, cwd: '/work', platform: opts.platform ?? 'linux', isExecutable: (p) => present.includes(p) });

describe('findBrowser', () => {
  it('takes --browser over KAM_BROWSER over PATH over the usual places', () => {
    const all = ['/x/my-chrome', '/y/kam-browser', '/usr/bin/google-chrome', '/opt/google/chrome/chrome'];
    const env = { KAM_BROWSER: '/y/kam-browser', PATH: '/usr/local/bin:/usr/bin' };
    expect(find(all, { explicit: '/x/my-chrome', env })).toBe('/x/my-chrome');
    expect(find(all, { env })).toBe('/y/kam-browser');
    expect(find(all, { env: { PATH: env.PATH } })).toBe('/usr/bin/google-chrome');
    expect(find(['/opt/google/chrome/chrome'], { env: { PATH: env.PATH } })).toBe('/opt/google/chrome/chrome');
  });

  it('prefers Chromium to Chrome to Edge on PATH, and finds a bare name given to --browser on PATH', () => {
    const env = { PATH: '/a:/b' };
    expect(find(['/b/chromium', '/a/google-chrome', '/a/microsoft-edge'], { env })).toBe('/b/chromium');
    expect(find(['/a/microsoft-edge'], { env })).toBe('/a/microsoft-edge');
    expect(find(['/b/brave-browser'], { env, explicit: 'brave-browser' })).toBe('/b/brave-browser');
    expect(find(['/work/bin/chrome'], { explicit: 'bin/chrome' })).toBe('/work/bin/chrome');
  });

  it('knows where Chrome and Edge install on macOS and Windows', () => {
    expect(find(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { platform: 'darwin' })).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const edge = join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    expect(find([edge], { platform: 'win32', env: { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' } })).toBe(edge);
  });

  it('no browser anywhere, or a named one that is not there: a KamError saying how to fix it', () => {
    expect(() => find([], { env: { PATH: '/usr/bin' } })).toThrow(new KamError(NO_BROWSER));
    expect(NO_BROWSER).toContain('--browser <path> or KAM_BROWSER=<path>');
    expect(() => find(['/usr/bin/chromium'], { env: { PATH: '/usr/bin', KAM_BROWSER: '/opt/gone' } })).toThrow('KAM_BROWSER names "/opt/gone", which is not an executable file');
    expect(() => find([], { env: { PATH: '/usr/bin', KAM_BROWSER_SEARCH: 'path' }, platform: 'linux' })).toThrow(KamError);
  });
});

describe('withPrintCss', () => {
  it('puts the paper size and the page-number footer last in <head>', () => {
    const html = withPrintCss('<!DOCTYPE html><html><head><style>x</style></head><body>b</body></html>', 'letter');
    expect(html).toMatch(/<style>x<\/style><style>@page \{ size: letter;.*@bottom-center \{ content: "Page " counter\(page\) " of " counter\(pages\);.*<\/style>\n<\/head>/s);
    expect(withPrintCss('<p>no head</p>', 'a4')).toMatch(/^<style>@page \{ size: A4;/);
  });
});
