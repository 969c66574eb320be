/** Words for a POSIX shell: a word that needs no quoting stays as it is, any other is single-quoted. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const shellLine = (words: readonly string[]): string => words.map(shellQuote).join(' ');
