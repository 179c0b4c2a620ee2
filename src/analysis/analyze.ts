// The analysis of a loaded repo: everything kam works out about a portfolio, computed on demand
// and once. Every command is load -> analyze -> select -> format (docs/architecture.md, "The
// pipeline"); no command scores, checks or measures health for itself.
//
// Why lazily: `kam score` needs the portfolio only, `kam check` the findings (which need the
// portfolio), `kam render --portfolio` all of it. Each part is a memoised getter, so asking twice
// costs nothing and a part nobody asks for is never computed.
import { agenda, type AgendaItem } from '../agenda/agenda.js';
import { checkRepo, type CheckResult } from '../check/checkRepo.js';
import type { RuleSettings } from '../findings/severity.js';
import { repoHealth, type PlanHealth } from '../health/portfolio.js';
import type { Repo } from '../load/loadRepo.js';
import { gitDatesFor, needsGitDates, type LastCommitDate } from '../git/lastCommitDates.js';
import { repoNumbers, type PortfolioNumbers } from '../numbers/portfolio.js';
import { repoPeople, type RepoPeopleOptions } from '../people/repoPeople.js';
import { scorePortfolio, type Portfolio } from '../score/portfolio.js';
import type { AccountIndex } from './select.js';

export interface AnalyzeOptions {
  /** YYYY-MM-DD: the local date or --today. */
  today: string;
  /** --rule ID=severity, over kam.yaml's `rules:`. */
  rules?: RuleSettings;
  /**
   * Which commit the repo was read at, for the dates of last change: HEAD (the default) for the
   * work tree, a commit id for a repo read from history.
   */
  revision?: string;
  /**
   * Whether the parts that date a plan's last review (findings, health, the agenda) are wanted
   * (default true). `kam score` and `kam pipeline` need none of them and never read git.
   */
  dates?: boolean;
}

export interface Analysis {
  readonly repo: Repo;
  readonly today: string;
  /** Whether git history was read for dates of last change (such results are never cached). */
  readonly usedGit: boolean;
  /** The date of a plan's last commit, when git was read (see usedGit). */
  readonly lastCommitDate: LastCommitDate | undefined;
  /** Scores, tiers and quadrants of every valid account, with the portfolio's limits. */
  readonly portfolio: Portfolio;
  /** Findings (loading and rules, severities applied) and checklist completeness. */
  readonly check: CheckResult;
  /** Health of every valid account with a valid plan, worst first. */
  readonly health: PlanHealth[];
  /** Objectives, pipeline, wallet share and renewals of every account with a plan. */
  readonly numbers: PortfolioNumbers;
  /** What falls due within `within` days (overdue included). */
  agenda(within: number): AgendaItem[];
  /** Who and what a selection can name (see select()). */
  readonly index: AccountIndex;
  /** Everyone the repo names on our side (people/repoPeople.ts); with customerSide, customer-side action owners too. */
  people(opts?: RepoPeopleOptions): string[];
}

/**
 * Analyses `repo`. Git is read here and only here (when needsGitDates says so, and at most once);
 * everything else is pure and computed when first asked for.
 */
export async function analyze(repo: Repo, opts: AnalyzeOptions): Promise<Analysis> {
  const usedGit = opts.dates !== false && needsGitDates(repo);
  const lastCommitDate = usedGit ? await gitDatesFor(repo, opts.revision) : undefined;
  return analysisOf(repo, { today: opts.today, rules: opts.rules, usedGit, lastCommitDate, dates: opts.dates });
}

/**
 * Health at a revision as it was then: its own kam.yaml, "today" its commit date, and review
 * dates from the commits before it (digests and the site, for band changes). None without a
 * repo at the revision (before the first commit of kam.yaml).
 */
export async function healthAt(base: { repo: Repo | null; commit: string; date: string }): Promise<PlanHealth[]> {
  return base.repo ? (await analyze(base.repo, { today: base.date, revision: base.commit })).health : [];
}

/** An analysis with the dates of last change given (tests, and callers that read them already). */
export function analysisOf(
  repo: Repo,
  opts: { today: string; rules?: RuleSettings; usedGit?: boolean; lastCommitDate?: LastCommitDate; dates?: boolean },
): Analysis {
  return new RepoAnalysis(repo, opts.today, opts.rules, opts.usedGit ?? opts.lastCommitDate !== undefined, opts.lastCommitDate, opts.dates !== false);
}

class RepoAnalysis implements Analysis {
  private memo = new Map<string, unknown>();
  private agendas = new Map<number, AgendaItem[]>();

  constructor(
    readonly repo: Repo,
    readonly today: string,
    private readonly rules: RuleSettings | undefined,
    readonly usedGit: boolean,
    readonly lastCommitDate: LastCommitDate | undefined,
    private readonly dates: boolean,
  ) {}

  /** A part that dates reviews, asked of an analysis made without dates: a bug in the caller, never a user's. */
  private dated(part: string): void {
    if (!this.dates && needsGitDates(this.repo)) throw new Error(`analysis: ${part} needs the dates of last change; analyze without dates: false`);
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  get portfolio(): Portfolio {
    return this.once('portfolio', () => scorePortfolio(this.repo));
  }

  private get scores() {
    return this.once('scores', () => new Map(this.portfolio.accounts.map((s) => [s.id, s])));
  }

  get check(): CheckResult {
    this.dated('findings');
    return this.once('check', () => checkRepo(this.repo, { today: this.today, rules: this.rules, lastCommitDate: this.lastCommitDate, portfolio: this.portfolio }));
  }

  get health(): PlanHealth[] {
    this.dated('health');
    return this.once('health', () => repoHealth(this.repo, { today: this.today, lastCommitDate: this.lastCommitDate, portfolio: this.portfolio }));
  }

  get numbers(): PortfolioNumbers {
    return this.once('numbers', () => repoNumbers(this.repo, this.today, this.portfolio));
  }

  agenda(within: number): AgendaItem[] {
    this.dated('the agenda');
    let items = this.agendas.get(within);
    if (!items) this.agendas.set(within, (items = agenda(this.repo, { today: this.today, within, lastCommitDate: this.lastCommitDate, portfolio: this.portfolio })));
    return items;
  }

  people(opts: RepoPeopleOptions = {}): string[] {
    return this.once(`people:${Boolean(opts.customerSide)}`, () => repoPeople(this.repo, opts));
  }

  get index(): AccountIndex {
    return this.once('index', () => {
      const scores = this.scores;
      return {
        accounts: this.repo.accounts.map(({ id, file, value }) => {
          const s = scores.get(id);
          return { id, file, ...(value && { name: value.name }), manager: value?.manager ?? null, tier: s?.tier ?? null, needsRating: s?.needsRating ?? false };
        }),
        plans: this.repo.plans.map(({ id, file }) => ({ id, file })),
        tiers: this.repo.config.scoring.tiers.map((t) => t.name),
        untiered: this.repo.config.scoring.untiered,
      };
    });
  }
}
