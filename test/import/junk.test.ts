// A line of a scraped page in, whether it is page furniture and why — and, as much, the prose it must leave alone.
import { describe, expect, it } from 'vitest';
import { dateLine, isCookieButton, isKicker, junkReason } from '../../src/import/junk.js';
import { parseByline } from '../../src/import/byline.js';

const reasons = (lines: string[]) => Object.fromEntries(lines.map((line) => [line, junkReason(line) ?? null]));

describe('junkReason drops page furniture', () => {
  it('anchors, navigation, menus and breadcrumbs', () => {
    expect(reasons(['top of page', 'Bottom of page', 'Back to top', 'Skip to content', 'Menu', 'Search', 'Главная', 'Home › Analysis › Eastern Europe', 'World | Europe | Belarus', 'Галоўная / Палітыка', 'Головна » Світ'])).toEqual({
      'top of page': 'page anchor',
      'Bottom of page': 'page anchor',
      'Back to top': 'page anchor',
      'Skip to content': 'navigation',
      Menu: 'navigation',
      Search: 'navigation',
      Главная: 'navigation',
      'Home › Analysis › Eastern Europe': 'navigation',
      'World | Europe | Belarus': 'navigation',
      'Галоўная / Палітыка': 'navigation',
      'Головна » Світ': 'navigation',
    });
  });

  it('sharing bars in any arrangement', () => {
    for (const line of ['Share', 'Tweet', 'Email', 'Share this article', 'Share on Facebook | Share on X', 'Facebook Twitter LinkedIn', 'Telegram · VK · Viber', 'Поделиться', 'Падзяліцца', 'Поширити', 'Поделиться в Telegram', 'Share:', 'Print article']) {
      expect(junkReason(line), line).toBe('sharing');
    }
  });

  it('stamps, datelines and reading times', () => {
    expect(reasons(['Updated at 10:32', 'Updated on 28 February 2024', 'Published: 12 May 2023', 'Обновлено: 21 июня 2023, 09:15', 'Updated 2 hours ago', 'Last updated: 18.04.2023, 10:32 GMT', 'Оновлено 3 липня 2023 р. о 18:40', '10:32', '5 min read', '18 April 2023', 'Tuesday, 18 April 2023, 10:32', '18 красавіка 2023 г., 14:05', 'March 18, 2024'])).toEqual({
      'Updated at 10:32': 'time stamp',
      'Updated on 28 February 2024': 'time stamp',
      'Published: 12 May 2023': 'time stamp',
      'Обновлено: 21 июня 2023, 09:15': 'time stamp',
      'Updated 2 hours ago': 'time stamp',
      'Last updated: 18.04.2023, 10:32 GMT': 'time stamp',
      'Оновлено 3 липня 2023 р. о 18:40': 'time stamp',
      '10:32': 'time stamp',
      '5 min read': 'reading time',
      '18 April 2023': 'date line',
      'Tuesday, 18 April 2023, 10:32': 'date line',
      '18 красавіка 2023 г., 14:05': 'date line',
      'March 18, 2024': 'date line',
    });
    expect(dateLine('Tuesday, 18 April 2023, 10:32')).toEqual({ iso: '2023-04-18' });
    expect(dateLine('May 2023')).toEqual({});
  });

  it('cookie banners, links to other articles, tags, captions, ads, copyright, newsletter footers', () => {
    expect(reasons([
      'We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.',
      'Мы используем файлы cookie, чтобы сайт работал лучше.',
      'Cookie settings',
      'Read more',
      'Read more: How Minsk builds quiet ties',
      'Чытайце таксама: Чаму Мінск маўчыць пра Крым',
      'Tags: Belarus, Crimea',
      'Теги: Білорусь, Крим',
      'Photo: Tractors at the assembly line',
      'Фото: БелТА',
      'Advertisement',
      'Реклама',
      '© 2023 Навіны Беларусі. Усе правы абаронены.',
      'You received this email because you subscribed to Belarus watch.',
      'Unsubscribe',
      '12 comments',
    ])).toEqual({
      'We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.': 'cookie notice',
      'Мы используем файлы cookie, чтобы сайт работал лучше.': 'cookie notice',
      'Cookie settings': 'cookie notice',
      'Read more': 'page furniture',
      'Read more: How Minsk builds quiet ties': 'link to another article',
      'Чытайце таксама: Чаму Мінск маўчыць пра Крым': 'link to another article',
      'Tags: Belarus, Crimea': 'tags',
      'Теги: Білорусь, Крим': 'tags',
      'Photo: Tractors at the assembly line': 'photo caption',
      'Фото: БелТА': 'photo caption',
      Advertisement: 'page furniture',
      Реклама: 'page furniture',
      '© 2023 Навіны Беларусі. Усе правы абаронены.': 'copyright line',
      'You received this email because you subscribed to Belarus watch.': 'newsletter footer',
      Unsubscribe: 'account prompt',
      '12 comments': 'comments',
    });
  });
});

describe('junkReason drops other sites\' furniture (issue 11)', () => {
  it('navigation words in four languages', () => {
    for (const line of ['Back', 'Go back', 'Next article', 'Назад', 'Вярнуцца', 'Повернутися', 'Далее']) expect(junkReason(line), line).toBe('navigation');
  });

  it('a gallery\'s counters', () => {
    for (const line of ['1/12', '3 / 12', 'Photo 3 of 8', 'Photo 2/9', 'Фото 3 из 8', 'Фота 3 з 12', 'Slide 4 of 10']) expect(junkReason(line), line).toBe('gallery counter');
  });

  it('social and donation links', () => {
    for (const line of ['Support us on Patreon', 'Pozirk on patreon', 'Падтрымайце нас на Patreon', 'Підтримайте нас на Patreon', 'Мы ў Telegram', 'Наш канал на YouTube']) expect(junkReason(line), line).toBe('social link');
    expect(junkReason('Подписывайтесь на наш Telegram')).toBe('social link');
    for (const line of ['Donate', 'Support independent journalism', 'Падтрымаць', 'Поддержать', 'Підтримати']) expect(junkReason(line), line).toBe('social link');
  });

  it('credits and captions', () => {
    expect(reasons(['Credits to Siarhei Lis', 'Photo by Jane Doe', 'Credit: Reuters', 'Фота Алеся Мароза', 'Ілюстрація: карта поставок'])).toEqual({
      'Credits to Siarhei Lis': 'photo credit',
      'Photo by Jane Doe': 'photo credit',
      'Credit: Reuters': 'photo caption',
      'Фота Алеся Мароза': 'photo credit',
      'Ілюстрація: карта поставок': 'photo caption',
    });
  });

  it('a dateline with its publisher, in the header only', () => {
    for (const line of ['December 27, Pozirk.', '27 снежня 2023, Pozirk.', 'Понедельник, 18 декабря 2023, 14:05 — , Полесский вестник']) {
      expect(junkReason(line), line).toBe('date line');
      expect(junkReason(line, { header: false }), line).toBeUndefined();
    }
  });

  it('but not prose that names a network, a counter or a photographer', () => {
    for (const line of [
      'He wrote on X.',
      'The ministry said on Telegram that the visit violated the sovereignty of Ukraine.',
      'Support for the regime on Telegram has fallen, the survey shows.',
      'Photo by photo, the exhibition tells the story of the plant.',
      'Back in 2022, the trade ran through Russian companies.',
      '3 of 8 plants were sanctioned.',
      'Donate blood, the ministry urged, as the hospitals in Minsk ran short of it.',
      'Donate to the fund.',
    ]) expect(junkReason(line), line).toBeUndefined();
  });
});

describe('junkReason keeps prose (when unsure, keep)', () => {
  it('sentences that merely mention cookies, sharing, menus, updates or dates', () => {
    for (const line of [
      'The EU cookie law requires consent for tracking.',
      'Belarus and Russia share a long border.',
      'The menu of sanctions keeps growing.',
      'Share prices of state firms fell by 12 %.',
      'Published by the ministry on Tuesday',
      'Updated figures are expected soon.',
      'Updated at 14:00: the ministry confirmed the meeting',
      'Posted on Telegram by the ministry',
      'On 18 April 2023, Lukashenko met Pushilin.',
      'Before 24 February 2022',
      'Read more about the sanctions in our previous report.',
      'Minsk - Moscow - Beijing',
      'Belarus / Ukraine relations',
      'By Jane Doe | 18 April 2023 | 5 min read',
      'Text: Jan Bielski | Photos: Olga Sidorova',
      'Reporting by Anna Kowalska; Editing by Mark Potter',
      'The editorial board',
      'Analysis',
      'OK',
      'Accept all',
      'X'.repeat(500),
    ]) {
      expect(junkReason(line), line).toBeUndefined();
    }
  });

  it('a cookie banner\'s buttons are junk only next to a banner (the importer checks that), and kickers only above the title', () => {
    expect(isCookieButton('Accept all')).toBe(true);
    expect(isCookieButton('Принять')).toBe(true);
    expect(isCookieButton('Accept the offer')).toBe(false);
    expect(isKicker('Analysis')).toBe(true);
    expect(isKicker('Аналітыка')).toBe(true);
    expect(isKicker('Background')).toBe(false);
  });
});

describe('parseByline', () => {
  it('reads the name and the roles', () => {
    expect(parseByline('Pavel Latushka, deputy Head of the United Transitional Cabinet of Belarus, Head of the National Anti-Crisis Management, ambassador')).toEqual({
      name: 'Pavel Latushka',
      roles: ['deputy Head of the United Transitional Cabinet of Belarus', 'Head of the National Anti-Crisis Management', 'ambassador'],
      skipped: [],
    });
    expect(parseByline('By Siarhei Lis — correspondent in Brest')).toEqual({ name: 'Siarhei Lis', roles: ['correspondent in Brest'], skipped: [] });
    expect(parseByline('By Jean-Luc O\'Brien and Mary van der Berg')?.name).toBe('Jean-Luc O\'Brien and Mary van der Berg');
    expect(parseByline('Олена Коваль')).toEqual({ name: 'Олена Коваль', roles: [], skipped: [] });
    expect(parseByline('Text: Jan Bielski | Photos: Olga Sidorova')).toEqual({ name: 'Jan Bielski', roles: ['Photos: Olga Sidorova'], skipped: [] });
  });

  it('takes no sentence, no lower-case line, no single word, no title-case subtitle', () => {
    for (const line of ['Maria Kalesnikava was sentenced.', 'the editorial board', 'Minsk', 'Belarus Opens New Consulate', 'WORLD NEWS TODAY', 'Who is trading with Crimea?']) {
      expect(parseByline(line), line).toBeUndefined();
    }
  });
});
