import type { Portfolio } from '../../score/portfolio.js';
import { plural } from '../../util/plural.js';
import { escapeControl } from '../../util/terminal.js';

/** Why an account file is not in the ranking, in one line (kam score, kam export). */
export function leftOutText(bad: Portfolio['invalid'][number]): string {
  const file = escapeControl(bad.file);
  if (bad.errors === 0) return `left out ${file}: a second file for account "${escapeControl(bad.id)}", which is ranked from ${escapeControl(bad.rankedFrom ?? '')}; remove or rename one of them`;
  const also = bad.rankedFrom ? `; "${escapeControl(bad.id)}" is ranked from ${escapeControl(bad.rankedFrom)}` : '';
  return `left out ${file} (${plural(bad.errors, 'error')}; run "kam validate")${also}`;
}
