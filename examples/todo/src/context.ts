/** What every request of the todo app carries: the user it acts for (from the `tk_user` cookie). */
export interface RequestContext {
  userId: string;
  /** The reader's locale (from `Accept-Language`), for dates in widgets; default "en". */
  locale?: string;
}
