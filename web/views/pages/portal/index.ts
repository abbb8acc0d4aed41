export { ListingPage, type ListingPageProps, type ListingRow, type CategoryLink } from './ListingPage';
export { ItemPage, type ItemPageProps } from './ItemPage';
export { SearchPage, type SearchPageProps, type SearchHitView } from './SearchPage';
export { GuidePage, type GuidePageProps } from './GuidePage';
