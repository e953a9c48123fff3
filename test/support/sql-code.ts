// Reading SQL files as code: what a DBA's tool would run, without the text
// inside comments and literals.

/** The SQL with comments removed and string/identifier literals emptied, so
 * that a `;` or a word inside them is not taken for code. */
export function codeOf(sql: string, backslashEscapes: boolean): string {
  let code = '';
  let i = 0;
  const closing: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' };
  while (i < sql.length) {
    const char = sql[i] ?? '';
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Error('unterminated /* comment');
      code += ' ';
      i = end + 2;
    } else if (char in closing) {
      const close = closing[char] ?? '';
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) throw new Error(`unterminated ${char} literal`);
        if (backslashEscapes && char === "'" && sql[j] === '\\') j += 2;
        else if (sql[j] === close && sql[j + 1] === close)
          j += 2; // doubled quote
        else if (sql[j] === close) break;
        else j++;
      }
      code += `${char}${close}`;
      i = j + 1;
    } else {
      code += char;
      i++;
    }
  }
  return code;
}

/** A `CREATE VIEW`, its name in one of the groups (quoted "…", `…`, […], or bare). */
export const CREATE_VIEW =
  /\bCREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(?:"([^"]+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][\w$]*))/gi;
