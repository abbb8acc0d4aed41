/**
 * The answer to a correction request (更正申请答复告知书): default wording per outcome, always with
 * the remedy paragraph (复议法第二十条第二款: a missing remedy notice extends the applicant's time
 * limits). The remedy wording is the one of the application answers (requests/letters.ts).
 */
import { formatDateZh, type IsoDate } from '../calendar/iso-date';
import { letterNumber, remediesText, type AgencyProfile } from '../requests/letters';
import { documentText, type OfficialDocument } from '../requests/official-document';
import type { CorrectionCase } from './workflow';

/** The answer as the agency signs it (the shape of every signed document), numbered in its own series (示例政信更〔2026〕3号). */
export type CorrectionLetter = OfficialDocument;

/** The mark after the letter prefix that gives correction answers their own number series. */
export const CORRECTION_SERIES_MARK = '更';

export interface CorrectionLetterInput {
  readonly agency: AgencyProfile;
  readonly applicantName: string;
  readonly trackingNumber: string;
  readonly receivedOn: IsoDate;
  /** One line: the record concerned, as the applicant described it. */
  readonly recordConcerned: string;
  readonly case: Pick<CorrectionCase, 'outcome' | 'corrected' | 'plannedCorrection' | 'referredTo' | 'reasons'>;
  readonly date: IsoDate;
  /** Sequence number within the series for the year of the letter date. */
  readonly sequence: number;
}

const ART41 = '《中华人民共和国政府信息公开条例》第四十一条';

export function correctionLetter(input: CorrectionLetterInput): CorrectionLetter {
  const { agency, case: c } = input;
  const paragraphs: string[] = [
    `本机关于${formatDateZh(input.receivedOn)}收到您提出的更正申请（编号：${input.trackingNumber}），您认为本机关提供的与您自身相关的政府信息记录（${input.recordConcerned}）不准确，并提供了相关证据。`,
  ];
  switch (c.outcome) {
    case 'corrected':
      paragraphs.push(
        `经审核，您提供的证据能够证明该记录不准确。根据${ART41}的规定，本机关已在职权范围内予以更正：${c.corrected?.summary ?? c.plannedCorrection ?? ''}。更正前的版本作为修订记录保留，并已标注“已更正”。`,
      );
      break;
    case 'referred':
      paragraphs.push(`经审核，该记录的更正不属于本机关的职能范围。根据${ART41}的规定，本机关已将您的更正申请转送有权更正的行政机关（${c.referredTo ?? ''}）处理，并告知您：${c.reasons ?? ''}。`);
      break;
    case 'directed':
      paragraphs.push(`经审核，该记录的更正不属于本机关的职能范围：${c.reasons ?? ''}。根据${ART41}的规定，请您向有权更正的行政机关（${c.referredTo ?? ''}）提出更正申请。`);
      break;
    case 'refused':
      paragraphs.push(`经审核，根据${ART41}的规定，本机关决定不予更正，理由如下：${c.reasons ?? ''}。`);
      break;
    default:
      paragraphs.push('本机关正在审核您的申请。');
  }
  paragraphs.push(remediesText('either', agency));
  paragraphs.push(`联系地址：${agency.address}；联系电话：${agency.phone}。`);
  return {
    title: '更正申请答复告知书',
    number: letterNumber(`${agency.letterPrefix}${CORRECTION_SERIES_MARK}`, input.date, input.sequence),
    addressee: `${input.applicantName}：`,
    paragraphs,
    legalBasis: [ART41],
    signature: agency.name,
    date: formatDateZh(input.date),
  };
}

/** The plain text of the letter: what goes to secrecy review and, once approved, to the applicant. */
export function correctionLetterText(letter: CorrectionLetter): string {
  return documentText(letter);
}
