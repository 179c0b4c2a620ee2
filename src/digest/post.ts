// Posting a digest to a chat webhook (Slack incoming webhook, Teams Workflows webhook). A webhook
// URL is a secret (whoever has it can post to the channel), so no message, error or log line kam
// writes ever contains it: failures name the HTTP status or the network error's code only.
import { KamError } from '../errors.js';

export interface PostOptions {
  /** Give up after this many milliseconds (default 10 s). */
  timeoutMs?: number;
}

/** POSTs `body` (JSON text) to `url`; a KamError (exit 2) when refused, unreachable or too slow. */
export async function postJson(url: string, body: string, opts: PostOptions = {}): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new KamError('the webhook URL is not a URL (it is not printed: webhook URLs are secrets); check --post or KAM_WEBHOOK_URL');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new KamError(`the webhook URL must start with https:// (it starts with ${target.protocol}; the URL is not printed: webhook URLs are secrets)`);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new KamError(`the webhook did not answer within ${timeoutMs / 1000} s; try again later or raise --timeout`);
    throw new KamError(`could not reach the webhook${e.cause?.code ? ` (${e.cause.code})` : ''}; check the network and the URL in --post or KAM_WEBHOOK_URL (not printed: webhook URLs are secrets)`);
  }
  // Read the answer so the connection is released; its text may echo the URL, so it is not shown.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok)
    throw new KamError(`the webhook refused the digest: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; ${response.status >= 500 ? 'the chat service failed, try again later' : 'check the webhook URL and that the workflow or app still exists'}`);
}
