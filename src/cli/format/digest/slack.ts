// The digest as a Slack incoming-webhook payload: `{ text, blocks }` with Block Kit blocks, within
// Slack's documented limits (at most 50 blocks; a section's text at most 3,000 characters; a
// header's plain text at most 150). User text is escaped as Slack asks (&, <, > as entities), so
// a name can never become a link, a mention (<!channel>) or a user reference; control characters
// become spaces.
import type { Digest } from '../../../digest/digest.js';
import { digestSections, digestSummary, digestTitle } from './sections.js';
import { CONTROL_CHARACTERS } from '../../../util/terminal.js';

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_TEXT = 3000;
export const SLACK_MAX_HEADER_TEXT = 150;

type Block =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

export interface SlackPayload {
  text: string;
  blocks: Block[];
}

/** Slack's escaping for text it reads as mrkdwn: the three characters that start its markup of links and mentions. */
export function escapeSlack(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters, cut with an ellipsis (never inside an entity like &amp;). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const amp = text.lastIndexOf('&', end);
  if (amp >= 0 && amp > end - 6 && text.indexOf(';', amp) >= end) end = amp;
  return `${text.slice(0, end)}…`;
}

export function digestSlack(d: Digest): SlackPayload {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(digestTitle(d).replace(CONTROL_CHARACTERS, ' '), SLACK_MAX_HEADER_TEXT) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: cut(escapeSlack(digestSummary(d)), SLACK_MAX_SECTION_TEXT) }] },
  ];
  // Each section's lines are packed into section blocks of at most 3,000 characters; past 50
  // blocks the rest is counted in a last context block.
  const room = SLACK_MAX_BLOCKS - 1;
  let left = 0;
  for (const s of digestSections(d)) {
    const lines = s.lines.length === 0 ? [`_${escapeSlack(s.empty)}_`] : s.lines.map((l) => cut(`• *${escapeSlack(l.lead)}*${l.alert ? ' :warning:' : ''} ${escapeSlack(l.text)}`, SLACK_MAX_SECTION_TEXT - 1));
    let chunk = `*${cut(escapeSlack(s.title), 200)}*`;
    const flush = () => {
      if (blocks.length < room) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
      chunk = '';
    };
    for (const [i, line] of lines.entries()) {
      if (blocks.length >= room) {
        left += lines.length - i;
        break;
      }
      if (chunk.length + 1 + line.length > SLACK_MAX_SECTION_TEXT) flush();
      chunk = chunk === '' ? line : `${chunk}\n${line}`;
    }
    if (chunk !== '') flush();
  }
  if (left > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${left} more: run kam digest --person "${escapeSlack(d.person)}" for the whole list` }] });
  return { text: cut(escapeSlack(`${digestTitle(d)}: ${digestSummary(d)}`), SLACK_MAX_SECTION_TEXT), blocks };
}
