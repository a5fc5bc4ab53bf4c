// A line under a title in, the author's name and roles out when the line is a byline ("By Jane Doe, Reuters", "Павел Латушка, амбасадар").
import { findDates } from './dates.js';

/** "By", "Author:", "Text:", "Аўтар:", "Автор:" … in front of a name. */
const PREFIX = /^(?:(?:by|written by)\s+|(?:author|authors|text|words|story|reporting|автор|авторы|аўтар|аўтары|автори|текст|тэкст)\s*:\s*)/iu;
/** One word of a personal name: "Jane", "O'Brien", "Jean-Luc", "McAdam", an initial "J.". */
const NAME_WORD = "(?:\\p{Lu}\\.|\\p{Lu}\\p{Ll}+(?:['’]\\p{Lu}?\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?|\\p{Lu}['’]\\p{Lu}\\p{Ll}+|Mc\\p{Lu}\\p{Ll}+)";
const PARTICLE = '(?:van|von|de|der|den|da|di|du|la|le|bin|ibn|al|ten|ter)';
const ONE_NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){1,3}`;
/** A name, or two joined by "and" ("Jane Doe and John Smith"). */
const NAME = new RegExp(`^(${ONE_NAME}(?:\\s+(?:and|&|и|і|та)\\s+${ONE_NAME})?)(?=$|\\s*[,|·;]|\\s+[—–-]\\s)`, 'u');
/** Role pieces that are no roles: a date, a reading time. */
const NOT_ROLE = /^(\d{1,3}\s*(min|minutes?|мин|хв)\b.*|\d{1,2}:\d{2})$/iu;

export interface Byline {
  name: string;
  roles: string[];
  /** Pieces of the line left out of the roles (dates, reading times). */
  skipped: string[];
}

/** "Pavel Latushka, deputy Head of …, ambassador", "By Jane Doe | 5 min read", "Text: Jan Bielski | Photos: Olga Sidorova". */
export function parseByline(line: string): Byline | undefined {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > 300 || /[.!?:;]$/u.test(text)) return undefined;
  const prefixed = PREFIX.exec(text);
  const rest = prefixed ? text.slice(prefixed[0].length) : text;
  const match = NAME.exec(rest);
  if (!match?.[1]) return undefined;
  const name = match[1];
  const tail = rest.slice(name.length).replace(/^\s*(?:[,|·;]|[—–-](?=\s))\s*/u, '');
  // Without "By" a bare name must stand alone or be followed by roles after a comma or dash, and the roles must not read like a sentence.
  const pieces = tail ? tail.split(/\s*[,|·;]\s*|\s+[—–]\s+/u).map((p) => p.trim()).filter(Boolean) : [];
  const roles: string[] = [];
  const skipped: string[] = [];
  for (const piece of pieces) {
    if (NOT_ROLE.test(piece) || findDates(piece).some((d) => d.raw.length >= piece.length - 3)) skipped.push(piece);
    else roles.push(piece);
  }
  if (!prefixed && roles.some((r) => r.split(/\s+/).length > 14)) return undefined;
  // A bare title-case line of four words is more likely a subtitle than a name.
  if (!prefixed && pieces.length === 0 && name.split(/\s+/).length > 3) return undefined;
  return { name, roles, skipped };
}

/** A byline that says it is one ("By …", "**By …**", "Аўтар: …", "Автор: …"), as the last lines of a page put it. */
export function parseSignedByline(line: string): Byline | undefined {
  const text = line.trim().replace(/^(\*\*|__)(.*)\1$/u, '$2').trim();
  if (!PREFIX.test(text)) return undefined;
  return parseByline(text);
}
