import { CLARIFICATION_SOURCES, SOURCE_LABELS } from '#domain/clarifications';
import type { StepField } from '#domain/case';
import type { StepView } from '../../views/components/CaseSteps';
import { CLARIFICATIONS } from './view-model';

/** The form a clerk opens a case from monitoring with (createClarificationCase checks it). */
export const NEW_CASE: StepView = {
  id: 'new-case',
  title: '登记舆情监测发现的线索',
  action: CLARIFICATIONS.href,
  button: '登记',
  values: { source: 'monitoring' },
  fields: [
    { name: 'title', label: '标题', kind: 'text', required: true, hint: '需要澄清的信息的简要概括' },
    { name: 'source', label: '线索来源', kind: 'select', options: CLARIFICATION_SOURCES.filter((s) => s !== 'public-report').map((value) => ({ value, label: SOURCE_LABELS[value] })) },
    { name: 'url', label: '链接', kind: 'text' },
    { name: 'outlet', label: '来源名称', kind: 'text' },
    { name: 'description', label: '信息内容及不实之处', kind: 'textarea', required: true },
    { name: 'urgent', label: '紧急', kind: 'checkbox', options: [{ value: 'yes', label: '紧急（涉及突发事件或社会热点，缩短内部期限，超期上报分管领导）' }] },
  ] satisfies StepField[],
};
