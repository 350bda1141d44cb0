import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE = dirname(fileURLToPath(import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Each file's imports, as layers ("domain", "app", ...) for our own files and package names otherwise. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    ([, specifier = '']) => {
      if (!specifier.startsWith('.')) return specifier;
      const target = relative(SOURCE, resolve(dirname(file), specifier));
      return target.split('/')[0] ?? target;
    },
  );
}

const layerOf = (file: string) => relative(SOURCE, file).split('/')[0] ?? '';

/** Dependencies point inward (CONVENTIONS.md): http and cli call app; app calls domain and db; domain calls nothing. */
const ALLOWED: Record<string, (dependency: string) => boolean> = {
  domain: (dependency) => dependency === 'domain',
  contracts: (dependency) => ['contracts', 'zod', 'domain'].includes(dependency),
  db: (dependency) => !['app', 'http', 'cli', 'web'].includes(dependency),
  app: (dependency) => !['http', 'cli', 'web'].includes(dependency),
  http: (dependency) => !['cli', 'web'].includes(dependency),
  cli: (dependency) => dependency !== 'web',
  web: (dependency) =>
    !['app', 'db', 'http', 'cli', 'config.ts'].includes(dependency) && !dependency.startsWith('node:'),
};

describe('the dependency rule', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`src/${layer} imports only what its layer may`, () => {
      const violations = sourceFiles(SOURCE)
        .filter((file) => layerOf(file) === layer)
        .flatMap((file) =>
          importsOf(file)
            .filter((dependency) => !allowed(dependency))
            .map((dependency) => `${relative(SOURCE, file)} -> ${dependency}`),
        );
      expect(violations).toEqual([]);
    });
  }

  it('keeps the clock out of the domain', () => {
    for (const file of sourceFiles(join(SOURCE, 'domain'))) {
      expect(readFileSync(file, 'utf8'), relative(SOURCE, file)).not.toMatch(/Date\.now\(\)|new Date\(\)/);
    }
  });
});
