/**
 * The content delivery network in front of the portal. After released copies leave the public
 * bucket (withdrawal, a replaced version), the CDN must stop serving its cached copies at once
 * instead of at the end of their max-age. CloudFront in AWS; local mode has no CDN.
 */
export interface CdnInvalidator {
  /** Paths as the public sees them (`/files/<release>/*`, `/items/<id>`); `*` only at the end. */
  invalidate(paths: readonly string[]): Promise<void>;
}

/** Local mode and tests without a CDN: nothing is cached in front of the app. */
export const noCdn: CdnInvalidator = { invalidate: async () => undefined };
