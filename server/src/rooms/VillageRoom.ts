import { randomInt } from "node:crypto";
import {
  type Action,
  type ActionReply,
  advance,
  apply,
  BOT_SKILL,
  CLOSE_KICKED,
  chooseBotAction,
  createGame,
  type DebriefReply,
  ERROR_CODES,
  endGameNow,
  everyoneDone,
  extendPhase,
  type GameState,
  type HelloReply,
  type HouseholdRecord,
  joinOptionsSchema,
  MAX_SEATS,
  type MessageName,
  MIN_SEATS,
  MOVES_PER_WINDOW,
  NO_HOLD,
  nextRandom,
  type Personality,
  PROTOCOL_VERSION,
  parseAction,
  pauseGame,
  type QuizReply,
  quizForSeat,
  resumeGame,
  type SubmitQuizReply,
  scoreQuiz,
  soloPersonalities,
  startGame,
  submitQuizSchema,
  type VillageRecord,
  villageBoard,
} from "@bangun-desa/shared";
import { syncVillage, VillageState } from "@bangun-desa/shared/schema";
import { type Client, CloseCode, Room, ServerError } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { freeCode, registerCode, releaseCode } from "../codes.ts";
import { CARETAKER_GRACE_SECONDS, MAX_MESSAGES_PER_SECOND, RECONNECT_SECONDS, TICK_MS } from "../config.ts";
import { hashSecret, secretMatches } from "../secrets.ts";
import { type RoomSnapshot, store } from "../storage/index.ts";
import { cancelSnapshot, queueSnapshot } from "../storage/snapshotQueue.ts";
import {
  type ClassCommand,
  type ClassSeatAuth,
  type ClassVillageInfo,
  classChannel,
  classVillageInfoSchema,
  type VillageReport,
} from "./classLink.ts";
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
 * A dropped student's household is looked after by a careful bot only after this long: a Wi-Fi
 * gap of up to 90 s, a sleeping phone or a reload finds the hand exactly as it was left.
 */
const CARETAKER_GRACE_MS = CARETAKER_GRACE_SECONDS * 1000;
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

/** A class village reports to the teacher's board at most this often (ms). */
const REPORT_EVERY_MS = 1_000;

/** Bumped when the snapshot's shape changes (an older snapshot is then not restored). */
const SNAPSHOT_VERSION = 1;
/**
 * A seat change is written to the snapshot within this long (ms): a join storm writes each village
 * once for several joins. Season closes and teacher commands are written at once.
 */
const SNAPSHOT_SOON_MS = 1_000;
/**
 * State patches go out this often (ms) for what the clock changes (bots, phases); a student's own
 * accepted move is sent at once, right after its reply.
 */
const PATCH_MS = 100;

/** Everything a village needs to carry on after a restart (crash recovery, see docs/reliability.md). */
interface VillageSnapshot {
  v: number;
  /** Room-clock time of the snapshot: the phase's deadline moves on by the time the server was away. */
  savedAt: number;
  code: string;
  seed: number;
  game: GameState;
  seatOrder: string[];
  personalities: [string, Personality][];
  botRng: number;
  classInfo: ClassVillageInfo | null;
  /** Seat → the key that returns to it (a class student's device key, a practice seat's key). */
  keys: [string, string][];
  studentIds: [string, string][];
  idleWindows: [string, number][];
  quiz: [string, (number | null)[]][];
  broadcast: string;
  broadcastId: number;
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
  /** Set when the village belongs to a teacher's class. */
  private classInfo: ClassVillageInfo | null = null;
  private classKeyHash: Buffer = Buffer.alloc(32);
  /** Class students: device key → seat, seat → device key, seat → the class's student id. */
  private readonly seatOfKey = new Map<string, string>();
  private readonly keyOfSeat = new Map<string, string>();
  private readonly studentIdOf = new Map<string, string>();
  /** Seats that made a move in the current action window, and whole windows without one. */
  private readonly movedThisWindow = new Set<string>();
  private readonly idleWindows = new Map<string, number>();
  private reportDue = false;
  private lastReportAt = -Infinity;
  /** Sessions whose socket sent a frame over the size limit (the server then sees only a drop). */
  private readonly oversized = new Set<string>();
  /** The game's seed (each student's quiz is drawn from it and their seat). */
  private seed = 0;
  /** Answers handed in, by seat (a class village also stores them for the report). */
  private readonly quizBySeat = new Map<string, (number | null)[]>();
  /** The server is stopping: the last snapshot is written and nothing may overwrite it. */
  private shuttingDown = false;
  /** A seat changed since the last snapshot; when the last one was written (room clock). */
  private snapshotDue = false;
  private lastSnapshotAt = -Infinity;
  /** The phase the clock last saw (a window closed early by everyone's Selesai is seen on the next tick). */
  private phaseSeen: GameState["phase"] = "lobby";

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
    debrief: (client: Client): DebriefReply | ActionReply => {
      if (!this.seatOf.get(client.sessionId)) return { ok: false, error: ERROR_CODES.unknownPlayer };
      if (this.game.phase !== "ended") return { ok: false, error: ERROR_CODES.wrongPhase };
      const record = this.record();
      return {
        ok: true,
        log: record.log,
        meterHistory: record.meterHistory,
        households: record.households,
        result: record.result,
        projects: record.projects,
      };
    },
    quiz: (client: Client): QuizReply | ActionReply => {
      const seatId = this.seatOf.get(client.sessionId);
      if (!seatId) return { ok: false, error: ERROR_CODES.unknownPlayer };
      if (this.game.phase !== "ended") return { ok: false, error: ERROR_CODES.wrongPhase };
      const itemIds = this.quizFor(seatId);
      const answers = this.quizBySeat.get(seatId);
      const scored = answers ? scoreQuiz(itemIds, answers) : null;
      return {
        ok: true,
        itemIds,
        submitted: scored?.ok ? { answers: answers!, correct: scored.correct, total: scored.total } : null,
      };
    },
    submitQuiz: (client: Client, raw: unknown): SubmitQuizReply | ActionReply => {
      const seatId = this.seatOf.get(client.sessionId);
      if (!seatId) return { ok: false, error: ERROR_CODES.unknownPlayer };
      if (this.game.phase !== "ended") return { ok: false, error: ERROR_CODES.wrongPhase };
      const parsed = submitQuizSchema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          error: ERROR_CODES.badMessage,
          params: { field: parsed.error.issues[0]?.path.join(".") ?? "" },
        };
      }
      // The first answers count (a second send, e.g. after a reload, gets the same score back).
      const answers = this.quizBySeat.get(seatId) ?? parsed.data.answers;
      const itemIds = this.quizFor(seatId);
      const scored = scoreQuiz(itemIds, answers);
      if (!scored.ok) return { ok: false, error: ERROR_CODES.badMessage, params: { field: "answers" } };
      if (!this.quizBySeat.has(seatId)) {
        this.quizBySeat.set(seatId, answers);
        const studentId = this.studentIdOf.get(seatId);
        if (this.classInfo && studentId) {
          store().saveQuiz(this.classInfo.classRoomId, { studentId, itemIds, answers });
        }
        this.snapshotSoon();
      }
      return { ok: true, correct: scored.correct, total: scored.total, results: scored.results };
    },
    hello: (client: Client): HelloReply | ActionReply => {
      const seatId = this.seatOf.get(client.sessionId);
      if (!seatId) return { ok: false, error: ERROR_CODES.unknownPlayer };
      return { seatId, serverNow: this.clock.currentTime, protocolVersion: PROTOCOL_VERSION };
    },
  };

  override async onCreate(rawOptions: unknown): Promise<void> {
    // A class village is created by its class with `classInfo`, a village brought back after a
    // restart with `restore` (clients can pass neither: see app.ts).
    const { classInfo: rawClass, restore, ...rest } = (rawOptions ?? {}) as Record<string, unknown>;
    if (restore !== undefined) return this.restore(restore as RoomSnapshot);
    const parsed = joinOptionsSchema.safeParse(rest);
    if (!parsed.success) throw new ServerError(400, ERROR_CODES.badMessage);
    const options = parsed.data;
    if (options.protocolVersion !== PROTOCOL_VERSION)
      throw new ServerError(400, ERROR_CODES.protocolMismatch);
    if (rawClass !== undefined) {
      const info = classVillageInfoSchema.safeParse(rawClass);
      if (!info.success) throw new ServerError(400, ERROR_CODES.badMessage);
      this.joinClass(info.data);
    } else {
      // Practice villages have a join code of their own (class villages are joined through the class).
      this.code = await freeCode(this.presence);
    }

    const bots = options.bots ?? DEFAULT_BOTS;
    const seatCount = this.classInfo?.seats ?? Math.max(MIN_SEATS, Math.min(MAX_SEATS, bots + 1));
    const seed = options.seed ?? randomInt(0, 2 ** 31);
    this.seed = seed;
    const seats = Array.from({ length: seatCount }, (_, i) => ({
      id: `s${i}`,
      name: BOT_NAMES[i % BOT_NAMES.length]!,
      isBot: true,
    }));
    this.game = createGame(seats, seed, {
      ...(this.classInfo ? { seasons: this.classInfo.seasons } : {}),
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
    // The teacher pressed Mulai: a class village's clock starts now, as its students arrive.
    if (this.classInfo) startGame(this.game, this.clock.currentTime);
    await this.begin();
  }

  private joinClass(info: ClassVillageInfo): void {
    this.classInfo = info;
    this.classKeyHash = hashSecret(info.classKey);
    // A class village stays while its game runs, even when every phone is away for a while.
    this.autoDispose = false;
    this.state.villageNumber = info.index + 1;
  }

  /** A new or restored village starts living: its code, the synced state, the clock, the board. */
  private async begin(): Promise<void> {
    if (this.code) await registerCode(this.presence, this.code, { kind: "desa", roomId: this.roomId });
    this.phaseSeen = this.game.phase;
    this.patchRate = PATCH_MS;
    this.sync();
    await this.setMetadata(this.metadataNow());
    this.clock.setInterval(() => this.step(), TICK_MS);
    this.snapshotSoon();
    this.report();
  }

  /**
   * Bring the village back from its snapshot after a restart, under its old room id (set by the
   * matchmaker) and code. Its students are away until they return with their seat's key; a seat
   * still empty when the reconnection window closes goes to a bot, as after a normal drop.
   */
  private async restore(snapshot: RoomSnapshot): Promise<void> {
    const snap = JSON.parse(snapshot.data) as VillageSnapshot;
    if (snap.v !== SNAPSHOT_VERSION) throw new ServerError(500, `snapshot version ${snap.v}`);
    const now = this.clock.currentTime;
    if (snap.classInfo) this.joinClass(snap.classInfo);
    this.code = snap.code;
    this.seed = snap.seed;
    this.game = snap.game;
    // The clock stood still while the server was away: the phase keeps the time it had left.
    if (!this.game.paused && this.game.phaseEndsAt > 0)
      this.game.phaseEndsAt += Math.max(0, now - snap.savedAt);
    this.seatOrder = snap.seatOrder;
    for (const [id, p] of snap.personalities) this.personalities.set(id, p);
    this.botRng.rng = snap.botRng;
    for (const [seat, key] of snap.keys) {
      this.keyOfSeat.set(seat, key);
      this.seatOfKey.set(key, seat);
    }
    for (const [seat, id] of snap.studentIds) this.studentIdOf.set(seat, id);
    for (const [seat, n] of snap.idleWindows) this.idleWindows.set(seat, n);
    for (const [seat, answers] of snap.quiz) this.quizBySeat.set(seat, answers);
    this.state.broadcast = snap.broadcast;
    this.state.broadcastId = snap.broadcastId;
    for (const id of this.game.playerOrder) {
      const p = this.game.players[id]!;
      if (p.isBot) continue;
      p.connected = false;
      this.droppedAt.set(id, now);
    }
    // Nobody is connected yet: the room waits for them as long as a dropped seat is held.
    this.autoDispose = false;
    this.clock.setTimeout(() => this.endRestoreHold(), RECONNECT_SECONDS * 1000);
    await this.begin();
  }

  /** The restored village's students had their reconnection window: absent seats go to bots. */
  private endRestoreHold(): void {
    const seated = new Set(this.seatOf.values());
    for (const id of this.game.playerOrder) {
      if (!this.game.players[id]!.isBot && !seated.has(id)) this.toBot(id);
    }
    if (!this.classInfo || this.game.phase === "ended") this.autoDispose = true;
  }

  /**
   * Ask for the village's snapshot (at its start, at every season's close, when seats change, on
   * a teacher's command): written by the snapshot queue within moments, one room per turn of the
   * event loop (storage/snapshotQueue.ts). After a crash at most the current season is lost.
   */
  private saveSnapshot(): void {
    if (this.shuttingDown || !this.game) return;
    this.snapshotDue = false;
    this.lastSnapshotAt = this.clock.currentTime;
    queueSnapshot(this.roomId, () => this.writeSnapshot());
  }

  /** Write the snapshot now, as things stand. */
  private writeSnapshot(): void {
    if (this.shuttingDown || !this.game) return;
    const snap: VillageSnapshot = {
      v: SNAPSHOT_VERSION,
      savedAt: this.clock.currentTime,
      code: this.code,
      seed: this.seed,
      game: this.game,
      seatOrder: this.seatOrder,
      personalities: [...this.personalities],
      botRng: this.botRng.rng,
      classInfo: this.classInfo,
      keys: [...this.keyOfSeat],
      studentIds: [...this.studentIdOf],
      idleWindows: [...this.idleWindows],
      quiz: [...this.quizBySeat],
      broadcast: this.state.broadcast,
      broadcastId: this.state.broadcastId,
    };
    try {
      store().saveSnapshot({ roomId: this.roomId, kind: VILLAGE_ROOM, data: JSON.stringify(snap) });
    } catch (error) {
      console.error(`[village ${this.roomId}] could not save its snapshot:`, error);
    }
  }

  /** A seat changed: the snapshot is written on the clock's next step at most SNAPSHOT_SOON_MS later. */
  private snapshotSoon(): void {
    this.snapshotDue = true;
  }

  /** A graceful stop (SIGTERM): the snapshot is written as things stand, then the room closes. */
  override onBeforeShutdown(): void {
    cancelSnapshot(this.roomId);
    this.writeSnapshot();
    this.shuttingDown = true;
    super.onBeforeShutdown();
  }

  override async onDispose(): Promise<void> {
    // Closed for good (not by a stop of the server): nothing to bring back.
    if (!this.shuttingDown) {
      // A write still waiting would bring the snapshot back after the delete.
      cancelSnapshot(this.roomId);
      try {
        store().deleteSnapshot(this.roomId);
      } catch (error) {
        console.error(`[village ${this.roomId}] could not delete its snapshot:`, error);
      }
    }
    await releaseCode(this.presence, this.code);
  }

  override onJoin(client: Client, rawOptions: unknown): void {
    const parsed = joinOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success) throw new ServerError(400, ERROR_CODES.badMessage);
    if (parsed.data.protocolVersion !== PROTOCOL_VERSION)
      throw new ServerError(400, ERROR_CODES.protocolMismatch);
    const student = this.classInfo ? this.classStudent(client) : null;
    const seatId = this.seatFor(student?.studentKey ?? parsed.data.seatKey);
    if (!seatId) throw new ServerError(400, ERROR_CODES.roomFull);
    if (student) this.studentIdOf.set(seatId, student.studentId);
    const player = this.game.players[seatId]!;
    const humans = this.humanCount() + 1;
    player.isBot = false;
    player.connected = true;
    player.name = student?.name ?? (cleanName(parsed.data.name) || `Warga ${humans}`);
    this.seatOf.set(client.sessionId, seatId);
    this.watchFrames(client);
    this.botNextAt.delete(seatId);
    this.droppedAt.delete(seatId);
    this.idleWindows.set(seatId, 0);

    if (this.game.phase === "lobby") startGame(this.game, this.clock.currentTime);
    this.sync();
    client.view = new StateView();
    client.view.add(this.state.players.get(seatId)!);
    void this.setMetadata(this.metadataNow());
    this.snapshotSoon();
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    const seatId = this.seatOf.get(client.sessionId);
    // A client cut off for flooding, an oversized frame or a protocol error does not keep its
    // seat, and nothing is held while the server itself shuts down.
    const oversized = this.oversized.delete(client.sessionId);
    if (!seatId || oversized || code === CloseCode.WITH_ERROR || code === CloseCode.SERVER_SHUTDOWN) return;
    this.game.players[seatId]!.connected = false;
    this.droppedAt.set(seatId, this.clock.currentTime);
    this.sync();
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  /** Note a socket cut off for an oversized frame (the `ws` library ends it with an error). */
  private watchFrames(client: Client): void {
    const socket = (client as { ref?: { on?: (event: string, listener: (error: Error) => void) => void } })
      .ref;
    socket?.on?.("error", (error) => {
      if (/max payload/i.test(error.message)) this.oversized.add(client.sessionId);
    });
  }

  override onReconnect(client: Client): void {
    const seatId = this.seatOf.get(client.sessionId);
    this.watchFrames(client);
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
    this.toBot(seatId);
  }

  /** A class village admits only seats its class reserved (the class key travels as the seat's auth). */
  private classStudent(client: Client): ClassSeatAuth {
    const auth = client.auth as ClassSeatAuth | undefined;
    if (!auth || !secretMatches(auth.classKey, this.classKeyHash)) {
      throw new ServerError(403, ERROR_CODES.villageUnavailable);
    }
    return auth;
  }

  /**
   * The seat for a joining student: with a key this village knows (a class student's device key, a
   * practice seat's key), their own seat (an older connection of theirs is let go); else a bot
   * seat nobody owns, else the seat of a student who has left.
   */
  private seatFor(key: string | undefined): string | undefined {
    const own = key === undefined ? undefined : this.seatOfKey.get(key);
    let seatId = own;
    if (own) {
      for (const [sessionId, seat] of this.seatOf) {
        if (seat !== own) continue;
        this.seatOf.delete(sessionId);
        this.clients.getById(sessionId)?.leave(CloseCode.CONSENTED);
      }
    } else {
      const bots = this.seatOrder.filter((id) => this.game.players[id]!.isBot);
      seatId = bots.find((id) => !this.keyOfSeat.has(id)) ?? bots[0];
    }
    if (!seatId || key === undefined) return seatId;
    const previous = this.keyOfSeat.get(seatId);
    if (previous && previous !== key) this.seatOfKey.delete(previous);
    this.seatOfKey.set(key, seatId);
    this.keyOfSeat.set(seatId, key);
    return seatId;
  }

  /**
   * Commands from this village's class (through the matchmaker, so from any process). Returns
   * false for a command the village cannot follow now (e.g. resuming a village that is not paused).
   */
  classCommand(classKey: string, command: ClassCommand): boolean {
    if (!this.classInfo || !secretMatches(classKey, this.classKeyHash)) return false;
    const now = this.clock.currentTime;
    let done: boolean;
    switch (command.type) {
      case "pause":
        done = pauseGame(this.game, now) || this.game.paused;
        break;
      case "resume":
        done = resumeGame(this.game, now) || !this.game.paused;
        break;
      case "extend":
        done = extendPhase(this.game, command.seconds * 1000);
        break;
      case "end":
        done = endGameNow(this.game) || this.game.phase === "ended";
        this.saveRecord();
        break;
      case "broadcast":
        this.state.broadcast = command.text;
        this.state.broadcastId = (this.state.broadcastId + 1) % 65_536;
        done = true;
        break;
      case "rename":
        done = this.renameStudent(command.key, command.name);
        break;
      case "remove":
        done = this.removeStudent(command.key);
        break;
    }
    this.sync();
    this.report();
    void this.setMetadata(this.metadataNow());
    this.saveSnapshot();
    return done;
  }

  private renameStudent(key: string, name: string): boolean {
    const seatId = this.seatOfKey.get(key);
    if (!seatId) return false;
    this.game.players[seatId]!.name = name;
    return true;
  }

  /** The teacher removed a student: their connection is closed and a bot keeps the household. */
  private removeStudent(key: string): boolean {
    const seatId = this.seatOfKey.get(key);
    if (!seatId) return false;
    this.seatOfKey.delete(key);
    this.keyOfSeat.delete(seatId);
    this.studentIdOf.delete(seatId);
    for (const [sessionId, seat] of this.seatOf) {
      if (seat !== seatId) continue;
      this.seatOf.delete(sessionId);
      this.clients.getById(sessionId)?.leave(CLOSE_KICKED, ERROR_CODES.kicked);
    }
    this.toBot(seatId);
    return true;
  }

  /** A seat goes back to a bot, which keeps the household going. */
  private toBot(seatId: string): void {
    this.droppedAt.delete(seatId);
    const player = this.game.players[seatId]!;
    player.isBot = true;
    player.connected = false;
    player.done = false;
    this.sync();
    void this.setMetadata(this.metadataNow());
    this.snapshotSoon();
  }

  /** This student's quiz: the item ids the shared rule draws for the game and the seat. */
  private quizFor(seatId: string): string[] {
    return quizForSeat(this.seed, seatId).map((item) => item.id);
  }

  /** What the report and the debrief read: the whole log, the meters' history, the households. */
  private record(): VillageRecord {
    const g = this.game;
    const households: HouseholdRecord[] = g.playerOrder.map((id) => {
      const p = g.players[id]!;
      return {
        seatId: id,
        studentId: this.studentIdOf.get(id) ?? "",
        name: p.name,
        role: p.role,
        isBot: p.isBot,
        contributed: p.contributed,
        trustKept: p.trust.kept,
        trustBroken: p.trust.broken,
      };
    });
    return {
      index: this.classInfo?.index ?? 0,
      seasons: g.config.seasons,
      season: g.season,
      phase: g.phase,
      log: g.log,
      meterHistory: g.meterHistory,
      households,
      projects: Object.values(g.projects).map((p) => ({ kind: p.kind, status: p.status })),
      result: g.result,
    };
  }

  /** A class village writes its record at every season's end and at the end (it survives a restart). */
  private saveRecord(): void {
    if (!this.classInfo) return;
    if (this.game.phase === "ended" && !this.autoDispose) {
      // Over: the room goes when its last student has left the result screen.
      this.autoDispose = true;
      if (this.clients.length === 0) void this.disconnect();
    }
    try {
      store().saveVillage(this.classInfo.classRoomId, this.record());
    } catch (error) {
      console.error(`[village ${this.roomId}] could not save its record:`, error);
    }
  }

  /** Publish the board summary to the class (at most once a second, and at once when asked). */
  private report(force = true): void {
    if (!this.classInfo) return;
    const now = this.clock.currentTime;
    if (!force && (!this.reportDue || now - this.lastReportAt < REPORT_EVERY_MS)) return;
    this.reportDue = false;
    this.lastReportAt = now;
    const report: VillageReport = {
      classKey: this.classInfo.classKey,
      index: this.classInfo.index,
      board: villageBoard(this.game, {
        studentOf: (seatId) => this.studentIdOf.get(seatId) ?? "",
        idleWindows: (seatId) => this.idleWindows.get(seatId) ?? 0,
      }),
    };
    void this.presence.publish(classChannel(this.classInfo.classRoomId), report);
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
      this.movedThisWindow.add(seatId);
      if (name === "done" && everyoneDone(this.game)) {
        this.finishBots(this.clock.currentTime);
        advance(this.game, this.clock.currentTime);
      }
      this.sync();
      // The move's patch goes out right after the reply, not on the next patch interval.
      setImmediate(() => {
        if (this.clients.length > 0) this.broadcastPatch();
      });
      return { ok: true };
    };
  }

  /** The room clock: end phases whose deadline passed, let bots act, sync what changed. */
  private step(): void {
    const now = this.clock.currentTime;
    let changed = false;
    if (this.game.phase === "action" && !this.game.paused) changed = this.runBots(now);
    changed = advance(this.game, now) || changed;
    const before = this.phaseSeen;
    const phase = this.game.phase;
    this.phaseSeen = phase;
    if (before === "action" && phase !== "action") this.countIdle();
    // A season closed or the game ended: the class's record and the snapshot are written.
    if (before !== phase && (before === "action" || phase === "ended")) {
      this.saveRecord();
      this.saveSnapshot();
    }
    // A new window: every bot starts thinking afresh, so none acts on the window's first tick.
    if (before !== "action" && phase === "action") this.botNextAt.clear();
    if (changed) this.sync();
    if (before !== phase) void this.setMetadata(this.metadataNow());
    if (this.snapshotDue && now - this.lastSnapshotAt >= SNAPSHOT_SOON_MS) this.saveSnapshot();
    this.report(before !== phase);
  }

  /** An action window closed: a student who made no move in it has been idle one more window. */
  private countIdle(): void {
    for (const id of this.game.playerOrder) {
      const p = this.game.players[id]!;
      if (p.isBot) continue;
      this.idleWindows.set(id, this.movedThisWindow.has(id) ? 0 : (this.idleWindows.get(id) ?? 0) + 1);
    }
    this.movedThisWindow.clear();
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
    this.reportDue = true;
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
