import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The cookie that names the browser's user. */
export const USER_COOKIE = "tk_user";
/** The user of requests without a (valid) cookie, e.g. `curl`. */
export const DEMO_USER = "demo";

const VALID = /^u_[0-9a-f]{24}$/;

/** The user id of `req` from its `tk_user` cookie, or `null` when it has none (or a bad one). */
export function cookieUser(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === USER_COOKIE) {
      const value = rest.join("=");
      return VALID.test(value) ? value : null;
    }
  }
  return null;
}

/** The user of a request: its cookie's, else the shared demo user. */
export function requestUser(req: IncomingMessage): string {
  return cookieUser(req) ?? DEMO_USER;
}

/**
 * Makes sure the browser has a user: when the page is requested without a valid cookie, a new
 * random user id is set (HttpOnly, SameSite=Lax, one year). Returns the user id.
 */
export function ensureUser(req: IncomingMessage, res: ServerResponse): string {
  const existing = cookieUser(req);
  if (existing) return existing;
  const id = `u_${randomBytes(12).toString("hex")}`;
  res.setHeader(
    "Set-Cookie",
    `${USER_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`,
  );
  return id;
}
