/**
 * Stylish output as one line per row, `  <file>:<line>:<col>  <severity>  <message>  <rule>`:
 * each `line:col` row joined with the file header above it, so a test can look for a finding
 * with its file in one string.
 */
export function stylishRows(output: string): string[] {
  const rows: string[] = [];
  let file = '';
  for (const line of output.split('\n')) {
    const row = /^ {2}(\d+:\d+) +(error|warning) +(.*)$/.exec(line);
    if (row) rows.push(`  ${file}:${row[1]}  ${row[2]!.padEnd(7)}  ${row[3]}`);
    else if (line !== '' && !line.startsWith(' ')) file = line;
  }
  return rows;
}
