/**
 * Form rules shared by client and server: which widget nodes are fields, how their values merge into
 * an action's payload (`mergeFormValues`), and HTML constraint validation (`validateField`).
 */
export {
  FORM_FIELD_TYPES,
  type FormNodeLike,
  fieldDefaultValue,
  fieldName,
  formFields,
  isFormField,
} from "./forms/fields.js";
export {
  FormFieldNameError,
  fieldPath,
  type MergedFormValues,
  mergeFormValues,
} from "./forms/merge.js";
export {
  compilePattern,
  type FieldError,
  type FormFieldError,
  validateField,
  validateFormPayload,
} from "./forms/validate.js";
export { checkFieldValue, checkFormValues, type FieldValueError } from "./forms/values.js";
