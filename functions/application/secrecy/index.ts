export * from './reviews';
export { reviewObjects, BODY_FILE_NAME, type BundlePart, type SourceResidual } from './content';
export type { ReviewRecord, StoredReview } from '#repositories/reviews';
export { publishReviewedDocument, ReleaseUnavailableError } from './publish-document';
