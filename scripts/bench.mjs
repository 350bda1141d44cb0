// `npm run bench -- NAME`: runs bench/NAME.ts, which prints what it measured and ends with one JSON line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const available = readdirSync(`${root}bench`)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !existsSync(`${root}bench/${name}.ts`)) {
  process.stderr.write(`usage: npm run bench -- NAME, where NAME is one of: ${available.join(', ')}\n`);
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', `${root}bench/${name}.ts`, ...process.argv.slice(3)],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
process.exit(result.status ?? 1);
