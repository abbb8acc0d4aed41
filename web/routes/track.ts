/** Moved to web/features/track/routes.tsx; kept for the requests API's import until it follows. */
export { TRACK_COOKIE } from '../features/track/routes';
