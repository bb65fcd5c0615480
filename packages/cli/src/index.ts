// `@roadshow/cli`: the program's entry, `main`, for running roadshow in process.
export { main } from "./main.js";
export type { Io } from "./context.js";
