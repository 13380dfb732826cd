import { fileURLToPath } from "node:url";
import { CLASS_ROOM } from "@bangun-desa/shared";
import { defineRoom, defineServer, matchMaker, ServerError } from "@colyseus/core";
import { MAX_PAYLOAD_BYTES } from "./config.ts";
import { installApi } from "./http/api.ts";
import { installBenchStats } from "./http/benchStats.ts";
import { installStatic } from "./http/static.ts";
import { RESTORE_OPTION, restoreRooms } from "./restore.ts";
import { ClassRoom } from "./rooms/ClassRoom.ts";
import { VILLAGE_ROOM, VillageRoom } from "./rooms/VillageRoom.ts";
import { scaleOutOptions } from "./scaleOut.ts";
import { SpreadPingTransport } from "./transport.ts";

/** The built client (Vite output) served on the same port as the game. */
export const CLIENT_DIST = fileURLToPath(new URL("../../client/dist", import.meta.url));

/**
 * What a browser may ask the matchmaker for: to create a practice village, and to join a room by
 * its id or reconnect to it (ids are long and random; short codes go through the rate-limited
 * `/api/kode/:code`). Classes are created only through `POST /api/kelas` (which checks the teacher
 * password), class villages only by their class, and nobody is matched into a random room.
 */
const BY_ID = new Set(["joinById", "reconnect"]);
const invokeMethod = matchMaker.controller.invokeMethod.bind(matchMaker.controller);
matchMaker.controller.invokeMethod = async (method, roomNameOrId, clientOptions = {}, authOptions) => {
  // Options only the server passes: a class village's class, a restored room's snapshot.
  const fromClass =
    typeof clientOptions === "object" &&
    clientOptions !== null &&
    ("classInfo" in clientOptions || RESTORE_OPTION in clientOptions);
  const practice = method === "create" && roomNameOrId === VILLAGE_ROOM && !fromClass;
  if (!BY_ID.has(method) && !practice) {
    throw new ServerError(403, `method "${method}" is not open for "${roomNameOrId}"`);
  }
  return invokeMethod(method, roomNameOrId, clientOptions, authOptions);
};

/**
 * Sent with every HTTP answer: only the project's own scripts run (no inline or foreign script, so
 * a nickname that slipped into markup could not run), the pages cannot be framed, and nothing is
 * sniffed or leaked in a referrer. Styles may be inline (the game sets element styles).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The whole server: rooms, and the HTTP routes on the same port. */
export const server = defineServer({
  // ws-transport's heartbeat (a ping every 3 s, cut off after 2 unanswered), spread over the 3 s.
  transport: new SpreadPingTransport({ maxPayload: MAX_PAYLOAD_BYTES }),
  rooms: {
    [VILLAGE_ROOM]: defineRoom(VillageRoom),
    [CLASS_ROOM]: defineRoom(ClassRoom),
  },
  greet: false,
  // Crash recovery: rooms with a snapshot come back before the port opens (restore.ts).
  beforeListen: async () => {
    await restoreRooms();
  },
  // With REDIS_URL: Redis presence and driver, and this process's public address (docs/deploy.md).
  ...(await scaleOutOptions()),
  express: (app) => {
    app.disable("x-powered-by");
    app.use((_req, res, next) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      next();
    });
    app.get("/healthz", (_req, res) => {
      res.json({ ok: true });
    });
    installApi(app);
    installBenchStats(app);
    // The built client: precompressed variants, long cache for hashed files (http/static.ts).
    installStatic(app, CLIENT_DIST);
  },
});
