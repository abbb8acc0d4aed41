import { Notice } from '../../components/Notice';
import { MetaTable } from '../../components/MetaTable';
import { PROVISIONAL_EXPLANATION } from '../../components/DeadlineChip';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';
import type { StaffInfo } from '../../types';

export interface ReceiptPageProps {
  staff?: StaffInfo;
  trackingNumber: string;
  /** Formatted `ABCDE-FGHJK`; shown on this page only. */
  accessCode: string;
  submittedAt: string;
  receivedOn?: string;
  receiptRule: string;
  answerDue?: string;
  provisional: boolean;
  emailSent: boolean;
  duplicates: number;
}

/** 申请回执: printable; the access code appears here once and is not stored in clear. */
export function ReceiptPage(p: ReceiptPageProps) {
  return (
    <Layout
      title="申请回执"
      section={p.staff ? 'staff' : 'apply'}
      breadcrumbs={
        p.staff
          ? [{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/requests', label: '依申请公开' }, { label: '申请回执' }]
          : [{ href: ROUTES.home, label: '首页' }, { href: ROUTES.apply, label: '依申请公开' }, { label: '申请回执' }]
      }
    >
      <h1 class="page-title">政府信息公开申请回执</h1>
      <Notice kind="success" role="status" title="申请已提交">
        <p>{p.staff ? '申请已登记。请将本回执（含查询码）交给申请人。' : '我们已收到您的申请。'}请打印或记下以下申请编号和查询码：查询码只在本页显示一次，工作人员也无法找回。</p>
      </Notice>
      <div class="receipt">
        <p class="receipt__line">
          申请编号：
          <strong class="receipt__code" id="tracking-number">
            {p.trackingNumber}
          </strong>
        </p>
        <p class="receipt__line">
          查询码：
          <strong class="receipt__code" id="access-code">
            {p.accessCode}
          </strong>
        </p>
      </div>
      <MetaTable
        layout="single"
        caption="申请信息"
        rows={[
          { label: '提交时间', value: p.submittedAt },
          { label: '收到申请之日', value: p.receivedOn ?? '待工作人员确认' },
          { label: '确定规则', value: p.receiptRule },
          {
            label: '答复期限',
            value: p.answerDue ? (
              <>
                {p.answerDue}
                {p.provisional ? (
                  <span class="deadline__provisional">
                    暂定<span class="visually-hidden">：{PROVISIONAL_EXPLANATION}</span>
                  </span>
                ) : null}
                <span class="data-table__sub">自收到申请之日起20个工作日内答复；需要补正、征求意见或依法延期的，期限相应调整。</span>
              </>
            ) : (
              '收到申请之日确定后计算'
            ),
          },
        ]}
      />
      {p.emailSent ? <p>回执已发送到您填写的电子邮箱（邮件中不含查询码）。</p> : null}
      {p.staff && p.duplicates > 0 ? (
        <Notice kind="warning" title="可能的重复申请">
          <p>该申请人有 {p.duplicates} 件内容相近的申请，请在办理时核查（仅提示，不自动处理）。</p>
        </Notice>
      ) : null}
      <p class="no-print button-group">
        <a class="button button--primary" href={`${ROUTES.track}?tn=${encodeURIComponent(p.trackingNumber)}`}>
          查询办理进度
        </a>
        {p.staff ? (
          <a class="button button--secondary" href={`/staff/requests/${p.trackingNumber}`}>
            打开案件
          </a>
        ) : null}
      </p>
    </Layout>
  );
}
