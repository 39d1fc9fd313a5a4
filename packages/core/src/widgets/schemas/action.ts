/** The action props of widgets use CORE-ACTIONS' `ActionConfig`, with null fields dropped. */
import { z } from "zod";
import { ActionConfig } from "../../actions/config.js";
import { dropNulls } from "./helpers.js";

/** `ActionConfig` as found in widget props: null fields (e.g. `payload: null`) count as unset. */
export const ActionProp = z.preprocess(
  dropNulls,
  ActionConfig,
) as unknown as z.ZodType<ActionConfig>;
/** An action prop; the same as `ActionConfig`. */
export type ActionProp = ActionConfig;
