// A line of a scraped page in, whether it is page furniture (navigation, sharing, cookies, stamps, captions) and why.
// Conservative: a rule names furniture only when the whole line is furniture; anything that might be prose is kept.
import { findDates } from './dates.js';
import { parseDateline } from './dateline.js';

/** Words that make up sharing bars ("Share  Tweet  Email", "Facebook | X | Telegram"). */
const SHARE_WORDS = new Set(
  'share shares tweet email e-mail mail print copy link facebook twitter x telegram whatsapp linkedin vk vkontakte viber reddit pinterest messenger threads bluesky mastodon flipboard подзяліцца поделиться поширити поділитися падзяліцца'.split(' '),
);
/** Filler words allowed between sharing words ("Share this article", "Share on X"). */
const SHARE_FILLER = new Set('this article story post page on via the link to in у в на'.split(' '));
/** A line split into words on the separators of menus and sharing bars. */
const tokens = (line: string) => line.toLowerCase().split(/[\s|/·•,;:]+/u).filter(Boolean);

/** First crumbs of a breadcrumb trail ("Home › News › Politics"). */
const HOME = /^(home|main|news|главная|галоўная|головна|новости|навіны|новини)$/iu;
const CRUMB_SEPARATOR = /\s*[›»>→/|]\s*/u;

const JUNK: [RegExp, string][] = [
  [/^(top|bottom) of (the )?page$/iu, 'page anchor'],
  [/^(back|go|return|scroll) to (the )?top$|^(наверх|уверх|вгору|нагору)$/iu, 'page anchor'],
  [/^skip to (the )?(main )?(content|navigation)$|^перейти к (основному )?содержанию$/iu, 'navigation'],
  [/^(menu|main menu|navigation|search|home|close|open menu|toggle navigation|sections|back|go back|previous|next|next article|previous article|меню|поиск|пошук|главная|галоўная|головна|назад|вярнуцца|вернуться|повернутися|далей|далее|далі)$/iu, 'navigation'],
  // A gallery's counter: "1/12", "Photo 3 of 8", "Фото 3 из 8", "Фота 3 з 12".
  [/^(?:(?:photo|image|picture|slide|фото|фота|слайд|изображение|малюнак)\s*)?\d{1,3}\s*(?:\/|of|из|з|із|iз)\s*\d{1,3}$/iu, 'gallery counter'],
  [/^(subscribe|sign up|log ?in|sign in|register|unsubscribe|manage (your )?subscriptions?|войти|увайсці|увійти|подписаться|падпісацца|підписатися)( to [\p{L}\d ]+)?$/iu, 'account prompt'],
  [/^(follow us|subscribe to our|join us|подпишитесь на|подписывайтесь на|падпісвайцеся на|падпішыцеся на|підписуйтеся на|підписуйтесь на|підпишіться на)\b.{0,100}$/iu, 'account prompt'],
  [/^you (are receiving|received|got) this (e-?mail|newsletter|message)\b.{0,160}$/iu, 'newsletter footer'],
  [/^(\d{1,3}\s*(min|mins|minutes?|мин|минут[аы]?|хв|хвилин[аи]?|хвілін[аы]?)\.?\s*(read|reading|чтения|читання|чытання)?|reading time:?\s*\d{1,3}\s*(min|minutes?)\.?)$/iu, 'reading time'],
  [/^(read more|read also|see also|also read|more on this|related|related articles|related stories|recommended|most read|advertisement|sponsored|реклама|рэклама|читайте также|читайте еще|читайте ещё|смотрите также|чытайце таксама|глядзіце таксама|читайте також|дивіться також)$/iu, 'page furniture'],
  [/^(read more|read also|see also|also read|читайте также|читайте ещё|читайте еще|смотрите также|чытайце таксама|глядзіце таксама|читайте також|дивіться також)\s*[:»›→|–—-]\s*\S.{0,150}$/iu, 'link to another article'],
  [/^(tags|topics|keywords|теги|тэгі|теґи|ключевые слова)\s*:/iu, 'tags'],
  [/^(\d+\s+)?(comments?|leave a comment|show comments|комментари[йи]|каментары|коментарі)(\s*\(\d+\))?$/iu, 'comments'],
  [/^(photo|photos|photograph|image|picture|illustration|photo credit|credit|credits|фото|фота|ілюстрацыя|ілюстрація|иллюстрация)\s*:\s*\S.{0,200}$/iu, 'photo caption'],
  [/^(?:credits? to|photo(?:graph)? by|illustration by|фото|фота|ілюстрацыя|ілюстрація|иллюстрация)\s+\p{Lu}\S*(?:\s+\S+){0,5}$/iu, 'photo credit'],
  [/^©|^copyright\b|all rights reserved|все права защищены|усе правы абаронены|усі права захищені/iu, 'copyright line'],
];

/** Social and donation links, once sharing bars are ruled out: "Support us on Patreon", "… on patreon", "Падтрымайце нас на Patreon". */
const SOCIAL: [RegExp, string][] = [
  // Six words at most and no full stop: "He wrote on X." is prose.
  [/^(?=(?:\S+\s+){0,5}\S+$)(?!.*\.$).{0,80}(?<![\p{L}])(?:on|via|at|на|у|ў|в)\s+(?:our\s+|наш(?:ым|ем|ому|ий|ім)?\s+)?(?:patreon|telegram|instagram|youtube|facebook|tiktok|twitter|x|viber|whatsapp|boosty|buy me a coffee|телеграм(?:е|і)?|ютуб(?:е)?)(?:[-‑ ](?:канал(?:е|і)?|channel))?[.!]?$/iu, 'social link'],
  [/^(?!.*[.!?]$)(?:donate|support (?:independent|our|free) (?:journalism|media|newsroom)|падтрымаць|поддержать|підтримати)(?:\s.{0,60})?$/iu, 'social link'],
  [/^(?:support|donate to|follow|join|find)\s+us\b.{0,80}$|^(?:падтрымайце|поддержите|підтримайте|падпісвайцеся|подписывайтесь|підписуйтесь|падпішыцеся|далучайцеся|присоединяйтесь|приєднуйтесь)\s.{0,80}$/iu, 'social link'],
];

/** A cookie banner: it speaks of cookies *and* of this site or of consent ("We use cookies…", "Accept all cookies"). */
const COOKIE_WORD = /\bcookies?\b|файл(ы|ов)? cookie|кукі|куки/iu;
const COOKIE_CONTEXT = /\bwe use\b|\b(this|our) (web)?site\b|\byou (agree|consent|accept)\b|\b(accept|reject|allow|manage)\b|\bcookie (settings|preferences|policy)\b|используем|сайт|выкарыстоўваем|використовуємо|соглашаетесь|пагаджаецеся|погоджуєтеся/iu;
/** The buttons of a cookie banner, dropped only next to one. */
const COOKIE_BUTTON = /^(ok|okay|got it|i agree|agree|accept|accept all|accept cookies|reject|reject all|decline|allow all|allow cookies|manage preferences|manage cookies|settings|cookie settings|customise|customize|принять|принять все|отклонить|настройки|прыняць|адхіліць|прийняти|відхилити|налаштування)$/iu;

/**
 * Why a line is page furniture, if it is. `header`: the line stands above the article's first paragraph, where a line
 * that is only a date or a time is the page's dateline; further down such a line may head a part of a chronology.
 */
export function junkReason(line: string, { header = true }: { header?: boolean } = {}): string | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > 400) return undefined;
  if (COOKIE_WORD.test(text) && COOKIE_CONTEXT.test(text)) return 'cookie notice';
  if (text.length > 220) return undefined;
  for (const [pattern, reason] of JUNK) if (pattern.test(text)) return reason;
  const words = tokens(text);
  if (words.length > 0 && words.length <= 8 && words.some((w) => SHARE_WORDS.has(w)) && words.every((w) => SHARE_WORDS.has(w) || SHARE_FILLER.has(w))) return 'sharing';
  for (const [pattern, reason] of SOCIAL) if (pattern.test(text)) return reason;
  const crumbs = text.split(CRUMB_SEPARATOR);
  // A breadcrumb trail: short labels, no digits, no "By …", no "Label: value".
  const crumb = (c: string) => c.length > 0 && c.length <= 30 && c.split(/\s+/).length <= 3 && !/[.!?:\d]/u.test(c) && !/^by\s/iu.test(c);
  if (crumbs.length >= 2 && crumbs.every(crumb) && (crumbs.length >= 3 || HOME.test(crumbs[0]!))) {
    if (text.length <= 100) return 'navigation';
  }
  if (header && (dateLine(text) || parseDateline(text))) return 'date line';
  if (header && /^\d{1,2}:\d{2}(\s*(am|pm|gmt|utc|cet|cest|msk|eet|eest))?$/iu.test(text)) return 'time stamp';
  const stamp = STAMP.exec(text);
  if (stamp && onlyTime(stamp[1]!)) return 'time stamp';
  return undefined;
}

/** A cookie banner's button ("Accept all", "Принять"): furniture only when a cookie notice stands within a few lines. */
export function isCookieButton(line: string): boolean {
  return COOKIE_BUTTON.test(line.trim());
}

/** A stamp: the keyword, then nothing but a date or a time ("Updated at 10:32", "Обновлено: 21 июня 2023, 09:15"). */
const STAMP = /^(?:updated|last updated|published|first published|posted|modified|обновлено|обновлён|опубликовано|обноўлена|абноўлена|апублікавана|оновлено|опубліковано)(?:\s+(?:at|on))?\s*:?\s+(.{1,60})$/iu;
const RELATIVE = /(?<![\p{L}])(today|yesterday|ago|minutes?|mins?|hours?|hrs?|days?|сегодня|вчера|назад|минут[аы]?|час[аов]*|сёння|учора|таму|хвілін[аы]?|гадзін[аы]?|сьогодні|вчора|тому|хвилин[аи]?|годин[аи]?)(?![\p{L}])/giu;

/** Whether a text says only when: a date, a time, a weekday, "2 hours ago". */
function onlyTime(text: string): boolean {
  if (!/\d/u.test(text)) return false;
  let rest = text;
  for (const date of findDates(text)) rest = rest.replace(date.raw, ' ');
  rest = rest.replace(WEEKDAY, ' ').replace(CLOCK, ' ').replace(RELATIVE, ' ').replace(/(?<![\p{L}])(at|on|о|в|у|a|gmt|utc|cet|cest|msk|eet|eest|мск)(?![\p{L}])/giu, ' ');
  return /^[\s\d,.:/|·•—–()+\-]*$/u.test(rest);
}

const WEEKDAY = /(?<![\p{L}])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|панядзелак|аўторак|серада|чацвер|пятніца|субота|нядзеля|понеділок|вівторок|середа|четвер|пʼятниця|п'ятниця|неділя)(?![\p{L}])/giu;
const CLOCK = /\b\d{1,2}:\d{2}(\s*(am|pm|gmt|utc|cet|cest|msk|eet|eest|мск))?\b/giu;

/** A line that is nothing but a date (and perhaps a weekday and a time): the page's dateline. Its ISO day, when it names one. */
export function dateLine(line: string): { iso?: string } | undefined {
  const text = line.trim();
  if (text.length > 60) return undefined;
  const dates = findDates(text);
  if (dates.length !== 1) return undefined;
  const date = dates[0]!;
  if (/[./]/.test(date.edtf.replace(/\d{4}-\d{2}-\d{2}/, ''))) return undefined; // an interval or open date is prose, not a stamp
  const rest = (text.slice(0, date.index) + ' ' + text.slice(date.index + date.raw.length)).replace(WEEKDAY, ' ').replace(CLOCK, ' ');
  if (!/^[\s,.|·•—–\-]*(?:(?:at|о|в|у|a)(?![\p{L}]))?[\s,.|·•—–\-]*$/iu.test(rest)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(date.edtf) ? { iso: date.edtf } : {};
}

/** Section labels a page prints above the title ("Analysis", "Opinion"): dropped only when they stand first, before the title. */
const KICKERS = new Set(
  'analysis opinion commentary comment news politics economy world europe interview feature explainer investigation column editorial аналитика мнение комментарий новости политика экономика мир интервью аналітыка меркаванне каментар навіны палітыка эканоміка свет інтэрв’ю інтэрв\'ю аналітика думка коментар новини політика економіка світ інтерв’ю інтерв\'ю'.split(' '),
);
export function isKicker(line: string): boolean {
  return KICKERS.has(line.trim().toLowerCase());
}
