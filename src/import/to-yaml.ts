// Imported article data in, the text of a data file out: YAML with comments marking what a human should check.
import { Document, isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { ArticleInput } from '../model/article.js';
import type { PictureCaption } from './import.js';

const COMMENTS: Record<string, string> = {
  keyPoints: ' DRAFT key points: sentences of the text chosen for carrying it (shared words, section leads, numbers, names), not takeaways. Rewrite them (3–5, one line each, your words).',
  sections: ' Paragraphs are verbatim. Headings were found as short lines without final punctuation; add `bullets:` for slides.',
  events: ' Proposed from the dates in the text: check each date, its wording and its label.',
  actors: ' People named with a role beside them (spellings merged): check each role; add bodies and sides by hand.',
  places: ' Places: found in the text, coordinates from the gazetteer (GeoNames; regions by hand): check each, and its kind (capital, city, region, occupied-territory).',
  author: ' Found in the byline: check the name and the roles.',
  date: ' Publication date, read from the dateline or a stamp of the page: check it.',
  quotes: ' Quotations whose speaker the text names ("— Name" under them, “…,” said X, «…», — заявіла X): copies, the paragraphs keep them; check each speaker and context.',
  sources: ' The article itself (with the publisher its dateline names), then every link of the text: give each a real title and publisher.',
};

/**
 * The data file's text. `captions` (a plain text's pictures, which it does not carry) are written as commented-out
 * pictures at their place in their section, ready to be given a file and alt text.
 */
export function articleYaml(data: ArticleInput, sourceFile: string, captions: readonly PictureCaption[] = []): string {
  const document = new Document(data);
  for (const picture of captions) {
    const paragraphs = document.getIn(['sections', picture.section, 'paragraphs'], true);
    if (!isSeq(paragraphs)) continue;
    const comment = pictureComment(picture, sourceFile);
    const next = paragraphs.items[picture.before] as { commentBefore?: string | null } | undefined;
    if (next) next.commentBefore = next.commentBefore ? `${next.commentBefore}\n${comment}` : comment;
    else paragraphs.comment = paragraphs.comment ? `${paragraphs.comment}\n${comment}` : comment;
  }
  document.commentBefore = ` Imported by briefkit from ${sourceFile}.\n Check every guess marked below, then build with: npx briefkit build <this file>`;
  if (isMap(document.contents)) {
    for (const pair of document.contents.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const comment = COMMENTS[key];
      if (comment && isScalar(pair.key)) pair.key.commentBefore = comment;
    }
  }
  return document.toString({ lineWidth: 0 });
}

/** A commented-out picture block for a caption whose picture the text did not carry. */
function pictureComment(picture: PictureCaption, sourceFile: string): string {
  return [
    ` A picture stood here (line ${picture.line} of ${sourceFile}); a plain text does not carry it. To show it, save it beside`,
    ' this file and uncomment (PNG, JPEG or SVG; describe what it shows in alt):',
    ' - image: photos/picture.jpg',
    '   alt: DESCRIBE THE PICTURE',
    ...(picture.caption ? [`   caption: ${JSON.stringify(picture.caption)}`] : []),
    ...(picture.credit ? [`   credit: ${JSON.stringify(picture.credit)}`] : []),
  ].join('\n');
}
