/** The page's calls to its server: JSON in and out; the session token travels in the cookie set by the first load. */
import type { ErrorAnswer, PostRoutes } from "../../src/studio/api.js";

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

/** POSTs a route's body, typed by the server's schema for that route (`query`: `?lang=it`). */
export async function post<R extends keyof PostRoutes>(route: R, body: PostRoutes[R]["body"], query = ""): Promise<PostRoutes[R]["answer"]> {
  return answer(await fetch(`${route}${query}`, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}
