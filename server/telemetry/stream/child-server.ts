// A second app process (two-process fan-out test, bench:stream): the /api/v1 routes on node:http (no Next), on a free port
// that it prints as one JSON line. DATABASE_URL and AUTH_SECRET come from the parent.
import http from "node:http";
import { closeDb } from "../../../db/client";
import { createV1Routes } from "../../http/routes";

const v1 = createV1Routes();
const server = http.createServer((req, res) => {
  if (!v1.dispatch(req, res)) res.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
});
process.once("SIGTERM", () => {
  void (async () => {
    await v1.close();
    server.closeAllConnections();
    server.close();
    await closeDb();
    process.exit(0);
  })();
});
