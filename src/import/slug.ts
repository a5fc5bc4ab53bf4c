// A title in, a stable id out: lowercase Latin letters, digits and hyphens (Cyrillic transliterated), at most 60 characters.

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'io', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', "'": '', '’': '',
};

export function slugify(title: string, lang: string): string {
  const russianG: Record<string, string> = lang === 'ru' ? { г: 'g', и: 'i' } : {};
  const table: Record<string, string> = { ...CYRILLIC, ...russianG };
  const latin = [...title.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')].map((ch) => table[ch] ?? ch).join('');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'article';
  const cut = slug.slice(0, 61);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, 60)).replace(/-+$/, '');
}
