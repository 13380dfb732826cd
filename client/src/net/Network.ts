import {
  type Action,
  type ActionReply,
  CLOSE_KICKED,
  type HelloReply,
  type MessageName,
  type MessagePayload,
  PROTOCOL_VERSION,
} from "@bangun-desa/shared";
import {
  type LogEntrySchema,
  type NewsSchema,
  type PlayerSchema,
  VillageState,
} from "@bangun-desa/shared/schema";
import { Client, type Room } from "@colyseus/sdk";
import type { Lang } from "../i18n.ts";
import { Emitter } from "./Emitter.ts";
import type { JoinRequest } from "./joinRequest.ts";
import { newSeatKey, storePracticeSeat, storeToken } from "./token.ts";

export const VILLAGE_ROOM_NAME = "village";
/** Retry every ≤ 3 s for about 3 minutes, from the first second of a connection. */
const RECONNECTION = { maxRetries: 60, maxDelay: 3_000, minUptime: 0 } as const;

/** Client-only error code for a request that got no answer (timeout, connection gone). */
export const NETWORK_ERROR = "network";

/** What scenes and the HUD can subscribe to. */
export interface NetworkEvents {
  /** Any patch arrived: the whole (read-only) village state. */
  state: [state: VillageState];
  /** My own player changed (hand, tenaga, location…). */
  me: [player: PlayerSchema];
  /** A new cooperation-log entry (never fired for entries that existed when I joined). */
  log: [entry: LogEntrySchema];
  /** A new piece of village news. */
  news: [entry: NewsSchema];
  /** The phase or season changed. */
  phase: [phase: string, season: number];
  /** An action was refused, or the server sent an error. */
  error: [code: string, params: Record<string, string | number> | undefined];
  /** The connection dropped (the SDK is retrying), came back, or is gone for good. */
  connection: [status: "lost" | "restored" | "closed" | "kicked"];
}

export function serverUrl(): string {
  // In `vite` dev mode the page is served by Vite, the game server runs on its own port.
  if (import.meta.env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}

/**
 * The one place that owns the Colyseus client and room. Scenes and the HUD never touch the SDK:
 * they subscribe to typed events and call the request helpers, which always resolve to an
 * ActionReply (never throw), so every failure can be shown as a translated message.
 */
export class Network {
  readonly events = new Emitter<NetworkEvents>();
  private readonly client = new Client(serverUrl());
  private room: Room<unknown, VillageState> | null = null;
  /** My seat id: my key in `state.players`. */
  seatId = "";
  /** serverNow − Date.now(), from `hello` (half the round trip is credited to the reply). */
  private offsetMs = 0;
  private lastLogSeq = -1;
  private lastNewsSeq = -1;
  private lastPhase = "";
  private lastSeason = -1;
  private left = false;

  constructor(public lang: Lang) {}

  get state(): VillageState | null {
    return this.room?.state ?? null;
  }

  /** My player, once the state has arrived. */
  get me(): PlayerSchema | undefined {
    return this.room?.state.players?.get(this.seatId);
  }

  /** The server's clock now, for countdowns to `state.phaseEndsAt`. */
  serverNow(): number {
    return Date.now() + this.offsetMs;
  }

  /** Milliseconds left in the current phase (0 when it has no deadline). */
  msLeft(): number {
    const endsAt = this.room?.state.phaseEndsAt ?? 0;
    return endsAt > 0 ? Math.max(0, endsAt - this.serverNow()) : 0;
  }

  /** Create, join or rejoin a village; rejects when that is not possible. */
  async connect(request: JoinRequest): Promise<void> {
    let room: Room<unknown, VillageState>;
    // A practice seat's key (a class seat is found again through the class).
    const seatKey = request.mode === "solo" ? newSeatKey() : request.mode === "code" ? request.seatKey : "";
    if (request.mode === "solo") {
      room = await this.client.create(
        VILLAGE_ROOM_NAME,
        {
          protocolVersion: PROTOCOL_VERSION,
          name: request.name,
          lang: request.lang,
          seatKey,
          solo: true,
          ...(request.actionSeconds ? { actionSeconds: request.actionSeconds } : {}),
          ...(request.warningSeconds ? { warningSeconds: request.warningSeconds } : {}),
          ...(request.nightSeconds ? { nightSeconds: request.nightSeconds } : {}),
          ...(request.openAllForms ? { openAllForms: true } : {}),
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          ...(request.bots ? { bots: request.bots } : {}),
          ...(request.difficulty ? { difficulty: request.difficulty } : {}),
        },
        VillageState,
      );
    } else if (request.mode === "code") {
      room = await this.client.joinById(
        request.roomId,
        { protocolVersion: PROTOCOL_VERSION, name: request.name, lang: request.lang, seatKey },
        VillageState,
      );
    } else if (request.mode === "seat") {
      room = await this.client.consumeSeatReservation(
        request.reservation as Parameters<Client["consumeSeatReservation"]>[0],
        VillageState,
      );
    } else {
      try {
        room = await this.client.reconnect(request.token, VillageState);
      } catch (error) {
        storeToken(null);
        throw error;
      }
    }
    if (request.mode !== "reconnect") {
      const name = request.mode === "seat" ? "" : request.name;
      storePracticeSeat(seatKey ? { roomId: room.roomId, seatKey, name } : null);
    }
    await this.attach(room);
  }

  private async attach(room: Room<unknown, VillageState>): Promise<void> {
    this.room = room;
    // Phones sleep and school Wi-Fi drops for a minute or more: keep retrying for as long as the
    // server holds the seat (120 s), at most 3 s apart (back within 5 s of the network), and also
    // when the connection drops in its first seconds.
    Object.assign(room.reconnection, RECONNECTION);
    storeToken(room.reconnectionToken);
    room.onDrop(() => this.events.emit("connection", "lost"));
    room.onReconnect(() => {
      storeToken(room.reconnectionToken);
      this.events.emit("connection", "restored");
      void this.hello();
    });
    room.onLeave((code) => {
      if (this.left) return;
      if (code === CLOSE_KICKED) storeToken(null);
      this.events.emit("connection", code === CLOSE_KICKED ? "kicked" : "closed");
    });
    room.onStateChange((state) => this.onPatch(state));
    await this.hello();
    if (room.state.players) this.onPatch(room.state);
  }

  private async hello(): Promise<void> {
    if (!this.room) return;
    const sentAt = Date.now();
    const reply = (await this.room.request("hello", {})) as HelloReply | ActionReply;
    if ("seatId" in reply) {
      this.seatId = reply.seatId;
      this.offsetMs = reply.serverNow - (sentAt + Date.now()) / 2;
    }
  }

  /** Turn a patch into the typed events: phase change, new log and news entries, my player. */
  private onPatch(state: VillageState): void {
    if (!this.seatId || !state.players) return;
    // Entries that existed when this page joined are history, not news: start after them.
    if (this.lastLogSeq < 0) this.lastLogSeq = lastSeq(state.log);
    if (this.lastNewsSeq < 0) this.lastNewsSeq = lastSeq(state.news);
    if (state.phase !== this.lastPhase || state.season !== this.lastSeason) {
      this.lastPhase = state.phase;
      this.lastSeason = state.season;
      this.events.emit("phase", state.phase, state.season);
    }
    for (const entry of state.log) {
      if (entry.seq > this.lastLogSeq) {
        this.lastLogSeq = entry.seq;
        this.events.emit("log", entry);
      }
    }
    for (const entry of state.news) {
      if (entry.seq > this.lastNewsSeq) {
        this.lastNewsSeq = entry.seq;
        this.events.emit("news", entry);
      }
    }
    const me = state.players.get(this.seatId);
    if (me) this.events.emit("me", me);
    this.events.emit("state", state);
  }

  /** Send one action; resolves to the server's reply, or a network error reply. */
  async request<N extends MessageName>(name: N, payload: MessagePayload<N>): Promise<ActionReply> {
    if (!this.room) return { ok: false, error: NETWORK_ERROR };
    let reply: ActionReply | undefined;
    try {
      reply = (await this.room.request(name, payload)) as ActionReply | undefined;
    } catch {
      reply = undefined;
    }
    if (!reply) reply = { ok: false, error: NETWORK_ERROR };
    if (!reply.ok) this.events.emit("error", reply.error, reply.params);
    return reply;
  }

  /**
   * Ask the room something that is not a game action (the debrief, the quiz): the raw reply, or
   * null when the room refused it or could not be reached.
   */
  async ask<T>(name: string, payload: unknown = {}): Promise<T | null> {
    if (!this.room) return null;
    try {
      const reply = (await this.room.request(name, payload)) as (T & { ok?: boolean }) | undefined;
      if (!reply || reply.ok === false) return null;
      return reply;
    } catch {
      return null;
    }
  }

  /**
   * Send a rules Action (such as a hint's suggestion) as its message: the type names the message,
   * the other fields are the payload (fields left undefined are not sent).
   */
  act(action: Action): Promise<ActionReply> {
    const { type, ...fields } = action;
    const payload = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return this.request(type, payload as MessagePayload<typeof type>);
  }

  /** Leave for good (consented: the seat goes back to a bot) and forget the token. */
  async leave(): Promise<void> {
    this.left = true;
    storeToken(null);
    storePracticeSeat(null);
    await this.room?.leave().catch(() => undefined);
    this.room = null;
  }
}

function lastSeq(list: ArrayLike<{ seq: number }>): number {
  return list.length > 0 ? list[list.length - 1]!.seq : 0;
}
