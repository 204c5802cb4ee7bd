// Entry of the bench's client thread: a worker cannot take tsx from the command line, so it
// registers tsx itself, then loads the TypeScript client.
import { register } from "tsx/esm/api";

register();
await import("./client-worker.ts");
