// The digest for Microsoft Teams: a Workflows webhook message (Office 365 connectors are retired)
// carrying one Adaptive Card 1.5. TextBlocks read a Markdown subset (bold, italic, lists, links),
// so user text has that markup backslash-escaped and control characters turned into spaces: a
// name can never become a link or change the card's layout. The card stays under Teams' message
// size limit (about 28 KB) by listing at most TEAMS_MAX_LINES lines and counting the rest.
import type { Digest } from '../../../digest/digest.js';
import { digestSections, digestSummary, digestTitle } from './sections.js';
import { CONTROL_CHARACTERS } from '../../../util/terminal.js';
import { escapeCardMarkdown } from '../../../util/markdown.js';

export const TEAMS_MAX_LINES = 60;
const MAX_LINE = 500;

/** User text for a TextBlock: Markdown markup escaped, no control characters, at most MAX_LINE characters. */
export function escapeCardText(text: string): string {
  const flat = text.replace(CONTROL_CHARACTERS, ' ');
  const short = flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat;
  return escapeCardMarkdown(short);
}

type TextBlock = { type: 'TextBlock'; text: string; wrap: true; size?: 'Large' | 'Medium'; weight?: 'Bolder'; isSubtle?: true; color?: 'Attention'; spacing?: 'Medium'; style?: 'heading' };

export interface TeamsPayload {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: { $schema: string; type: 'AdaptiveCard'; version: '1.5'; body: TextBlock[] } }[];
}

export function digestTeams(d: Digest): TeamsPayload {
  const body: TextBlock[] = [
    { type: 'TextBlock', text: escapeCardText(digestTitle(d)), wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' },
    { type: 'TextBlock', text: escapeCardText(digestSummary(d)), wrap: true, isSubtle: true },
  ];
  let shown = 0;
  let left = 0;
  for (const s of digestSections(d)) {
    body.push({ type: 'TextBlock', text: escapeCardText(s.title), wrap: true, size: 'Medium', weight: 'Bolder', spacing: 'Medium' });
    if (s.lines.length === 0) body.push({ type: 'TextBlock', text: escapeCardText(s.empty), wrap: true, isSubtle: true });
    for (const l of s.lines) {
      if (shown >= TEAMS_MAX_LINES) {
        left++;
        continue;
      }
      shown++;
      body.push({ type: 'TextBlock', text: `**${escapeCardText(l.lead)}** ${escapeCardText(l.text)}`, wrap: true, ...(l.alert ? { color: 'Attention' as const } : {}) });
    }
  }
  if (left > 0) body.push({ type: 'TextBlock', text: escapeCardText(`…and ${left} more: run kam digest --person "${d.person}" for the whole list`), wrap: true, isSubtle: true });
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', body } }],
  };
}
