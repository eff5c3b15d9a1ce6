/**
 * The content schema: a policy version's frontmatter (policy.ts), the cookie
 * declaration (declaration.ts), the processing register (register.ts), the
 * record of published versions (record.ts) and the messages they all give
 * (messages.ts).
 */
export {
  cookiePolicySchema,
  DATE_PATTERN,
  policyBaseSchema,
  policyOnlyFields,
  policySchemas,
  policyVersionSchema,
  privacyPolicySchema,
  SUMMARY_PLACEHOLDER,
  type CookiePolicyVersion,
  type PolicyVersionData,
  type PrivacyPolicyVersion,
} from './policy.ts';
export { cookieCategorySchema, declaredCookieSchema } from './declaration.ts';
export { dpoSchema, processingEntrySchema, processingRegisterSchema } from './register.ts';
export { correctionSchema, recordEntrySchema, recordSchema } from './record.ts';
export {
  message,
  oneOf,
  POLICY_NAMES,
  recordMessage,
  required,
  requiredText,
  textList,
  trueOrFalse,
} from './messages.ts';
