import { Layout } from '../layouts/Layout';
import type { StaffInfo } from '../types';

export interface StaffCard {
  href: string;
  title: string;
  /** e.g. number of items waiting; omitted when not meaningful. */
  count?: number;
  /** Unit shown after the count, default 件. */
  countUnit?: string;
  description: string;
}

export interface StaffHomePageProps {
  staff: StaffInfo;
  cards: StaffCard[];
}

/** 工作台: entry cards for the staff member's tasks. */
export function StaffHomePage({ staff, cards }: StaffHomePageProps) {
  return (
    <Layout title="工作台" section="staff" navHref="/staff">
      <h1 class="page-title">工作台</h1>
      <p class="lead">
        {staff.displayName}，您好。以下是您当前可以办理的事项{staff.roleLabels.length > 0 ? `（${staff.roleLabels.join('、')}）` : ''}。
      </p>
      {cards.length > 0 ? (
        <ul class="task-cards">
          {cards.map((card) => (
            <li class="task-cards__item">
              <a class="task-card" href={card.href}>
                <span class="task-card__title">{card.title}</span>
                {card.count !== undefined ? (
                  <span class={`task-card__count${card.count > 0 ? ' task-card__count--pending' : ''}`}>
                    <span class="task-card__number">{card.count}</span>
                    <span class="task-card__unit">{card.countUnit ?? '件'}</span>
                  </span>
                ) : null}
                <span class="task-card__desc">{card.description}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <div class="empty-state">
          <p class="empty-state__title">暂无可办理的事项</p>
          <p>如需开通权限，请联系本单位系统管理员。</p>
        </div>
      )}
    </Layout>
  );
}
