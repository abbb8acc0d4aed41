import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root, so entry paths do not depend on the directory `cdk` is started from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const fromRoot = (...segments: string[]): string => join(repoRoot, ...segments);
