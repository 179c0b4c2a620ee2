// Issue 24, item 11: agenda, health (table and --explain), map (text) and codeowners printed
// terminal escapes from plan text raw (title set, screen clear, OSC 8 links). Every human format
// shows them escaped (src/util/terminal.ts), as validate, check and score do.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { BEGIN_MARKER, END_MARKER } from '../../src/codeowners/codeowners.js';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { copyRepo } from '../helpers/tmpRepo.js';

const ESC = '\x1b';
const TITLE = `${ESC}]0;pwned\x07`;
const CLEAR = `${ESC}[2J${ESC}[H`;
const LINK = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
const CSI = '\u009b31m';

function edit(file: string, changes: [(string | number)[], string][]): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  for (const [path, value] of changes) doc.setIn(path, value);
  writeFileSync(file, doc.toString());
}

function hostileRepo(): string {
  const root = copyRepo(EXAMPLE);
  edit(join(root, 'accounts/calloway-health.yaml'), [
    [['name'], `Calloway${TITLE} Health`],
    [['manager'], `Marcus${CLEAR}\rOyelaran`],
  ]);
  edit(join(root, 'plans/calloway-health.yaml'), [
    [['actions', 1, 'title'], `Denial${LINK} prediction${CSI}`],
    [['actions', 1, 'owner'], `Priya${TITLE}\rRaman`],
    [['actions', 1, 'status'], 'open'],
    [['stakeholders', 0, 'name'], `Elaine${CLEAR} Foster`],
    [['stakeholders', 0, 'title'], `CMIO${LINK}`],
    [['stakeholders', 1, 'owner'], `Grace${CSI}\rLiu`],
  ]);
  return root;
}

/** Colour is off, so no ESC at all may reach the terminal; nor a bare CR, BEL or C1 control. */
function noControl(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

describe('no terminal control from plan text in agenda, health, map and codeowners', () => {
  const root = hostileRepo();

  it('kam agenda (table)', async () => {
    const run = await kam(['agenda', '--today', '2026-06-01', '--within', '3650', '-C', root]);
    expect(run.code, run.stderr).toBe(0);
    noControl(run.stdout);
    noControl(run.stderr);
    expect(run.stdout).toContain('Priya\\x1b]0;pwned\\x07\\rRaman');
    expect(run.stdout).toContain('Denial\\x1b]8;;https://evil.example\\x1b\\click');
  });

  it('kam health (table) and kam health --explain', async () => {
    const table = await kam(['health', '-C', root]);
    expect(table.code, table.stderr).toBe(0);
    noControl(table.stdout);
    expect(table.stdout).toContain('Marcus\\x1b[2J\\x1b[H\\rOyelaran');
    const explain = await kam(['health', '--explain', 'calloway-health', '-C', root]);
    expect(explain.code, explain.stderr).toBe(0);
    noControl(explain.stdout);
    expect(explain.stdout).toContain('Calloway\\x1b]0;pwned\\x07 Health');
  });

  it('kam map (text)', async () => {
    const run = await kam(['map', 'calloway-health', '-C', root]);
    expect(run.code, run.stderr).toBe(0);
    noControl(run.stdout);
    expect(run.stdout).toContain('Calloway\\x1b]0;pwned\\x07 Health: power map');
    expect(run.stdout).toContain('Elaine\\x1b[2J\\x1b[H Foster (CMIO\\x1b]8;;https://evil.example\\x1b\\click');
    expect(run.stdout).toContain('Grace\\x9b31m\\rLiu');
  });

  it('kam codeowners --check lists an out-of-date block with its escapes shown', async () => {
    mkdirSync(join(root, '.github'), { recursive: true });
    writeFileSync(join(root, '.github/CODEOWNERS'), `${BEGIN_MARKER}\n/kam.yaml @x${TITLE}${CLEAR}\n${END_MARKER}\n`);
    const run = await kam(['codeowners', '--check', '-C', root]);
    expect(run.code).toBe(1);
    noControl(run.stdout);
    noControl(run.stderr);
    expect(run.stderr).toContain('  - /kam.yaml @x\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H');
  });
});
