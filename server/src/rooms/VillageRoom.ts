import { randomInt } from "node:crypto";
import {
  type Action,
  type ActionReply,
  advance,
  apply,
  BOT_SKILL,
  chooseBotAction,
  createGame,
  ERROR_CODES,
  everyoneDone,
  type GameState,
  type HelloReply,
  joinOptionsSchema,
  MAX_SEATS,
  type MessageName,
  MIN_SEATS,
  MOVES_PER_WINDOW,
  makeCode,
  NO_HOLD,
  nextRandom,
  type Personality,
  PROTOCOL_VERSION,
  parseAction,
  soloPersonalities,
  startGame,
} from "@bangun-desa/shared";
import { syncVillage, VillageState } from "@bangun-desa/shared/schema";
import { type Client, CloseCode, matchMaker, Room, ServerError } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { MAX_MESSAGES_PER_SECOND, RECONNECT_SECONDS, TICK_MS } from "../config.ts";
import { BOT_NAMES, cleanName } from "./names.ts";

export const VILLAGE_ROOM = "village";

/**
 * Bots act every 1.5–4 s in a normal window, like a person thinking, so the village feels alive;
 * in a short window (a quick practice game) they think faster so they still do their share.
 */
const BOT_DELAY_MIN_MS = 1_500;
const BOT_DELAY_SPREAD_MS = 2_500;
const BOT_ACTIONS_PER_WINDOW = 24;
/**
 * A dropped student's household is looked after by a careful bot only after this long: a short
 * Wi-Fi gap or a reload finds everything exactly as it was left.
 */
const CARETAKER_GRACE_MS = 20_000;
/**
 * While people are in the village, bots leave proposing a musyawarah to them for the first part
 * of each window, so a student can be the one who proposes (they still vote at once).
 */
const PEOPLE_PROPOSE_FIRST_SHARE = 1 / 3;
const HOLD_PROPOSALS: ReadonlySet<Action["type"]> = new Set(["proposeVote"]);
const DEFAULT_BOTS = 4;

export interface VillageMetadata {
  code: string;
  seats: number;
  humans: number;
  phase: string;
  season: number;
}

function secureRandom(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}

/**
 * One village = one room. The room owns the clock and the seats; every change to the game goes
 * through the shared rules (`apply`, `advance`), then `syncVillage` copies it into the synced state.
 */
export class VillageRoom extends Room<{ state: VillageState; metadata: VillageMetadata }> {
  override state = new VillageState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;

  private game!: GameState;
  private code = "";
  /** sessionId → seat id. */
  private readonly seatOf = new Map<string, string>();
  /** Seats in the order humans take them (seeded shuffle, so roles vary between games). */
  private seatOrder: string[] = [];
  private readonly botNextAt = new Map<string, number>();
  /** When each dropped student's connection went (room clock). */
  private readonly droppedAt = new Map<string, number>();
  /** Each bot seat's personality (solo villages get a mix by difficulty). */
  private readonly personalities = new Map<string, Personality>();
  private readonly botRng = { rng: 0 };

  override messages = {
    gather: this.actionHandler("gather"),
    contribute: this.actionHandler("contribute"),
    giveAid: this.actionHandler("giveAid"),
    done: this.actionHandler("done"),
    offerTrade: this.actionHandler("offerTrade"),
    counterTrade: this.actionHandler("counterTrade"),
    acceptTrade: this.actionHandler("acceptTrade"),
    rejectTrade: this.actionHandler("rejectTrade"),
    cancelTrade: this.actionHandler("cancelTrade"),
    tradeWithMarket: this.actionHandler("tradeWithMarket"),
    proposeRicePrice: this.actionHandler("proposeRicePrice"),
    acceptRicePrice: this.actionHandler("acceptRicePrice"),
    proposeVote: this.actionHandler("proposeVote"),
    castVote: this.actionHandler("castVote"),
    proposeCoalition: this.actionHandler("proposeCoalition"),
    joinCoalition: this.actionHandler("joinCoalition"),
    pledgeCoalition: this.actionHandler("pledgeCoalition"),
    leaveCoalition: this.actionHandler("leaveCoalition"),
    proposeVenture: this.actionHandler("proposeVenture"),
    acceptVenture: this.actionHandler("acceptVenture"),
    workVenture: this.actionHandler("workVenture"),
    hello: (client: Client): HelloReply | ActionReply => {
      const seatId = this.seatOf.get(client.sessionId);
      if (!seatId) return { ok: false, error: ERROR_CODES.unknownPlayer };
      return { seatId, serverNow: this.clock.currentTime, protocolVersion: PROTOCOL_VERSION };
    },
  };

  override async onCreate(rawOptions: unknown): Promise<void> {
    const parsed = joinOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success) throw new ServerError(400, ERROR_CODES.badMessage);
    const options = parsed.data;
    if (options.protocolVersion !== PROTOCOL_VERSION)
      throw new ServerError(400, ERROR_CODES.protocolMismatch);

    let code = makeCode(secureRandom);
    while (await matchMaker.getRoomById(code)) code = makeCode(secureRandom);
    this.roomId = code;
    this.code = code;

    const bots = options.bots ?? DEFAULT_BOTS;
    const seatCount = Math.max(MIN_SEATS, Math.min(MAX_SEATS, bots + 1));
    const seed = options.seed ?? randomInt(0, 2 ** 31);
    const seats = Array.from({ length: seatCount }, (_, i) => ({
      id: `s${i}`,
      name: BOT_NAMES[i % BOT_NAMES.length]!,
      isBot: true,
    }));
    this.game = createGame(seats, seed, {
      difficulty: options.difficulty ?? "sedang",
      ...(options.actionSeconds ? { actionMs: options.actionSeconds * 1000 } : {}),
      openAllForms: options.openAllForms ?? false,
      ...(options.warningSeconds ? { warningMs: options.warningSeconds * 1000 } : {}),
      ...(options.nightSeconds ? { nightMs: options.nightSeconds * 1000 } : {}),
    });
    this.botRng.rng = (seed ^ 0x9e3779b9) >>> 0;
    this.seatOrder = seats.map((s) => s.id);
    for (let i = this.seatOrder.length - 1; i > 0; i--) {
      const j = Math.floor(nextRandom(this.botRng) * (i + 1));
      [this.seatOrder[i], this.seatOrder[j]] = [this.seatOrder[j]!, this.seatOrder[i]!];
    }
    // The first seat in the order goes to the first student; the others' bots get personalities.
    const mix = soloPersonalities(this.game.config.difficulty, this.seatOrder.length - 1);
    for (const [i, id] of this.seatOrder.slice(1).entries())
      this.personalities.set(id, mix[i] ?? "kooperatif");
    // No maxClients: the matchmaker would refuse a full village with an untranslatable "locked"
    // error before onJoin runs; onJoin refuses it with the code `roomFull` instead.
    this.sync();
    await this.setMetadata(this.metadataNow());
    this.clock.setInterval(() => this.step(), TICK_MS);
  }

  override onJoin(client: Client, rawOptions: unknown): void {
    const parsed = joinOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success) throw new ServerError(400, ERROR_CODES.badMessage);
    if (parsed.data.protocolVersion !== PROTOCOL_VERSION)
      throw new ServerError(400, ERROR_CODES.protocolMismatch);
    const seatId = this.seatOrder.find((id) => this.game.players[id]!.isBot);
    if (!seatId) throw new ServerError(400, ERROR_CODES.roomFull);
    const player = this.game.players[seatId]!;
    const humans = this.humanCount() + 1;
    player.isBot = false;
    player.connected = true;
    player.name = cleanName(parsed.data.name) || `Warga ${humans}`;
    this.seatOf.set(client.sessionId, seatId);
    this.botNextAt.delete(seatId);

    if (this.game.phase === "lobby") startGame(this.game, this.clock.currentTime);
    this.sync();
    client.view = new StateView();
    client.view.add(this.state.players.get(seatId)!);
    void this.setMetadata(this.metadataNow());
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    const seatId = this.seatOf.get(client.sessionId);
    // A client cut off for flooding or a protocol error does not keep its seat, and nothing is
    // held while the server itself shuts down.
    if (!seatId || code === CloseCode.WITH_ERROR || code === CloseCode.SERVER_SHUTDOWN) return;
    this.game.players[seatId]!.connected = false;
    this.droppedAt.set(seatId, this.clock.currentTime);
    this.sync();
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override onReconnect(client: Client): void {
    const seatId = this.seatOf.get(client.sessionId);
    if (!seatId) return;
    this.game.players[seatId]!.connected = true;
    this.droppedAt.delete(seatId);
    this.botNextAt.delete(seatId);
    this.sync();
  }

  override onLeave(client: Client): void {
    const seatId = this.seatOf.get(client.sessionId);
    this.seatOf.delete(client.sessionId);
    if (!seatId) return;
    // The seat goes back to a bot, which keeps the household going.
    this.droppedAt.delete(seatId);
    const player = this.game.players[seatId]!;
    player.isBot = true;
    player.connected = false;
    player.done = false;
    this.sync();
    void this.setMetadata(this.metadataNow());
  }

  override onUncaughtException(error: Error, methodName: string): void {
    console.error(`[village ${this.code}] ${methodName} failed:`, error);
  }

  /** A handler for one action message: validate with zod, apply the rules, reply ok or a coded error. */
  private actionHandler<N extends MessageName>(name: N) {
    return (client: Client, raw: unknown): ActionReply => {
      const seatId = this.seatOf.get(client.sessionId);
      if (!seatId) return { ok: false, error: ERROR_CODES.unknownPlayer };
      const parsed = parseAction(name, raw);
      if (!parsed.ok) return { ok: false, error: ERROR_CODES.badMessage, params: { field: parsed.field } };
      const result = apply(this.game, parsed.action, { actor: seatId, now: this.clock.currentTime });
      if (!result.ok)
        return result.params
          ? { ok: false, error: result.error, params: result.params }
          : { ok: false, error: result.error };
      if (name === "done" && everyoneDone(this.game)) {
        this.finishBots(this.clock.currentTime);
        advance(this.game, this.clock.currentTime);
      }
      this.sync();
      return { ok: true };
    };
  }

  /** The room clock: end phases whose deadline passed, let bots act, sync what changed. */
  private step(): void {
    const now = this.clock.currentTime;
    const before = this.game.phase;
    let changed = false;
    if (this.game.phase === "action") changed = this.runBots(now);
    changed = advance(this.game, now) || changed;
    // A new window: every bot starts thinking afresh, so none acts on the window's first tick.
    if (before !== "action" && this.game.phase === "action") this.botNextAt.clear();
    if (changed) {
      this.sync();
      if (before !== this.game.phase) void this.setMetadata(this.metadataNow());
    }
  }

  private botDelay(): number {
    const scale = Math.min(
      1,
      this.game.config.actionMs / ((BOT_DELAY_MIN_MS + BOT_DELAY_SPREAD_MS / 2) * BOT_ACTIONS_PER_WINDOW),
    );
    return (BOT_DELAY_MIN_MS + nextRandom(this.botRng) * BOT_DELAY_SPREAD_MS) * scale;
  }

  /** Seats a bot plays now: bot seats, and a student's seat after the grace period of a drop. */
  private botSeats(now: number): string[] {
    return this.game.playerOrder.filter((id) => {
      const p = this.game.players[id]!;
      // A disconnected student's household is kept going carefully until the student returns.
      return p.isBot || (!p.connected && now - (this.droppedAt.get(id) ?? now) >= CARETAKER_GRACE_MS);
    });
  }

  /** One move for one bot seat, through the same rules as people; a refusal is simply skipped. */
  private botMove(id: string, now: number): boolean {
    const p = this.game.players[id]!;
    const personality: Personality = p.isBot ? (this.personalities.get(id) ?? "kooperatif") : "hatiHati";
    const action = chooseBotAction(
      this.game,
      id,
      personality,
      this.botRng,
      // The stand-in never slips: it must not give away an absent student's goods.
      p.isBot ? BOT_SKILL[this.game.config.difficulty] : 1,
      this.peopleProposeFirst(now) ? HOLD_PROPOSALS : NO_HOLD,
    );
    if (!action || action.type === "done") return false;
    return apply(this.game, action, { actor: id, now }).ok;
  }

  private runBots(now: number): boolean {
    // Every person pressed Selesai: the bots finish their work at once rather than hold the window.
    if (everyoneDone(this.game)) return this.finishBots(now);
    let acted = false;
    for (const id of this.botSeats(now)) {
      const at = this.botNextAt.get(id);
      if (at === undefined) {
        this.botNextAt.set(id, now + this.botDelay());
        continue;
      }
      if (now < at) continue;
      this.botNextAt.set(id, now + this.botDelay());
      if (this.botMove(id, now)) acted = true;
    }
    return acted;
  }

  /** True early in a window while a connected person is in the village. */
  private peopleProposeFirst(now: number): boolean {
    const { actionMs } = this.game.config;
    const windowStart = this.game.phaseEndsAt - actionMs;
    const person = this.game.playerOrder.some((id) => {
      const p = this.game.players[id]!;
      return !p.isBot && p.connected;
    });
    return person && now < windowStart + actionMs * PEOPLE_PROPOSE_FIRST_SHARE;
  }

  /** Let every bot make its remaining moves of this window now (bounded like a person's window). */
  private finishBots(now: number): boolean {
    let acted = false;
    for (let round = 0; round < MOVES_PER_WINDOW; round++) {
      let any = false;
      for (const id of this.botSeats(now)) if (this.botMove(id, now)) any = true;
      if (!any) break;
      acted = true;
    }
    return acted;
  }

  private sync(): void {
    syncVillage(this.state, this.game, this.code);
  }

  private humanCount(): number {
    return this.game.playerOrder.filter((id) => !this.game.players[id]!.isBot).length;
  }

  private metadataNow(): VillageMetadata {
    return {
      code: this.code,
      seats: this.game.playerOrder.length,
      humans: this.humanCount(),
      phase: this.game.phase,
      season: this.game.season,
    };
  }

  /** Read-only view of the rules state, for tests and reports. */
  get gameState(): Readonly<GameState> {
    return this.game;
  }
}
