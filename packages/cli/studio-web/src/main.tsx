/** Starts the page: drops the token from the address bar (the cookie now carries it), asks who we are, draws the app. */
import { render } from "preact";
import type { SessionInfo } from "../../src/studio/api.js";
import { get } from "./api.js";
import { App } from "./app.js";
import "./style.css";

if (new URL(location.href).searchParams.has("token")) history.replaceState(null, "", "/");
const root = document.getElementById("app")!;
get<SessionInfo>("/api/session")
  .then((session) => render(<App session={session} />, root))
  .catch((e: unknown) => {
    root.textContent = e instanceof Error ? e.message : String(e);
  });
