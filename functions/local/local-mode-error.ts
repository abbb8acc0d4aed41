/**
 * An error whose message already tells a newcomer what happened and what to do (in English and
 * Chinese): `npm start` prints just the message, without a stack trace.
 */
export class LocalModeError extends Error {}
