// `npm start`: build the web app if its sources changed since the last build, then `lead serve`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'dist/web/index.html');

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const sources = [join(root, 'src/web'), join(root, 'src/contracts'), join(root, 'vite.config.ts')].filter(
  existsSync,
);
const stale =
  !existsSync(builtIndex) || Math.max(...sources.map(newestChange)) > statSync(builtIndex).mtimeMs;
if (stale) {
  process.stdout.write('Building the web app…\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
process.argv = [process.argv[0], join(root, 'bin/lead.mjs'), 'serve'];
await import('../bin/lead.mjs');
