import { describe, expect, it } from 'vitest';
import { KamError } from '../../../src/errors.js';
import { compareScores, scoreAccount } from '../../../src/score/score.js';
import { filterScores } from '../../../src/score/select.js';
import { account, ACCOUNTS, config } from './fixture.js';

const ranked = Object.keys(ACCOUNTS).map((id) => scoreAccount(id, account(id), config)).sort(compareScores);
const pick = (filter: Parameters<typeof filterScores>[2]) => filterScores(ranked, config, filter).map((a) => `${a.rank}:${a.id}`);

describe('filterScores', () => {
  it('keeps everything, ranked from 1, without a filter', () => {
    expect(pick({})).toEqual(['1:alpha', '2:bravo', '3:golf', '4:delta', '5:charlie', '6:foxtrot', '7:echo']);
  });

  it('filters by tier in any case, keeping portfolio ranks; the untiered label is a tier name too', () => {
    expect(pick({ tier: 'silver' })).toEqual(['4:delta', '5:charlie']);
    expect(pick({ tier: 'WATCH LIST' })).toEqual(['6:foxtrot']);
  });

  it('filters by manager in any case, and --top applies after the other filters', () => {
    expect(pick({ manager: 'bob ng' })).toEqual(['3:golf', '5:charlie']);
    expect(pick({ manager: 'Ann Lee', top: 1 })).toEqual(['1:alpha']);
    expect(pick({ top: 2 })).toEqual(['1:alpha', '2:bravo']);
    expect(pick({ tier: 'Gold', manager: 'Cy Oh' })).toEqual([]);
  });

  it('rejects an unknown tier or manager with a suggestion', () => {
    expect(() => pick({ tier: 'Gld' })).toThrow(KamError);
    expect(() => pick({ tier: 'Gld' })).toThrow(/no tier "Gld"; did you mean "Gold"\?.*"Watch list"/);
    expect(() => pick({ manager: 'Ann Le' })).toThrow(/no account is managed by "Ann Le"; did you mean "Ann Lee"\?/);
  });
});
