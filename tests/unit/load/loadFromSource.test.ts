import { describe, expect, it } from 'vitest';
import { loadFromSource, loadRepo } from '../../../src/load/loadRepo.js';
import { makeFinding } from '../../../src/findings/makeFinding.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const files = {
  'kam.yaml': 'version: 1\n',
  'accounts/acme.yaml': 'name: Acme\nratings: { current_revenue: 4 }\n',
  'accounts/bad.yaml': 'name: [\n',
  'plans/acme.yaml': 'account: acme\n',
  'plans/ghost.yaml': 'account: ghost\n',
};

describe('loadFromSource', () => {
  it('loads the same repo from texts as loadRepo does from disk', async () => {
    const root = makeRepo(files);
    const disk = await loadRepo(root);
    const { 'kam.yaml': config, ...rest } = files;
    const fromTexts = loadFromSource(root, { file: 'kam.yaml', text: config }, Object.entries(rest).map(([file, text]) => ({ file, text })));
    expect(fromTexts).toEqual(disk);
    expect(disk.ok && disk.repo.findings.map((f) => f.rule)).toEqual(['yaml_syntax', 'unknown_account']);
  });

  it('ignores files that are not accounts/<id>.yaml or plans/<id>.yaml and keeps unreadable ones as findings', () => {
    const unreadable = makeFinding('yaml_syntax', { file: 'plans/x.yaml', account: 'x', line: 1, column: 1 }, 'the file is not valid UTF-8 text; save it as UTF-8');
    const result = loadFromSource('/r', { file: 'kam.yaml', text: 'version: 1\n' }, [
      { file: 'accounts/nested/a.yaml', text: 'name: A\n' },
      { file: 'accounts/.hidden.yaml', text: 'name: A\n' },
      { file: 'notes.yaml', text: 'x: 1\n' },
      { file: 'plans/x.yaml', finding: unreadable },
    ]);
    expect(result.ok && [result.repo.accounts.length, result.repo.plans.map((p) => p.id), result.repo.findings]).toEqual([0, ['x'], [unreadable]]);
  });

  it('stops at an invalid kam.yaml', () => {
    const result = loadFromSource('/r', { file: 'kam.yaml', text: 'version: 7\n' }, [{ file: 'accounts/a.yaml', text: 'name: A\n' }]);
    expect(result.ok).toBe(false);
  });
});
