/**
 * Art. 44(1): when several applicants ask the same agency for the same government information and
 * it may be disclosed, the agency may bring it into proactive disclosure. Finding "the same
 * information" among thousands of applications must not read them all, so each application leaves
 * a few markers when it is received: the 文号 it names, and MinHash bands of its text (character
 * bigrams of the normalised title and description). Two applications whose texts are alike share a
 * band with high probability (Jaccard 0.6: ≈99 %); candidates found through a shared marker are then
 * compared exactly with the duplicate rule's `likeness`, so a chance collision never counts.
 *
 * Pure: hashing is FNV-1a over strings, so markers are the same on every machine and in every run.
 */
import { bigrams, likeness, normaliseDocumentNumber, normaliseRequestText, type NewApplication } from './duplicates';

/** 10 bands of 2 rows: a pair with Jaccard j shares a band with probability 1 − (1 − j²)¹⁰. */
const BANDS = 10;
const ROWS = 2;

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The lookup markers of one application: `doc:<文号>` when it names one, and `band:<n>:<hash>` for
 * each MinHash band of its text (none for a text too short to compare).
 */
export function sameInformationMarkers(application: Pick<NewApplication, 'text' | 'documentNumber'>): string[] {
  const markers: string[] = [];
  const docNo = application.documentNumber ? normaliseDocumentNumber(application.documentNumber) : '';
  if (docNo) markers.push(`doc:${docNo}`);
  const grams = [...bigrams(normaliseRequestText(application.text))];
  if (grams.length < 3) return markers;
  for (let band = 0; band < BANDS; band++) {
    const rows: string[] = [];
    for (let row = 0; row < ROWS; row++) {
      const seed = band * ROWS + row + 1;
      rows.push(Math.min(...grams.map((g) => fnv1a(g, seed))).toString(36));
    }
    markers.push(`band:${band}:${rows.join('.')}`);
  }
  return markers;
}

export interface OtherApplication extends NewApplication {
  readonly trackingNumber: string;
}

export interface SameInformationMatch {
  readonly trackingNumber: string;
  readonly similarity: number;
  readonly sameDocumentNumber: boolean;
}

export interface SameInformationFinding {
  /** Other applicants' applications for the same information, most similar first. */
  readonly matches: readonly SameInformationMatch[];
  /** Distinct applicants, this one included. */
  readonly applicants: number;
  /** Enough applicants that the agency should consider proactive disclosure (advisory). */
  readonly reached: boolean;
}

export interface SameInformationPolicy {
  /**
   * How many different applicants make "several" (多个申请人); 0 = no detection. Default 2: the
   * Regulation gives no number, and proposing early costs a clerk a look while disclosing serves
   * everyone who would otherwise have to apply.
   */
  readonly applicants: number;
  /** Only applications received within this many months of each other are compared. */
  readonly months: number;
}

export const DEFAULT_SAME_INFORMATION_POLICY: SameInformationPolicy = { applicants: 2, months: 12 };

/**
 * Other applicants' applications for the same information as `own`. The same applicant's repeated
 * applications are Art. 36(6)'s business (duplicates.ts) and never make "several applicants".
 */
export function findSameInformation(own: NewApplication, others: readonly OtherApplication[], policy: SameInformationPolicy = DEFAULT_SAME_INFORMATION_POLICY): SameInformationFinding {
  const matches: SameInformationMatch[] = [];
  const applicants = new Set([own.applicantHash]);
  for (const other of others) {
    if (other.applicantHash === own.applicantHash) continue;
    const { similarity, sameDocumentNumber, alike } = likeness(own, other);
    if (!alike) continue;
    matches.push({ trackingNumber: other.trackingNumber, similarity, sameDocumentNumber });
    applicants.add(other.applicantHash);
  }
  matches.sort((a, b) => b.similarity - a.similarity || a.trackingNumber.localeCompare(b.trackingNumber));
  return { matches, applicants: applicants.size, reached: policy.applicants > 0 && applicants.size >= policy.applicants };
}
