/**
 * Form rules shared by client, server and `@threadkit/testing`: which widget nodes are fields and
 * which open a form, how a form's controls are read (`collectFields`) and merged into an action's
 * payload (`mergeFormValues`, `formAction`), HTML constraint validation (`validateField`), and the
 * loading state an action shows (`resolveLoading`).
 */
export { collectFields, type FieldControl } from "./forms/collect.js";
export { controlType, formSubmission, opensForm, submitsOnEnter } from "./forms/controls.js";
export { isoDate } from "./forms/dates.js";
export {
  type FieldOption,
  FORM_FIELD_TYPES,
  type FormNodeLike,
  fieldDefaultValue,
  fieldName,
  fieldOptions,
  formFields,
  isFormField,
} from "./forms/fields.js";
export { type FormAction, formAction } from "./forms/form-action.js";
export { type ActionSite, type Loading, resolveLoading } from "./forms/loading.js";
export {
  FormFieldNameError,
  fieldPath,
  type MergedFormValues,
  mergeFormValues,
} from "./forms/merge.js";
export {
  compilePattern,
  type FieldError,
  type FieldRule,
  type FormFieldError,
  validateField,
  validateFormPayload,
} from "./forms/validate.js";
export { checkFieldValue, checkFormValues, type FieldValueError } from "./forms/values.js";
