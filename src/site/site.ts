// kam site (spec 1.2, section 10): every page and calendar of the portfolio site, as files in
// memory. Pages go through the same renderer as kam render (templates/site/ for the site's own
// pages, the plan template for account pages, the repo's templates/ overriding either), so user
// text is escaped as in every document kam writes. Relative links only; nothing is loaded from
// outside the folder. The caller writes the files.
import { agendaIcs, escapeText } from '../agenda/ics.js';
import type { CheckResult } from '../check/checkRepo.js';
import { buildPlanModel } from '../render/model.js';
import type { Renderer } from '../render/render.js';
import { pushTo } from '../util/group.js';
import { GENERATED_MARKER } from '../util/safeWrite.js';
import { agendaModel, findingsModel, indexModel, personCalendars, trendModel, type PageNav, type SiteInput } from './model.js';

export interface SiteFile {
  /** Relative to the site's folder, with `/`. */
  path: string;
  content: string;
}

export interface SiteRenderers {
  /** Main templates from templates/site/ (index, agenda, findings, nav, trend). */
  site: Renderer;
  /** kam render's HTML renderer: the plan template makes each account page. */
  plan: Renderer;
}

/**
 * A calendar carries kam's marker in a property of its own (RFC 5545 allows X- properties), so a
 * later build may replace it and never a user's file of the same name.
 */
function markedIcs(ics: string): string {
  return ics.replace('METHOD:PUBLISH\r\n', `METHOD:PUBLISH\r\nX-KAM-NOTE:${escapeText(`${GENERATED_MARKER}; re-run kam site to update`)}\r\n`);
}

/**
 * The site's navigation and (with --since) the trend, put into the plan document: the nav right
 * after <body>, the trend at the end of the document's <main> (or its body). A user's plan template
 * without those tags gets the nav first and the trend last.
 */
export function intoPlanPage(planHtml: string, nav: string, trend: string | null): string {
  let html = planHtml;
  if (trend !== null) {
    const at = html.lastIndexOf('</main>') >= 0 ? html.lastIndexOf('</main>') : html.lastIndexOf('</body>');
    html = at >= 0 ? `${html.slice(0, at)}${trend}\n${html.slice(at)}` : `${html}\n${trend}`;
  }
  const body = /<body[^>]*>/i.exec(html);
  if (body) {
    const end = body.index + body[0].length;
    return `${html.slice(0, end)}\n${nav}${html.slice(end)}`;
  }
  return `${nav}\n${html}`;
}

/**
 * Every file of the site, in a stable order (index, agenda, calendars, findings, accounts), made
 * one at a time as the caller asks for them: a site of 10,000 plan pages is never all in memory.
 */
export function* buildSite(input: SiteInput & { lastCommitDate?: (file: string) => string | undefined }, renderers: SiteRenderers): Generator<SiteFile> {
  const { repo, today } = input;
  const files: SiteFile[] = [];
  files.push({ path: 'index.html', content: renderers.site.render('index', indexModel(input)) });

  const calendars = personCalendars(input.items);
  files.push({ path: 'agenda.html', content: renderers.site.render('agenda', agendaModel(input, calendars)) });
  files.push({ path: 'agenda.ics', content: markedIcs(agendaIcs([...input.items], { today, name: `${repo.config.organization ? `${repo.config.organization}: ` : ''}kam agenda` })) });
  for (const c of calendars) files.push({ path: c.href, content: markedIcs(agendaIcs(c.items, { today, name: `kam agenda of ${c.name}` })) });
  files.push({ path: 'findings.html', content: renderers.site.render('findings', findingsModel(input)) });
  yield* files;

  const nav: PageNav = { base: '../', current: 'account', organization: repo.config.organization ?? null };
  const navHtml = renderers.site.render('nav', { nav, marker: GENERATED_MARKER });
  // Each account's model gets that account's findings only: the same result, linear in the repo.
  const byAccount = new Map<string, CheckResult['findings']>();
  for (const f of input.check.findings) if (f.account !== null) pushTo(byAccount, f.account, f);
  // And the repo as far as one plan document reads it (kam.yaml, the account, its plan): the same
  // document as kam render writes, without a search of every account per page.
  const firstValid = <T extends { id: string; value?: unknown }>(files: readonly T[]) => {
    const byId = new Map<string, T>();
    for (const f of files) if (f.value !== undefined && !byId.has(f.id)) byId.set(f.id, f);
    return byId;
  };
  const accounts = firstValid(repo.accounts);
  const plans = firstValid(repo.plans);
  for (const s of input.portfolio.accounts) {
    const check: CheckResult = { ...input.check, findings: byAccount.get(s.id) ?? [] };
    const plan = plans.get(s.id);
    const one = { ...repo, accounts: [accounts.get(s.id)!], plans: plan ? [plan] : [] };
    const model = buildPlanModel(one, s.id, check, today, input.lastCommitDate);
    const trend = trendModel(input.trend, s.id, input.since);
    const trendHtml = trend ? renderers.site.render('trend', { trend, account: model.account, marker: GENERATED_MARKER }) : null;
    yield { path: `accounts/${s.id}.html`, content: intoPlanPage(renderers.plan.render('plan', model), navHtml, trendHtml) };
  }
}
