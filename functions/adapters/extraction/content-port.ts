import type { ContentPort } from '#ports/content';
import { markdownToPlainText, renderMarkdown } from '../markdown';
import { sha256Hex } from './digest';
import { documentMetadata, extractText } from './extract';
import { inspectUpload } from './sniff';

/** The content port over this machine's parsers (the same in AWS, locally and in tests). */
export const nodeContent: ContentPort = {
  sha256: sha256Hex,
  inspect: inspectUpload,
  extractText,
  documentMetadata,
  markdownToText: markdownToPlainText,
  markdownToHtml: renderMarkdown,
};
