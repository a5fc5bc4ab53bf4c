// A title in, a stable id out: lowercase Latin letters, digits and hyphens (Cyrillic transliterated), at most 60 characters.

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'io', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', "'": '', '’': '', 'ʼ': '', '`': '',
};

export function slugify(title: string, lang: string): string {
  const russianG: Record<string, string> = lang === 'ru' ? { г: 'g', и: 'i' } : {};
  const table: Record<string, string> = { ...CYRILLIC, ...russianG };
  const latin = [...title.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')].map((ch) => table[ch] ?? ch).join('');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  // A title with no Latin or Cyrillic letters still gets a stable id of its own.
  if (!slug) return `article-${hash(title)}`;
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, 60)).replace(/-+$/, '');
}

/** FNV-1a of the text, 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
