import type { OutgoingMessage } from '#domain/notifications/message';
import { DataTable } from '#web/views/components/DataTable';
import { Notice } from '#web/views/components/Notice';
import { Pagination } from '#web/views/components/Pagination';
import { StaffPage } from '#web/views/layouts/StaffPage';

export interface OutboxPageProps {
  /** The messages, their times in Asia/Shanghai and their delivery in words. */
  messages: (OutgoingMessage & { status: string })[];
  nextHref?: string;
}

/** Local mode only: the e-mails the portal would have sent, readable by a developer. */
export function OutboxPage({ messages, nextHref }: OutboxPageProps) {
  return (
    <StaffPage title="本地邮件发件箱">
      <Notice kind="info">本地演示环境不发送真实邮件。系统应发给申请人的回执、补正告知、延期告知和答复通知都保存在这里，供开发和测试时查看。</Notice>
      <DataTable
        caption="已生成的邮件（最新在前）"
        rows={messages}
        empty={<p>暂无邮件。</p>}
        columns={[
          { header: '生成时间', cell: (m) => m.createdAt, class: 'data-table__nowrap' },
          { header: '收件人', cell: (m) => m.to },
          { header: '主题', cell: (m) => m.subject, rowHeader: true },
          { header: '关联事项', cell: (m) => m.reference },
          { header: '状态', cell: (m) => m.status },
          { header: '正文', cell: (m) => <pre class="outbox__text">{m.text}</pre> },
        ]}
      />
      <Pagination nextHref={nextHref} />
    </StaffPage>
  );
}
