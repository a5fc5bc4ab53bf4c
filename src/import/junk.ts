// A line of a scraped page in, whether it is page furniture (navigation, sharing, cookies, stamps) and why.

const JUNK: [RegExp, string][] = [
  [/^(top|bottom) of (the )?page$/i, 'page anchor'],
  [/^(back|go|return) to top$/i, 'page anchor'],
  [/^skip to (main )?content$/i, 'navigation'],
  [/^(menu|main menu|navigation|search|home|close|open menu|toggle navigation)$/i, 'navigation'],
  [/^(share|share this|share on \w+|tweet|email|print|copy link|facebook|twitter|x|telegram|whatsapp|linkedin|vk|подзяліцца|поделиться|поширити|поділитися)( \| [\w ]+)*$/i, 'sharing'],
  [/\bcookies?\b.*\b(accept|use|consent|policy|settings)\b|\b(accept|reject) (all )?cookies\b|^cookie (settings|policy)$/i, 'cookie notice'],
  [/^(subscribe|sign up|log ?in|sign in|register)( to [\w ]+)?$/i, 'account prompt'],
  [/^(updated|last updated|published|posted|обновлено|обноўлена|оновлено)( at| on)?:? [\d.:/ ,\-\p{L}]{4,40}$/iu, 'time stamp'],
  [/^(read more|see also|related( articles)?|advertisement|реклама|читайте также)$/i, 'page furniture'],
  [/^©|^copyright\b|all rights reserved/i, 'copyright line'],
];

export function junkReason(line: string): string | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > 160) return undefined;
  for (const [pattern, reason] of JUNK) if (pattern.test(text)) return reason;
  return undefined;
}
