import { z } from "zod";

/** Placeholder (being refined): any widget root (Card | ListView | Basic) with its props kept. */
export const WidgetRoot = z.looseObject({
  type: z.enum(["Card", "ListView", "Basic"]),
  key: z.string().nullish(),
  id: z.string().nullish(),
});
export type WidgetRoot = z.infer<typeof WidgetRoot>;

/** Placeholder (being refined): any widget component with its props kept. */
export const WidgetComponent = z.looseObject({
  type: z.string(),
  key: z.string().nullish(),
  id: z.string().nullish(),
});
export type WidgetComponent = z.infer<typeof WidgetComponent>;
