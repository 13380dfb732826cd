import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { MAX_PAYLOAD_BYTES } from "./config.ts";
import { VILLAGE_ROOM, VillageRoom } from "./rooms/VillageRoom.ts";

/** The built client (Vite output) served on the same port as the game. */
export const CLIENT_DIST = fileURLToPath(new URL("../../client/dist", import.meta.url));

/** The whole server: rooms, and the HTTP routes on the same port. */
export const server = defineServer({
  transport: new WebSocketTransport({ maxPayload: MAX_PAYLOAD_BYTES }),
  rooms: {
    [VILLAGE_ROOM]: defineRoom(VillageRoom),
  },
  greet: false,
  express: (app) => {
    app.disable("x-powered-by");
    app.get("/healthz", (_req, res) => {
      res.json({ ok: true });
    });
    if (existsSync(CLIENT_DIST)) {
      app.use(
        "/assets",
        express.static(`${CLIENT_DIST}/assets`, { immutable: true, maxAge: "365d", fallthrough: false }),
      );
      app.use(express.static(CLIENT_DIST, { maxAge: 0 }));
    }
  },
});
