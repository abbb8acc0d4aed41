export { ReviewQueuePage, type QueueRow, type ReviewQueuePageProps } from './ReviewQueuePage';
export { ReviewNewPage, type ReviewNewPageProps } from './ReviewNewPage';
export { ReviewPage, type ReviewPageProps, type FindingView, type ContentSection, type Segment, type StageRecordView, type ReviewActions } from './ReviewPage';
export { beijingTime, waitingText } from './format';
