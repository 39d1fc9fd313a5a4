/** Actions you can trust: the declared-action check, field errors. @module */
export { FIELD_ERRORS_EFFECT, FieldErrors, fieldErrorsEvent } from "./field-errors.js";
export { DEFAULT_RATE_LIMIT, RateLimitedError, type RateLimitOptions, TokenBuckets, } from "./rate-limit.js";
export { type ActionRefusal, verifyImperativeAction, verifyWidgetAction } from "./verify.js";
//# sourceMappingURL=index.d.ts.map