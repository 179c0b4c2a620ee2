// Revisions as git understands them (docs/meetings.md: "anything git understands"), :/text included.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KamError } from '../../../src/errors.js';
import { openGitRepo, resolveCommit } from '../../../src/git/git.js';
import { commitAll, git, gitInit } from '../../helpers/gitRepo.js';
import { tmpDir } from '../../helpers/tmpRepo.js';

describe('resolveCommit', () => {
  it('resolves :/text (the youngest commit whose message matches), HEAD~1, a tag and main^{/text}', async () => {
    const root = tmpDir();
    gitInit(root);
    writeFileSync(join(root, 'kam.yaml'), 'a: 1\n');
    const first = commitAll(root, 'QBR review of Acme', '2026-01-10');
    writeFileSync(join(root, 'kam.yaml'), 'a: 2\n');
    const second = commitAll(root, 'update ratings', '2026-02-10');
    git(root, 'tag', 'review-q1', first);
    const repo = await openGitRepo(root);
    expect(await resolveCommit(repo, 'review-q1')).toBe(first);
    expect(await resolveCommit(repo, ':/QBR review')).toBe(first);
    expect(await resolveCommit(repo, ':/update')).toBe(second);
    expect(await resolveCommit(repo, 'HEAD~1')).toBe(first);
    expect(await resolveCommit(repo, 'main^{/QBR}')).toBe(first);
    const err = await resolveCommit(repo, ':/no such message').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KamError);
    expect((err as KamError).message).toBe('unknown revision ":/no such message"; name a commit, branch or tag ("git log --oneline" lists commits)');
  });
});
