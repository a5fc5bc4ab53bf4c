// Imported article data in, the text of a data file out: YAML with comments marking what a human should check.
import { Document, isMap, isScalar, type Pair } from 'yaml';
import type { ArticleInput } from '../model/article.js';

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

export function articleYaml(data: ArticleInput, sourceFile: string): string {
  const document = new Document(data);
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
