/*
 * Hard limits on reading a document. Government documents are letters, notices and reports: a
 * few MB, at most a few hundred pages. A file beyond these is refused as "too complex" rather
 * than read, because reading it would let one upload hold the CPU and memory of the function.
 */

const MB = 1024 * 1024;

/** Bytes a ZIP (DOCX) may inflate to, all entries together: declared sizes and bytes actually inflated. */
export const MAX_INFLATED_BYTES = 100 * MB;
/** Entries in a ZIP (DOCX). A long report with many images has a few hundred. */
export const MAX_ZIP_ENTRIES = 5_000;
export const MAX_PDF_PAGES = 2_000;
/** Characters of extracted text (the scanner reads all of it). */
export const MAX_TEXT_CHARS = 5_000_000;
/** Wall time of one extraction in the worker; the worker is terminated when it is exceeded. */
export const MAX_EXTRACTION_MS = 20_000;
/** JS heap of an extraction worker (V8 old generation); running out ends the worker, not the function. */
export const MAX_WORKER_HEAP_MB = 512;
