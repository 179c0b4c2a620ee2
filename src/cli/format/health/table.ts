import { weakestComponent } from '../../../health/health.js';
import { plainTable } from '../score/table.js';
import type { HealthFormatter } from './types.js';
import { colorBand, componentText, healthText } from './values.js';
import { escapeControl } from '../../../util/terminal.js';

/** Worst first: account, tier, health, band, the weakest component, manager. */
export const table: HealthFormatter = ({ rows, total, filtered, chalk }) => {
  const out: string[] = [];
  if (rows.length === 0) out.push(chalk.dim(filtered ? 'No account matches these filters.' : 'No account has a plan yet (add plans/<id>.yaml files).'));
  else {
    const cells = rows.map((h) => {
      const weak = weakestComponent(h);
      return [escapeControl(h.id), h.tier === null ? chalk.dim('-') : escapeControl(h.tier), h.health === null ? chalk.dim('-') : chalk.bold(healthText(h.health)), colorBand(chalk, h.band), escapeControl(componentText(weak, weak ? h.components[weak]?.value : undefined)) || chalk.dim('-'), h.manager === null ? chalk.dim('-') : escapeControl(h.manager)];
    });
    out.push(plainTable(['account', 'tier', 'health', 'band', 'weakest', 'manager'], chalk, ['left', 'left', 'right', 'left', 'left', 'left'], cells));
    const count = (band: string) => rows.filter((h) => h.band === band).length;
    out.push(`${chalk.red.bold(count('red'))} red, ${chalk.yellow(count('amber'))} amber, ${chalk.green(count('green'))} green${filtered ? chalk.dim(`; listed ${rows.length} of ${total} accounts with a plan`) : ''}`);
    out.push(chalk.dim('kam health --explain <account> shows the arithmetic and what would lift it a band'));
  }
  return `${out.join('\n')}\n`;
};
