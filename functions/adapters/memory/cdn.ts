import type { CdnInvalidator } from '#ports/cdn';

/** A CDN for unit tests that remembers what it was asked to invalidate. */
export class RecordingCdn implements CdnInvalidator {
  readonly invalidations: string[][] = [];

  async invalidate(paths: readonly string[]): Promise<void> {
    this.invalidations.push([...paths]);
  }

  get paths(): string[] {
    return this.invalidations.flat();
  }
}
