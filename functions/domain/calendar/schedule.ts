/**
 * Holiday schedules: the national yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知)
 * and local adjustments decreed by a province or city. Both are plain data so the shipped
 * defaults and administrator-entered overrides (stored by the application layer) share one type.
 */
import type { IsoDate } from './iso-date';

/** The seven national festivals; combined entries use "国庆节、中秋节" as in the notices. */
export const NATIONAL_FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type NationalFestival = (typeof NATIONAL_FESTIVALS)[number];

export interface NoticeSource {
  /** Title of the instrument, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  readonly title: string;
  /** Date the instrument was signed/issued (成文日期). */
  readonly issuedOn?: IsoDate;
  /** e.g. 国办发明电〔2024〕12号; omitted when not confirmed. */
  readonly documentNumber?: string;
}

export interface NoticeAmendment extends NoticeSource {
  /** What the amendment changed, in Chinese, for the year view. */
  readonly summary: string;
}

/** Days off, both ends inclusive, e.g. 春节 2026-02-15..2026-02-23. */
export interface HolidayRange {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A weekend day made a working day (调休上班); name = the holiday it is swapped for. */
export interface MakeupWorkday {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * One year's national arrangement as finally in force (amendments already applied to the
 * ranges; they are listed for the record). Holiday ranges may begin in late December of the
 * previous year: the notice for year Y fixes New Year's Day, e.g. 2018-12-29..31 for 2019.
 */
export interface NationalSchedule {
  readonly scope: 'national';
  readonly year: number;
  readonly source: NoticeSource;
  readonly amendments?: readonly NoticeAmendment[];
  readonly holidays: readonly HolidayRange[];
  readonly makeupWorkdays: readonly MakeupWorkday[];
}

/**
 * A local adjustment (e.g. 广西“三月三”, 新疆/宁夏 古尔邦节) for one deployment's region. It adds
 * holidays and/or make-up working days inside its year; it does not make a year "covered".
 */
export interface LocalAdjustment {
  readonly scope: 'local';
  /** Stable id chosen by the application layer (used in audit and in merge warnings). */
  readonly id: string;
  readonly year: number;
  /** e.g. 广西壮族自治区 */
  readonly region: string;
  readonly source: NoticeSource;
  readonly holidays: readonly HolidayRange[];
  readonly makeupWorkdays: readonly MakeupWorkday[];
}

/** What an administrator may store: next year's national schedule (or a correction) or a local adjustment. */
export type ScheduleOverride = NationalSchedule | LocalAdjustment;
