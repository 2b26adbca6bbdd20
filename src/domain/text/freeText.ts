/**
 * Bounds of free text that people and alerts send (comments, reasons, alert descriptions).
 * Free text ends up in custom status, Slack and the audit trail, so it is short and printable:
 * Durable fails an orchestration whose custom status exceeds 16 KB of UTF-16 JSON.
 */

/** Longest free text the API accepts, in characters after normalisation. */
export const maxFreeTextLength = 300;

/** C0/C1 control characters other than tab and newline, and lone UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const unprintableText = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;

/** The form free text is stored in: Unicode NFC, surrounding whitespace trimmed. */
export function normalizeFreeText(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * Why `value` (already normalised) is not acceptable free text, or undefined when it is:
 * `{expected, received}` for a "field: expected X, got Y" message.
 *
 * @example freeTextProblem('ok', 300) === undefined
 */
export function freeTextProblem(
  value: string,
  maxLength = maxFreeTextLength,
): { expected: string; received: string } | undefined {
  const control = unprintableText.exec(value);
  if (control !== null) {
    const code = control[0].codePointAt(0) ?? 0;
    return {
      expected: 'text without control characters',
      received: `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${control.index}`,
    };
  }
  if (value.length > maxLength) {
    return { expected: `at most ${maxLength} characters`, received: `${value.length}` };
  }
  return undefined;
}

/**
 * Free text from a source that cannot be refused (an Azure Monitor alert): control characters
 * become spaces, whitespace runs collapse, and text longer than `maxLength` is cut with `…`.
 *
 * @example clipFreeText('a\u0000b', 300) === 'a b'
 */
export function clipFreeText(value: string, maxLength = maxFreeTextLength): string {
  const printable = value
    .normalize('NFC')
    .replace(new RegExp(unprintableText.source, 'gu'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (printable.length <= maxLength) return printable;
  // Never cut a surrogate pair in two (JSON would escape the lone half as \uXXXX).
  const cut = printable.slice(0, maxLength - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}
