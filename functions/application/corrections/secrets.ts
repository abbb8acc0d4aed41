import { caseSecrets } from '../case-secrets';

/** Correction requests' keys: the same scheme as applications', under their own HKDF salt. */
export const { encryptIdentity, hashAccessCode, accessCodeMatches, submissionFingerprint } = caseSecrets('corrections');
