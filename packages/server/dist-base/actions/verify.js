/**
 * The declared-action check: an action sent from a widget must be one that widget declares, with
 * its static payload unchanged, extra keys only for the fields of the declaring node's form, and
 * (for the actions the element validates before sending) values its fields accept.
 */
import { checkFormValues, declaredActions, fieldName, formFields, } from "@threadkit/core";
import { deepEqual } from "../util.js";
/** The static payload keys that win over a form field with `path` (mergeFormValues' rule). */
function overridden(base, name) {
    const path = name.split(".");
    for (let i = 1; i <= path.length; i++) {
        if (Object.hasOwn(base, path.slice(0, i).join(".")))
            return true;
    }
    return false;
}
function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Names of the form's enabled fields (the element does not send disabled ones). */
function fieldNames(form) {
    const names = new Set();
    if (!form)
        return names;
    for (const field of formFields(form)) {
        const name = fieldName(field);
        const p = field;
        const editable = isPlainObject(p.editable) ? p.editable : undefined;
        const disabled = field.type === "Text" ? editable?.disabled === true : p.disabled === true;
        if (name !== undefined && !disabled)
            names.add(name);
    }
    return names;
}
/**
 * The dotted paths of `rest` that are not field names (nor objects on the way to one), and of
 * field values the element could not have sent (anything but text or a boolean).
 */
function undeclaredKeys(rest, names, prefix = "") {
    const bad = [];
    for (const key of Object.keys(rest)) {
        const path = prefix + key;
        const value = rest[key];
        if (names.has(path)) {
            if (typeof value !== "string" && typeof value !== "boolean")
                bad.push(path);
            continue;
        }
        const branch = `${path}.`;
        let isBranch = false;
        for (const name of names) {
            if (name.startsWith(branch)) {
                isBranch = true;
                break;
            }
        }
        if (isBranch && isPlainObject(value))
            bad.push(...undeclaredKeys(value, names, branch));
        else
            bad.push(path);
    }
    return bad;
}
const quoted = (names) => names.map((name) => JSON.stringify(name)).join(", ");
/** Checks `payload` against one declaration; `null` when it matches. */
function checkDeclaration(declared, payload) {
    const type = JSON.stringify(declared.config.type);
    const staticPayload = declared.config.payload ?? null;
    const changed = {
        kind: "refused",
        message: `Action ${type}: the payload differs from the one the widget declared`,
    };
    if (staticPayload !== null && !isPlainObject(staticPayload)) {
        // A payload that is not an object takes no form values: it must come back as it was.
        return deepEqual(payload, staticPayload) ? null : changed;
    }
    const base = staticPayload ?? {};
    const sent = payload ?? {};
    if (!isPlainObject(sent))
        return changed;
    const rest = {};
    for (const key of Object.keys(sent)) {
        if (!Object.hasOwn(base, key))
            rest[key] = sent[key];
    }
    for (const key of Object.keys(base)) {
        if (!Object.hasOwn(sent, key) || !deepEqual(sent[key], base[key])) {
            return {
                kind: "refused",
                message: `Action ${type}: payload.${key} differs from the value the widget declared`,
            };
        }
    }
    const undeclared = undeclaredKeys(rest, fieldNames(declared.form));
    if (undeclared.length > 0) {
        return {
            kind: "refused",
            message: `Action ${type}: payload keys that are not fields of the widget's form: ${quoted(undeclared)}`,
        };
    }
    if (declared.validated && declared.form) {
        const errors = checkFormValues(declared.form, sent, (name) => overridden(base, name));
        if (Object.keys(errors).length > 0)
            return { kind: "fields", errors };
    }
    return null;
}
/** Field errors beat a message: they are the closest declaration, the one the user filled in. */
function rank(refusal) {
    if (refusal.kind === "fields")
        return 3;
    return refusal.message.includes("not fields") ? 2 : 1;
}
/**
 * Checks an action sent from the widget `root` (the stored sender's `widget`): the widget must
 * declare an action of that `type`, and the payload must match one such declaration (see the
 * module's rules). Returns `null` when accepted, else why not.
 *
 * @example
 * verifyWidgetAction(sender.widget, { type: "todo.delete", payload: { id: "t1" } }); // null
 */
export function verifyWidgetAction(root, action) {
    const candidates = isPlainObject(root)
        ? declaredActions(root).filter((d) => d.config.type === action.type)
        : [];
    if (candidates.length === 0) {
        return {
            kind: "refused",
            message: `Action ${JSON.stringify(action.type)} is not declared by the widget it was sent from`,
        };
    }
    let best;
    for (const candidate of candidates) {
        const refusal = checkDeclaration(candidate, action.payload);
        if (refusal === null)
            return null;
        if (!best || rank(refusal) > rank(best))
            best = refusal;
    }
    return best ?? null;
}
/**
 * Checks an action sent without a widget (`sendAction()`): its type must be defined with
 * `imperative: true` in `definitions`. Its payload is the app's to parse (`actionSet.parse` in
 * `action()`), so that the app words what the user sees about a bad one.
 *
 * @example
 * verifyImperativeAction(AppActions.definitions, { type: "refresh", payload: null }); // null
 */
export function verifyImperativeAction(definitions, action) {
    if (definitions?.some((d) => d.type === action.type && d.imperative))
        return null;
    return {
        kind: "refused",
        message: `Action ${JSON.stringify(action.type)} was sent without a widget, and the server does not declare it imperative`,
    };
}
//# sourceMappingURL=verify.js.map