// An article and the file it came from in; every picture it shows read and checked out (cached for the layout), or an
// error naming the field with its line and column: a missing picture stops the build before any work on the documents.
import { dirname, resolve } from 'node:path';
import { BriefkitError } from '../diagnostics.js';
import type { Article } from '../model/article.js';
import { loadImage } from './image.js';
import { fieldPosition } from './load.js';

export function checkArticlePictures(article: Article, file?: string): void {
  const base = file ? dirname(file) : process.cwd();
  for (const [sectionIndex, section] of article.sections.entries()) {
    for (const [blockIndex, block] of section.paragraphs.entries()) {
      if (typeof block === 'string' || !('image' in block)) continue;
      const path = ['sections', sectionIndex, 'paragraphs', blockIndex, 'image'];
      try {
        loadImage(resolve(base, block.image), `sections[${sectionIndex}].paragraphs[${blockIndex}].image`, file ?? '(article)');
      } catch (error) {
        if (!(error instanceof BriefkitError) || !file) throw error;
        const position = fieldPosition(file, path);
        throw position ? new BriefkitError(error.diagnostics.map((d) => ({ ...d, ...position }))) : error;
      }
    }
  }
}
