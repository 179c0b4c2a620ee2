import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const pipelineCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('pipeline'))
    .description('the numbers of each account with a plan: target, gap, won and weighted pipeline, coverage, wallet share, contribution, renewals; lowest coverage first')
    .argument('[accounts...]', 'list only these accounts (an id, a file, or an account name)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .option('--manager <name>', 'list only accounts this manager owns (any case)')
    .option('--tier <name>', 'list only accounts in this tier (or the untiered label)')
    .option('--explain <account>', 'each opportunity with its probability and where it came from, each contract in the renewal window, the wallet cells')
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
How each figure is computed (docs/numbers.md):
  weighted      Σ value × probability over open opportunities (probability:
                the opportunity's own, else its stage's in pipeline.stages)
  gap           revenue.target - revenue.current
  coverage      (won + weighted) / gap; none when the gap is 0 or less (met)
  renewing      contracts ending within renewals.assess_days (default 180)
                that are not settled
  at risk       the part of them whose renewal is unknown or at_risk
  contribution  current × economics.gross_margin - economics.cost_to_serve

Examples:
  $ kam pipeline                           every account with a plan, lowest
                                           coverage first
  $ kam pipeline --tier "Tier 1" --format json
  $ kam pipeline --explain vantor-pharma   where each figure comes from

Exit codes: 0 listed, 2 kam.yaml missing or invalid, an unknown account, tier or
manager, or a usage error.`,
    )
    .action(async (accounts: string[], _opts, cmd: Command) => {
      const { runPipeline } = await import('../actions/pipeline.js');
      setExit(await runPipeline(accounts, globalOptions(cmd), io));
    });
