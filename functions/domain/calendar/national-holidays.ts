/**
 * Shipped national holiday arrangements, 2019..2026, as finally in force.
 *
 * Source choice: a reviewed data module in the repo rather than an npm package. The yearly
 * notices are short, public-domain State Council texts; a package would add a supply-chain
 * dependency, lag the notices, and several popular ones parse `YYYY-MM-DD` as UTC midnight
 * and then look it up with local-time getters (off by one day west of UTC). Here each year is
 * transcribed from the notice and checked by test/unit/domain/calendar/national-holidays.test.ts
 * against an independently written table.
 *
 * Verification (2025-11 session, `search` tool over stored public pages; the official
 * www.gov.cn copies were not reachable, so each year was checked against at least two
 * independent re-publications of the full notice text, incl. government mirrors):
 * - 2019: 国办发明电〔2018〕15号 dated 2018-12-04 (czj.gnzrmzf.gov.cn, news.china.com.cn);
 *   Labour Day amended by 国办发明电〔2019〕3号 dated 2019-03-22 (首都之窗 mirror shows the
 *   document number; yongzhoudao.com, xt.gov.cn show the text). All dates matched.
 * - 2020: 国办发明电〔2019〕16号 dated 2019-11-21 (news.chengdu.cn/新华社, gansulong.com);
 *   Spring Festival extended to 2020-02-02 by 国办发明电〔2020〕1号 dated 2020-01-26
 *   (farmer.com.cn/新华社, gansulong.com). The extension turns the make-up Saturday 2020-02-01
 *   into a day off; work resumed Monday 2020-02-03. All dates matched.
 * - 2021: 国办发明电〔2020〕27号 dated 2020-11-25 (cncaprc.cn citing gov.cn, 0798ci.com). Matched.
 * - 2022: 国办发明电〔2021〕11号 dated 2021-10-25 (beijing.gov.cn with 发文字号, people.com.cn). Matched.
 * - 2023: 国办发明电〔2022〕16号 dated 2022-12-08 (zh.wikisource.org from 国务院公报 2023 No.1,
 *   mee.gov.cn re-post). Matched; New Year's Day starts 2022-12-31.
 * - 2024: 国办发明电〔2023〕7号 dated 2023-10-25 (zh.wikisource.org from 国务院公报 2023 No.31,
 *   人民日报 2023-10-26). Matched. 除夕 2024-02-09 is only "encouraged" off: a working day.
 * - 2025: 国办发明电〔2024〕12号 dated 2024-11-12 (gmw.cn/新华社, two more mirrors). Matched;
 *   first year under the amended 放假办法 (除夕 and 5月2日 added).
 * - 2026: notice dated 2025-11-04 (politics.gmw.cn/新华社, hrbtv.net, 中山日报); identical to
 *   domain.md §2.13. Document number not found in the stored pages, so left out.
 * - 2027: searched ("国务院办公厅关于2027年部分节假日安排的通知", "2027年放假安排"); no notice in
 *   the stored pages, so 2027 is uncovered and deadlines reaching it are provisional.
 */
import type { IsoDate } from './iso-date';
import type { HolidayRange, MakeupWorkday, NationalSchedule } from './schedule';

const h = (name: string, from: string, to: string = from): HolidayRange => ({
  name,
  from: from as IsoDate,
  to: to as IsoDate,
});
const m = (name: string, ...dates: string[]): MakeupWorkday[] => dates.map((date) => ({ date: date as IsoDate, name }));
const title = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

export const SHIPPED_NATIONAL_SCHEDULES: readonly NationalSchedule[] = [
  {
    scope: 'national',
    year: 2019,
    source: { title: title(2019), issuedOn: '2018-12-04' as IsoDate, documentNumber: '国办发明电〔2018〕15号' },
    amendments: [
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        issuedOn: '2019-03-22' as IsoDate,
        documentNumber: '国办发明电〔2019〕3号',
        summary: '劳动节由5月1日放假1天调整为5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班。',
      },
    ],
    holidays: [
      h('元旦', '2018-12-30', '2019-01-01'),
      h('春节', '2019-02-04', '2019-02-10'),
      // "4月5日放假，与周末连休": only the statutory day is a holiday; the weekend stays a weekend.
      h('清明节', '2019-04-05'),
      h('劳动节', '2019-05-01', '2019-05-04'),
      h('端午节', '2019-06-07'),
      h('中秋节', '2019-09-13'),
      h('国庆节', '2019-10-01', '2019-10-07'),
    ],
    makeupWorkdays: [...m('元旦', '2018-12-29'), ...m('春节', '2019-02-02', '2019-02-03'), ...m('劳动节', '2019-04-28', '2019-05-05'), ...m('国庆节', '2019-09-29', '2019-10-12')],
  },
  {
    scope: 'national',
    year: 2020,
    source: { title: title(2020), issuedOn: '2019-11-21' as IsoDate, documentNumber: '国办发明电〔2019〕16号' },
    amendments: [
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        issuedOn: '2020-01-26' as IsoDate,
        documentNumber: '国办发明电〔2020〕1号',
        summary: '春节假期延长至2月2日（星期日），2月3日起正常上班；原定2月1日（星期六）上班取消。',
      },
    ],
    holidays: [
      h('元旦', '2020-01-01'),
      h('春节', '2020-01-24', '2020-02-02'),
      h('清明节', '2020-04-04', '2020-04-06'),
      h('劳动节', '2020-05-01', '2020-05-05'),
      h('端午节', '2020-06-25', '2020-06-27'),
      h('国庆节、中秋节', '2020-10-01', '2020-10-08'),
    ],
    makeupWorkdays: [...m('春节', '2020-01-19'), ...m('劳动节', '2020-04-26', '2020-05-09'), ...m('端午节', '2020-06-28'), ...m('国庆节、中秋节', '2020-09-27', '2020-10-10')],
  },
  {
    scope: 'national',
    year: 2021,
    source: { title: title(2021), issuedOn: '2020-11-25' as IsoDate, documentNumber: '国办发明电〔2020〕27号' },
    holidays: [
      h('元旦', '2021-01-01', '2021-01-03'),
      h('春节', '2021-02-11', '2021-02-17'),
      h('清明节', '2021-04-03', '2021-04-05'),
      h('劳动节', '2021-05-01', '2021-05-05'),
      h('端午节', '2021-06-12', '2021-06-14'),
      h('中秋节', '2021-09-19', '2021-09-21'),
      h('国庆节', '2021-10-01', '2021-10-07'),
    ],
    makeupWorkdays: [...m('春节', '2021-02-07', '2021-02-20'), ...m('劳动节', '2021-04-25', '2021-05-08'), ...m('中秋节', '2021-09-18'), ...m('国庆节', '2021-09-26', '2021-10-09')],
  },
  {
    scope: 'national',
    year: 2022,
    source: { title: title(2022), issuedOn: '2021-10-25' as IsoDate, documentNumber: '国办发明电〔2021〕11号' },
    holidays: [
      h('元旦', '2022-01-01', '2022-01-03'),
      h('春节', '2022-01-31', '2022-02-06'),
      h('清明节', '2022-04-03', '2022-04-05'),
      h('劳动节', '2022-04-30', '2022-05-04'),
      h('端午节', '2022-06-03', '2022-06-05'),
      h('中秋节', '2022-09-10', '2022-09-12'),
      h('国庆节', '2022-10-01', '2022-10-07'),
    ],
    makeupWorkdays: [...m('春节', '2022-01-29', '2022-01-30'), ...m('清明节', '2022-04-02'), ...m('劳动节', '2022-04-24', '2022-05-07'), ...m('国庆节', '2022-10-08', '2022-10-09')],
  },
  {
    scope: 'national',
    year: 2023,
    source: { title: title(2023), issuedOn: '2022-12-08' as IsoDate, documentNumber: '国办发明电〔2022〕16号' },
    holidays: [
      h('元旦', '2022-12-31', '2023-01-02'),
      h('春节', '2023-01-21', '2023-01-27'),
      h('清明节', '2023-04-05'),
      h('劳动节', '2023-04-29', '2023-05-03'),
      h('端午节', '2023-06-22', '2023-06-24'),
      h('中秋节、国庆节', '2023-09-29', '2023-10-06'),
    ],
    makeupWorkdays: [...m('春节', '2023-01-28', '2023-01-29'), ...m('劳动节', '2023-04-23', '2023-05-06'), ...m('端午节', '2023-06-25'), ...m('中秋节、国庆节', '2023-10-07', '2023-10-08')],
  },
  {
    scope: 'national',
    year: 2024,
    source: { title: title(2024), issuedOn: '2023-10-25' as IsoDate, documentNumber: '国办发明电〔2023〕7号' },
    holidays: [
      h('元旦', '2024-01-01'),
      h('春节', '2024-02-10', '2024-02-17'),
      h('清明节', '2024-04-04', '2024-04-06'),
      h('劳动节', '2024-05-01', '2024-05-05'),
      h('端午节', '2024-06-10'),
      h('中秋节', '2024-09-15', '2024-09-17'),
      h('国庆节', '2024-10-01', '2024-10-07'),
    ],
    makeupWorkdays: [
      ...m('春节', '2024-02-04', '2024-02-18'),
      ...m('清明节', '2024-04-07'),
      ...m('劳动节', '2024-04-28', '2024-05-11'),
      ...m('中秋节', '2024-09-14'),
      ...m('国庆节', '2024-09-29', '2024-10-12'),
    ],
  },
  {
    scope: 'national',
    year: 2025,
    source: { title: title(2025), issuedOn: '2024-11-12' as IsoDate, documentNumber: '国办发明电〔2024〕12号' },
    holidays: [
      h('元旦', '2025-01-01'),
      h('春节', '2025-01-28', '2025-02-04'),
      h('清明节', '2025-04-04', '2025-04-06'),
      h('劳动节', '2025-05-01', '2025-05-05'),
      h('端午节', '2025-05-31', '2025-06-02'),
      h('国庆节、中秋节', '2025-10-01', '2025-10-08'),
    ],
    makeupWorkdays: [...m('春节', '2025-01-26', '2025-02-08'), ...m('劳动节', '2025-04-27'), ...m('国庆节、中秋节', '2025-09-28', '2025-10-11')],
  },
  {
    scope: 'national',
    year: 2026,
    source: { title: title(2026), issuedOn: '2025-11-04' as IsoDate },
    holidays: [
      h('元旦', '2026-01-01', '2026-01-03'),
      h('春节', '2026-02-15', '2026-02-23'),
      h('清明节', '2026-04-04', '2026-04-06'),
      h('劳动节', '2026-05-01', '2026-05-05'),
      h('端午节', '2026-06-19', '2026-06-21'),
      h('中秋节', '2026-09-25', '2026-09-27'),
      h('国庆节', '2026-10-01', '2026-10-07'),
    ],
    makeupWorkdays: [...m('元旦', '2026-01-04'), ...m('春节', '2026-02-14', '2026-02-28'), ...m('劳动节', '2026-05-09'), ...m('国庆节', '2026-09-20', '2026-10-10')],
  },
];
