/**
 * True when `tag` matches one of `patterns`, where `*` matches any run of characters and
 * `?` one character (`*` alone matches every tag; `v1.*` matches `v1.4.2`).
 */
export function matchesTagFilter(tag: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${source}$`).test(tag);
  });
}
