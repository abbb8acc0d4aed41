import { Notice } from './Notice';

/**
 * The part every receipt shares (applications, correction requests): that it was received, and the
 * tracking number and access code, which this page alone shows.
 */
export function ReceiptCodes(p: { received: string; trackingNumber: string; accessCode: string }) {
  return (
    <>
      <Notice kind="success" role="status" title="申请已提交">
        <p>{p.received}请打印或记下以下申请编号和查询码：查询码只在本页显示一次，工作人员也无法找回。</p>
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
    </>
  );
}
