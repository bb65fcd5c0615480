/** The page's calls to its server: JSON in and out; the session token travels in the cookie set by the first load. */
import type { ErrorAnswer } from "../../src/studio/api.js";

/** An error answered by the server, with the located input issues when there are any. */
export class ApiError extends Error {
  constructor(readonly answer: ErrorAnswer) {
    super(answer.error);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T | ErrorAnswer;
  if (!res.ok) throw new ApiError(body as ErrorAnswer);
  return body as T;
}

export async function get<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url, { credentials: "same-origin" }));
}

export async function post<T>(url: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}
