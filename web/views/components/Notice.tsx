import type { Child } from 'hono/jsx';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  kind?: NoticeKind;
  title?: string;
  /** "alert" for errors that appear after an action, "status" for confirmations. Default: none (static text). */
  role?: 'alert' | 'status';
  children?: Child;
}

const KIND_LABEL: Record<NoticeKind, string> = { info: '提示', success: '成功', warning: '注意', error: '错误' };

/** A boxed message. The kind is stated in text (提示/成功/注意/错误), not only by colour. */
export function Notice({ kind = 'info', title, role, children }: NoticeProps) {
  return (
    <div class={`notice notice--${kind}`} role={role}>
      <p class="notice__kind">{KIND_LABEL[kind]}</p>
      <div class="notice__body">
        {title ? <p class="notice__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
