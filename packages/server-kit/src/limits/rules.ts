import type { LimitSettings } from '@federess/config';
import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit';
import { depthLimitRule } from './depth-limit';
import { directiveLimitRule } from './directive-limit';
import { storableStringsRule } from '../storable-strings';
import { rootFieldLimitRule } from './root-field-limit';

/**
 * The limits that depend only on the document, as validation rules run with graphql-js's own; and
 * the refusal of literal strings Postgres cannot store, which depends only on the document too.
 */
export function limitValidationRules(limits: LimitSettings): ValidationRule[] {
  return [
    directiveLimitRule(limits.maxDirectives),
    rootFieldLimitRule(limits.maxRootFields),
    depthLimitRule(limits.maxDepth),
    aliasLimitRule(limits.maxAliases),
    storableStringsRule,
  ];
}
