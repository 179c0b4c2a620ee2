// Text from a plan repo (keys, values, file names) must not drive the terminal that shows it:
// an ESC sequence can clear the screen, set the window title or rewrite the summary line, a CR
// can overwrite what came before. Every human format passes such text through escapeControl.

/**
 * C0 controls (U+0000-U+001F, tab and line breaks included), DEL (U+007F), C1 controls
 * (U+0080-U+009F), the Unicode line and paragraph separators and the bidirectional overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069, which can reorder what a line appears to say).
 * The one list of them: every writer that drops or replaces control characters uses it (global:
 * `replace` is safe; reset `lastIndex` before `test` or `exec`).
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every control character made visible as an escape, the way JavaScript writes it:
 * `\n`, `\r`, `\t`, else `\xHH` (C0, DEL, C1) or `\uHHHH`. Printable text, emoji and accents are
 * unchanged; a string without controls is returned as it is (no copy).
 */
export function escapeControl(text: string): string {
  CONTROL_CHARACTERS.lastIndex = 0;
  if (!CONTROL_CHARACTERS.test(text)) return text;
  return text.replace(CONTROL_CHARACTERS, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
