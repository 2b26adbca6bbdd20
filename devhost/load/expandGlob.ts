import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Converts a glob (`*`, `**`, `?`, `{a,b}`) into an anchored regular expression over `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) throw new Error(`main: unbalanced "{" in glob "${glob}"`);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(root, child, out);
    else out.push(child);
  }
}

/**
 * The files package.json `main` names, relative to `appDir`, in sorted order (as the worker's
 * globby does). A plain path is returned as is when it exists. Zero matches is an error.
 */
export function expandGlob(appDir: string, pattern: string): string[] {
  const normal = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!/[*?{]/.test(normal)) {
    if (!existsSync(path.join(appDir, normal))) {
      throw new Error(
        `package.json main: expected an existing file, got "${pattern}" (not found in ${appDir})`,
      );
    }
    return [normal];
  }
  const re = globToRegExp(normal);
  const all: string[] = [];
  walk(appDir, '', all);
  const matches = all.filter((f) => re.test(f)).sort();
  if (matches.length === 0) {
    throw new Error(`package.json main: the glob "${pattern}" matched no file in ${appDir}`);
  }
  return matches;
}
