import type { Child } from 'hono/jsx';
import { StepOutcome } from '../components/StepOutcome';
import { Layout } from './Layout';
import { ROUTES } from './nav';

export interface StaffPageProps {
  title: string;
  /** The staff navigation item to mark as current. */
  navHref?: string;
  lead?: Child;
  /** Confirmation after a successful post (Post/Redirect/Get). */
  flash?: string;
  children?: Child;
}

/** A staff page: the layout with 工作台 › title, the heading, an optional lead and flash. */
export function StaffPage({ title, navHref, lead, flash, children }: StaffPageProps) {
  return (
    <Layout title={title} section="staff" navHref={navHref} breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { label: title }]}>
      <h1 class="page-title">{title}</h1>
      {lead ? <p class="lead">{lead}</p> : null}
      <StepOutcome flash={flash} />
      {children}
    </Layout>
  );
}
