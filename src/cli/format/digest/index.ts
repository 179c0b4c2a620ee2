import type { Digest } from '../../../digest/digest.js';
import { digestMarkdown } from './markdown.js';
import { digestSlack } from './slack.js';
import { digestTeams } from './teams.js';
import { digestText } from './text.js';

/** `kam digest` formats by name: each returns the text to print, post or write. */
export const digestFormatters = {
  text: digestText,
  markdown: digestMarkdown,
  json: (d: Digest) => `${JSON.stringify(d, null, 2)}\n`,
  slack: (d: Digest) => `${JSON.stringify(digestSlack(d), null, 2)}\n`,
  teams: (d: Digest) => `${JSON.stringify(digestTeams(d), null, 2)}\n`,
} satisfies Record<string, (d: Digest) => string>;
export type DigestFormat = keyof typeof digestFormatters;

/** The file extension of each format, for --all --out. */
export const DIGEST_EXT: Record<DigestFormat, string> = { text: 'txt', markdown: 'md', json: 'json', slack: 'slack.json', teams: 'teams.json' };
