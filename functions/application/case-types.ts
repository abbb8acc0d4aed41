/**
 * Every kind of case the platform keeps, in one explicit list the composition root passes to
 * `AppDependencies.caseTypes`. A new case type is one line here (docs/architecture.md).
 */
import { CaseTypeRegistry } from './case/registry';
import { itemCaseType } from './catalogue/items';
import { clarificationCaseType } from './clarifications/cases';
import { correctionCaseType } from './corrections/cases';
import { requestCaseType } from './requests';

export function platformCaseTypes(): CaseTypeRegistry {
  return new CaseTypeRegistry([requestCaseType, itemCaseType, clarificationCaseType, correctionCaseType]);
}
