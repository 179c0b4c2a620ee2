import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The Chromium globalSetup.ts started, connected to. Closing it (in afterAll) closes this file's
 * contexts and pages and disconnects; the browser itself runs until the last file is done.
 */
export function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}
