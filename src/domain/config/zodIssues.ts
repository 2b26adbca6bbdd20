import type { z } from 'zod';

import { describeValue } from '../describeValue.js';
import type { ConfigIssue } from './ConfigError.js';
import { formatPath } from './ConfigError.js';

/**
 * Turns zod issues into `path: expected X, got Y` issues. Values that came from app settings
 * (`fromSettings`: formatted path → setting name) are named, never shown.
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  fromSettings: ReadonlyMap<string, string>,
): ConfigIssue[] {
  return issues.flatMap((issue): ConfigIssue[] => {
    const path = formatPath(issue.path);
    const setting = fromSettings.get(path);
    const received =
      setting === undefined ? describeValue(issue.input) : `the value of app setting ${setting}`;
    switch (issue.code) {
      case 'invalid_type':
        return [{ path, expected: article(issue.expected), received }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          expected: 'no such key (it is not part of the config format)',
          received: `unknown key ${JSON.stringify(key)}`,
        }));
      case 'too_small':
        return [{ path, expected: bound('at least', issue.origin, issue.minimum), received }];
      case 'too_big':
        return [{ path, expected: bound('at most', issue.origin, issue.maximum), received }];
      case 'invalid_value':
        return [
          {
            path,
            expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
            received,
          },
        ];
      case 'invalid_format':
      case 'custom':
        return [{ path, expected: issue.message, received }];
      case 'not_multiple_of':
      case 'invalid_union':
      case 'invalid_key':
      case 'invalid_element':
        return [{ path, expected: issue.message, received }];
      default: {
        const unhandled: never = issue;
        return [{ path, expected: String(unhandled), received }];
      }
    }
  });
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
  };
  return words[type] ?? type;
}

function bound(relation: string, origin: string, limit: number | bigint): string {
  switch (origin) {
    case 'array':
      return `${relation} ${limit} item${Number(limit) === 1 ? '' : 's'}`;
    case 'string':
      return `${relation} ${limit} character${Number(limit) === 1 ? '' : 's'}`;
    default:
      return `a number ${relation === 'at least' ? '>=' : '<='} ${limit}`;
  }
}
