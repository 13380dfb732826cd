import {
  autoSplit,
  BROADCAST_MAX,
  CLASS_ROOM,
  CLOSE_CLASS_ENDED,
  CLOSE_KICKED,
  type ClassSettings,
  checkName,
  classJoinSchema,
  cleanName,
  DEFAULT_CLASS_SETTINGS,
  ERROR_CODES,
  type HostMessageName,
  hostMessageSchemas,
  nameKey,
  PROTOCOL_VERSION,
  type SeatMessage,
  seatsFor,
  type VillageBoard,
  villageForLateJoiner,
} from "@bangun-desa/shared";
import {
  ClassState,
  ClassVillageSchema,
  RefusedNameSchema,
  ClassStudentSchema as StudentRow,
  syncBoard,
} from "@bangun-desa/shared/schema";
import { type Client, CloseCode, matchMaker, Room, ServerError } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { z } from "zod";
import { registerCode, releaseCode } from "../codes.ts";
import { CLASS_LINGER_MS, MAX_MESSAGES_PER_SECOND, RECONNECT_SECONDS } from "../config.ts";
import { recordClassHome } from "../scaleOut.ts";
import { hashSecret, newSecret, secretMatches } from "../secrets.ts";
import { type RoomSnapshot, store } from "../storage/index.ts";
import { type ClassCommand, type ClassVillageInfo, classChannel, type VillageReport } from "./classLink.ts";
import { VILLAGE_ROOM } from "./VillageRoom.ts";

/** What only the server passes when it creates a class (clients cannot create class rooms). */
const createSchema = z.strictObject({
  code: z.string().length(6),
  hostSecretHash: z.string().regex(/^[0-9a-f]{64}$/),
});

type Reply = { ok: true } | { ok: false; error: string; params?: Record<string, string | number> };

/** A student of the class as the room knows them (the key never leaves the server). */
interface Student {
  id: string;
  key: string;
  name: string;
  village: number;
  sessionId: string | null;
  /** Join order, for the automatic split. */
  order: number;
}

/** Refused names kept for the teacher (newest last). */
const REFUSED_KEPT = 30;
/** A class nobody is in is closed after this long (ms). */
const EMPTY_CLASS_MS = 3 * 60 * 60_000;
const HOUSEKEEPING_MS = 30_000;
/** The class's snapshot is written within this long of any change (ms). */
const SNAPSHOT_EVERY_MS = 1_000;
/** Bumped when the snapshot's shape changes (an older snapshot is then not restored). */
const SNAPSHOT_VERSION = 1;

/** Everything a class needs to carry on after a restart (crash recovery, see docs/reliability.md). */
interface ClassSnapshot {
  v: number;
  code: string;
  hostHash: string;
  classKey: string;
  phase: string;
  settings: ClassSettings;
  manualSplit: boolean;
  villageCount: number;
  students: Omit<Student, "sessionId">[];
  kicked: Omit<Student, "sessionId">[];
  allowedNames: string[];
  allowedShown: string[];
  refused: { name: string; reason: string }[];
  villageRooms: string[];
  villageSeats: number[];
  nextStudent: number;
  broadcast: string;
  broadcastId: number;
  startedAt: number;
  createdAt: number;
  endedAt: number;
}

/**
 * A class: the lobby where students gather, the teacher's controls, and the live board. It creates
 * its villages in its own process (so the class's record stays in one store) and talks to them
 * only through the matchmaker (`remoteRoomCall`) and presence (board reports); students reach them
 * through any process.
 */
export class ClassRoom extends Room<{ state: ClassState }> {
  override state = new ClassState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  /** The class outlives its connections: the teacher may reload, students move to villages. */
  override autoDispose = false;

  private code = "";
  private hostHash: Buffer = Buffer.alloc(32);
  /** Shared with the class's villages only: proves a seat reservation or a report came from this class. */
  private classKey = newSecret(16);
  private readonly students = new Map<string, Student>();
  private readonly studentByKey = new Map<string, string>();
  private readonly studentBySession = new Map<string, string>();
  private readonly hostSessions = new Set<string>();
  private readonly kickedKeys = new Map<string, Student>();
  private readonly allowedNames = new Set<string>();
  private villageRooms: string[] = [];
  private villageSeats: number[] = [];
  private settings: ClassSettings = { ...DEFAULT_CLASS_SETTINGS };
  private nextStudent = 1;
  private lastActivity = 0;
  private endedAt = 0;
  private createdAt = 0;
  private readonly onReport = (report: VillageReport) => this.applyReport(report);
  /** The last snapshot written (a new one is written only when something changed). */
  private lastSnapshot = "";
  /** The server is stopping: the last snapshot is written and kept. */
  private shuttingDown = false;

  override messages = {
    settings: this.hostHandler("settings", (p) => this.changeSettings(p.settings)),
    kick: this.hostHandler("kick", (p) => this.kick(p.studentId)),
    allowStudent: this.hostHandler("allowStudent", (p) => this.allowStudent(p.studentId)),
    rename: this.hostHandler("rename", (p) => this.rename(p.studentId, p.name)),
    allowName: this.hostHandler("allowName", (p) => this.allowName(p.name)),
    moveStudent: this.hostHandler("moveStudent", (p) => this.move(p.studentId, p.village)),
    resplit: this.hostHandler("resplit", () => this.resplit()),
    start: this.hostHandler("start", () => this.start()),
    pause: this.hostHandler("pause", (p) => this.command({ type: "pause" }, p.village)),
    resume: this.hostHandler("resume", (p) => this.command({ type: "resume" }, p.village)),
    extend: this.hostHandler("extend", (p) =>
      this.command({ type: "extend", seconds: p.seconds }, p.village),
    ),
    end: this.hostHandler("end", (p) => this.command({ type: "end" }, p.village)),
    broadcast: this.hostHandler("broadcast", (p) => this.sendBroadcast(p.text)),
    /**
     * A student who joins while the game is on asks for their seat: a returning student's own,
     * a late joiner's a bot's seat (or a new village's).
     */
    seat: async (client: Client): Promise<(SeatMessage & { ok: true }) | Reply> => {
      const student = this.students.get(this.studentBySession.get(client.sessionId) ?? "");
      if (!student) return { ok: false, error: ERROR_CODES.unknownStudent };
      if (this.state.phase === "lobby") return { ok: false, error: ERROR_CODES.classNotStarted };
      if (this.state.phase === "ended") return { ok: false, error: ERROR_CODES.classEnded };
      const seat = await this.reserveSeat(student);
      return "reservation" in seat ? { ok: true, ...seat } : { ok: false, error: seat.error };
    },
    /** A student asks which entry of the class list is theirs. */
    me: (client: Client): { studentId: string } => ({
      studentId: this.studentBySession.get(client.sessionId) ?? "",
    }),
  };

  override async onCreate(raw: unknown): Promise<void> {
    // Brought back after a restart by the server itself (see restore.ts; clients cannot pass it).
    const restore = (raw as { restore?: RoomSnapshot } | null)?.restore;
    if (restore) {
      this.restore(restore);
    } else {
      const parsed = createSchema.safeParse(raw);
      if (!parsed.success) throw new ServerError(400, ERROR_CODES.badMessage);
      this.code = parsed.data.code;
      this.hostHash = Buffer.from(parsed.data.hostSecretHash, "hex");
      this.createdAt = this.clock.currentTime;
    }
    this.saveMeta();
    this.state.code = this.code;
    this.applySettings();
    this.lastActivity = this.clock.currentTime;
    await recordClassHome(this.presence, this.roomId);
    // An ended class keeps its room for the teacher's last look, but its code no longer works.
    if (this.state.phase !== "ended")
      await registerCode(this.presence, this.code, { kind: "kelas", roomId: this.roomId });
    await this.presence.subscribe(classChannel(this.roomId), this.onReport);
    await this.setMetadata({ code: this.code });
    this.clock.setInterval(() => this.housekeeping(), HOUSEKEEPING_MS);
    this.clock.setInterval(() => this.saveSnapshot(), SNAPSHOT_EVERY_MS);
    this.saveSnapshot();
  }

  /** What the class must remember to carry on after a restart. */
  private snapshot(): ClassSnapshot {
    const withoutSession = ({ sessionId: _, ...s }: Student) => s;
    return {
      v: SNAPSHOT_VERSION,
      code: this.code,
      hostHash: this.hostHash.toString("hex"),
      classKey: this.classKey,
      phase: this.state.phase,
      settings: this.settings,
      manualSplit: this.state.manualSplit,
      villageCount: this.state.villageCount,
      students: [...this.students.values()].map(withoutSession),
      kicked: [...this.kickedKeys.values()].map(withoutSession),
      allowedNames: [...this.allowedNames],
      allowedShown: [...this.state.host.allowedNames],
      refused: this.state.host.refused.map((r) => ({ name: r.name, reason: r.reason })),
      villageRooms: this.villageRooms,
      villageSeats: this.villageSeats,
      nextStudent: this.nextStudent,
      broadcast: this.state.broadcast,
      broadcastId: this.state.broadcastId,
      startedAt: this.state.startedAt,
      createdAt: this.createdAt,
      endedAt: this.endedAt,
    };
  }

  /** Write the snapshot when something changed since the last one (checked every second). */
  private saveSnapshot(): void {
    if (this.shuttingDown) return;
    const data = JSON.stringify(this.snapshot());
    if (data === this.lastSnapshot) return;
    this.safely(() => store().saveSnapshot({ roomId: this.roomId, kind: CLASS_ROOM, data }));
    this.lastSnapshot = data;
  }

  /**
   * Bring the class back from its snapshot, under its old room id (set by the matchmaker) and
   * code: students return with their device key, the teacher with the host secret.
   */
  private restore(snapshot: RoomSnapshot): void {
    const snap = JSON.parse(snapshot.data) as ClassSnapshot;
    if (snap.v !== SNAPSHOT_VERSION) throw new ServerError(500, `snapshot version ${snap.v}`);
    this.code = snap.code;
    this.hostHash = Buffer.from(snap.hostHash, "hex");
    this.classKey = snap.classKey;
    this.settings = snap.settings;
    this.state.phase = snap.phase;
    this.state.manualSplit = snap.manualSplit;
    this.state.villageCount = snap.villageCount;
    this.state.broadcast = snap.broadcast;
    this.state.broadcastId = snap.broadcastId;
    this.state.startedAt = snap.startedAt;
    this.villageRooms = snap.villageRooms;
    this.villageSeats = snap.villageSeats;
    this.nextStudent = snap.nextStudent;
    this.createdAt = snap.createdAt;
    this.endedAt = snap.endedAt;
    for (const s of snap.students) {
      const student: Student = { ...s, sessionId: null };
      this.students.set(student.id, student);
      this.studentByKey.set(student.key, student.id);
      this.state.students.set(student.id, studentRow(student, "away"));
    }
    for (const s of snap.kicked) {
      this.kickedKeys.set(s.key, { ...s, sessionId: null });
      this.state.host.kicked.push(studentRow(s, "kicked"));
    }
    for (const name of snap.allowedNames) this.allowedNames.add(name);
    for (const name of snap.allowedShown) this.state.host.allowedNames.push(name);
    for (const r of snap.refused) {
      const row = new RefusedNameSchema();
      row.name = r.name;
      row.reason = r.reason;
      this.state.host.refused.push(row);
    }
    // The board rows come back empty; each village fills its own at once with its report.
    for (let index = 0; index < this.villageRooms.length; index++) {
      const v = new ClassVillageSchema();
      v.index = index;
      this.state.villages.push(v);
    }
    // Lobby students who do not come back in the reconnection window leave the list, as after a drop.
    this.clock.setTimeout(() => {
      if (this.state.phase !== "lobby") return;
      for (const s of [...this.students.values()]) if (!s.sessionId) this.forget(s);
    }, RECONNECT_SECONDS * 1000);
  }

  /** A graceful stop (SIGTERM): the snapshot is written as things stand, then the room closes. */
  override onBeforeShutdown(): void {
    this.saveSnapshot();
    this.shuttingDown = true;
    super.onBeforeShutdown();
  }

  override async onJoin(client: Client, raw: unknown): Promise<void> {
    const parsed = classJoinSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new ServerError(400, ERROR_CODES.badMessage);
    const options = parsed.data;
    if (options.protocolVersion !== PROTOCOL_VERSION)
      throw new ServerError(400, ERROR_CODES.protocolMismatch);
    this.lastActivity = this.clock.currentTime;

    if (options.role === "host") {
      if (!secretMatches(options.hostSecret, this.hostHash)) throw new ServerError(403, ERROR_CODES.notHost);
      this.hostSessions.add(client.sessionId);
      client.view = new StateView();
      client.view.add(this.state.host);
      return;
    }

    if (this.kickedKeys.has(options.studentKey)) throw new ServerError(403, ERROR_CODES.kicked);
    const known = this.studentByKey.get(options.studentKey);
    let student = known ? this.students.get(known) : undefined;
    if (!student) {
      if (this.state.phase === "ended") throw new ServerError(400, ERROR_CODES.classEnded);
      const checked = checkName(options.name, { taken: this.takenNames(), allowed: this.allowedNames });
      if (!checked.ok) {
        if (checked.error === "nameRude") this.recordRefused(options.name, checked.error);
        throw new ServerError(400, checked.error);
      }
      student = {
        id: `k${this.nextStudent++}`,
        key: options.studentKey,
        name: checked.name,
        village: -1,
        sessionId: null,
        order: this.nextStudent,
      };
      this.students.set(student.id, student);
      this.studentByKey.set(student.key, student.id);
      const row = new StudentRow();
      row.id = student.id;
      row.name = student.name;
      this.state.students.set(student.id, row);
    }
    if (student.sessionId) this.studentBySession.delete(student.sessionId);
    student.sessionId = client.sessionId;
    this.studentBySession.set(client.sessionId, student.id);

    if (this.state.phase === "lobby") {
      this.setStatus(student.id, "lobby");
      if (student.village < 0) this.placeNewcomer(student);
    }
    // During play the student asks for their seat (`seat`) once its handlers are listening.
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    const id = this.studentBySession.get(client.sessionId);
    if (!id || code === CloseCode.WITH_ERROR || this.state.phase !== "lobby") return;
    this.setStatus(id, "away");
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override async onReconnect(client: Client): Promise<void> {
    const id = this.studentBySession.get(client.sessionId);
    const student = id ? this.students.get(id) : undefined;
    if (!student) return;
    if (this.state.phase === "lobby") this.setStatus(student.id, "lobby");
    // The game started while this phone was away: its seat is waiting.
    else if (this.state.phase === "playing") await this.sendSeat(client, student);
  }

  override onLeave(client: Client): void {
    this.hostSessions.delete(client.sessionId);
    const id = this.studentBySession.get(client.sessionId);
    this.studentBySession.delete(client.sessionId);
    if (!id) return;
    const student = this.students.get(id);
    if (student?.sessionId === client.sessionId) student.sessionId = null;
    // Leaving the lobby for good frees the name; during play the student lives on in their village.
    if (this.state.phase === "lobby" && student) this.forget(student);
  }

  override async onDispose(): Promise<void> {
    // Closed for good (not by a stop of the server): nothing to bring back.
    if (!this.shuttingDown) this.safely(() => store().deleteSnapshot(this.roomId));
    await this.presence.unsubscribe(classChannel(this.roomId), this.onReport);
    await releaseCode(this.presence, this.code);
  }

  override onUncaughtException(error: Error, methodName: string): void {
    console.error(`[kelas ${this.code}] ${methodName} failed:`, error);
  }

  // ——— host authority ———

  /**
   * A host message handler: the host secret (compared in constant time) from a teacher's
   * connection, then the zod schema; anything else gets a coded refusal and stays connected.
   */
  private hostHandler<N extends HostMessageName>(
    name: N,
    handler: (payload: z.output<(typeof hostMessageSchemas)[N]>) => Reply | Promise<Reply>,
  ) {
    return async (client: Client, raw: unknown): Promise<Reply> => {
      const secret = (raw as { hostSecret?: unknown } | null)?.hostSecret;
      const isHost = this.hostSessions.has(client.sessionId);
      if (!secretMatches(secret, this.hostHash) || !isHost) return { ok: false, error: ERROR_CODES.notHost };
      const parsed = hostMessageSchemas[name].safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          error: ERROR_CODES.badMessage,
          params: { field: parsed.error.issues[0]?.path.join(".") ?? "" },
        };
      }
      this.lastActivity = this.clock.currentTime;
      return handler(parsed.data as z.output<(typeof hostMessageSchemas)[N]>);
    };
  }

  // ——— lobby ———

  /** The class in the store (its report is given only to the holder of the host secret). */
  private saveMeta(): void {
    this.safely(() =>
      store().saveClass(
        {
          id: this.roomId,
          code: this.code,
          createdAt: this.createdAt,
          endedAt: this.endedAt || null,
          settings: { ...this.settings },
        },
        this.hostHash.toString("hex"),
      ),
    );
  }

  private saveStudents(students: Iterable<Student>): void {
    const records = [...students].map((s) => ({ studentId: s.id, name: s.name, village: s.village }));
    if (records.length > 0) this.safely(() => store().saveStudents(this.roomId, records));
  }

  /** Storage trouble is logged, never allowed to stop the class. */
  private safely(write: () => void): void {
    try {
      write();
    } catch (error) {
      console.error(`[kelas ${this.code}] could not save:`, error);
    }
  }

  private applySettings(): void {
    const s = this.settings;
    this.state.seasons = s.seasons;
    this.state.actionSeconds = s.actionSeconds;
    this.state.villageSize = s.villageSize;
    this.state.bots = s.bots;
    this.state.lang = s.lang;
    this.state.difficulty = s.difficulty;
    this.state.openAllForms = s.openAllForms;
  }

  private changeSettings(change: Partial<ClassSettings>): Reply {
    if (this.state.phase !== "lobby") return { ok: false, error: ERROR_CODES.classStarted };
    const sizeChanged = change.villageSize !== undefined && change.villageSize !== this.settings.villageSize;
    this.settings = { ...this.settings, ...change };
    this.applySettings();
    this.saveMeta();
    if (sizeChanged && !this.state.manualSplit) this.split();
    return { ok: true };
  }

  private takenNames(except?: string): string[] {
    const keys: string[] = [];
    for (const s of this.students.values()) if (s.id !== except) keys.push(nameKey(s.name));
    return keys;
  }

  private recordRefused(name: string, reason: string): void {
    const shown = cleanName(name).slice(0, 40);
    const refused = this.state.host.refused;
    if (refused.some((r) => nameKey(r.name) === nameKey(shown))) return;
    const row = new RefusedNameSchema();
    row.name = shown;
    row.reason = reason;
    refused.push(row);
    while (refused.length > REFUSED_KEPT) refused.shift();
  }

  /** Set a student's status on the synced list (if they are still on it). */
  private setStatus(id: string, status: string): void {
    const row = this.state.students.get(id);
    if (row && row.status !== status) row.status = status;
  }

  private lobbyStudents(): Student[] {
    return [...this.students.values()].sort((a, b) => a.order - b.order);
  }

  /** Automatic split of everyone in join order (villages of at most the chosen size). */
  private split(): void {
    const villages = autoSplit(this.lobbyStudents(), this.settings.villageSize);
    villages.forEach((members, index) => {
      for (const s of members) this.setVillage(s, index);
    });
    this.state.villageCount = this.students.size === 0 ? 0 : villages.length;
  }

  /** A newcomer in the lobby: the automatic split, or (after a manual move) the smallest village with room. */
  private placeNewcomer(student: Student): void {
    if (!this.state.manualSplit) {
      this.split();
      return;
    }
    const sizes = Array.from({ length: this.state.villageCount }, () => 0);
    for (const s of this.students.values())
      if (s.village >= 0) sizes[s.village] = (sizes[s.village] ?? 0) + 1;
    let best = -1;
    sizes.forEach((n, i) => {
      if (n < this.settings.villageSize && (best < 0 || n < sizes[best]!)) best = i;
    });
    if (best < 0) best = sizes.length;
    this.setVillage(student, best);
    this.state.villageCount = Math.max(this.state.villageCount, best + 1);
  }

  private setVillage(student: Student, village: number): void {
    student.village = village;
    const row = this.state.students.get(student.id);
    if (row && row.village !== village) row.village = village;
  }

  private forget(student: Student): void {
    this.students.delete(student.id);
    this.studentByKey.delete(student.key);
    this.state.students.delete(student.id);
    if (!this.state.manualSplit) this.split();
    else this.compactVillages();
  }

  /** Drop empty villages from a manual split (the lobby never shows an empty "Desa 3"). */
  private compactVillages(): void {
    const used = [...new Set([...this.students.values()].map((s) => s.village))].filter((v) => v >= 0);
    used.sort((a, b) => a - b);
    for (const s of this.students.values()) this.setVillage(s, used.indexOf(s.village));
    this.state.villageCount = used.length;
  }

  private kick(studentId: string): Reply {
    const student = this.students.get(studentId);
    if (!student) return { ok: false, error: ERROR_CODES.unknownStudent };
    this.kickedKeys.set(student.key, student);
    this.state.host.kicked.push(studentRow(student, "kicked"));
    const session = student.sessionId;
    if (session) {
      this.studentBySession.delete(session);
      this.clients.getById(session)?.leave(CLOSE_KICKED, ERROR_CODES.kicked);
    }
    if (this.state.phase !== "lobby")
      void this.tellVillage(student.village, { type: "remove", key: student.key });
    this.students.delete(student.id);
    this.studentByKey.delete(student.key);
    this.state.students.delete(student.id);
    if (this.state.phase === "lobby") {
      if (!this.state.manualSplit) this.split();
      else this.compactVillages();
    }
    return { ok: true };
  }

  private allowStudent(studentId: string): Reply {
    const kicked = this.state.host.kicked;
    const index = kicked.findIndex((r) => r.id === studentId);
    if (index < 0) return { ok: false, error: ERROR_CODES.unknownStudent };
    for (const [key, s] of this.kickedKeys) if (s.id === studentId) this.kickedKeys.delete(key);
    kicked.splice(index, 1);
    return { ok: true };
  }

  private rename(studentId: string, name: string): Reply {
    const student = this.students.get(studentId);
    if (!student) return { ok: false, error: ERROR_CODES.unknownStudent };
    // The teacher's own choice of name skips the rude-word filter, not the other name rules.
    const checked = checkName(name, { taken: this.takenNames(studentId), allowed: [nameKey(name)] });
    if (!checked.ok) return { ok: false, error: checked.error };
    student.name = checked.name;
    const row = this.state.students.get(studentId);
    if (row) row.name = checked.name;
    if (this.state.phase !== "lobby") {
      void this.tellVillage(student.village, { type: "rename", key: student.key, name: checked.name });
      this.saveStudents([student]);
    }
    return { ok: true };
  }

  private allowName(name: string): Reply {
    const key = nameKey(name);
    if (!key) return { ok: false, error: ERROR_CODES.nameTooShort };
    this.allowedNames.add(key);
    this.state.host.allowedNames.push(cleanName(name).slice(0, 40));
    const refused = this.state.host.refused;
    const index = refused.findIndex((r) => nameKey(r.name) === key);
    if (index >= 0) refused.splice(index, 1);
    return { ok: true };
  }

  private move(studentId: string, village: number): Reply {
    if (this.state.phase !== "lobby") return { ok: false, error: ERROR_CODES.classStarted };
    const student = this.students.get(studentId);
    if (!student) return { ok: false, error: ERROR_CODES.unknownStudent };
    if (village > this.state.villageCount) return { ok: false, error: ERROR_CODES.unknownVillage };
    this.state.manualSplit = true;
    this.setVillage(student, village);
    this.compactVillages();
    return { ok: true };
  }

  private resplit(): Reply {
    if (this.state.phase !== "lobby") return { ok: false, error: ERROR_CODES.classStarted };
    this.state.manualSplit = false;
    this.split();
    return { ok: true };
  }

  // ——— play ———

  private async start(): Promise<Reply> {
    if (this.state.phase !== "lobby") return { ok: false, error: ERROR_CODES.classStarted };
    if (this.students.size === 0) return { ok: false, error: ERROR_CODES.noStudents };
    this.state.phase = "playing";
    this.state.startedAt = this.clock.currentTime;
    const groups: Student[][] = Array.from({ length: this.state.villageCount }, () => []);
    for (const s of this.lobbyStudents()) groups[s.village]?.push(s);
    try {
      for (const [index, members] of groups.entries()) await this.openVillage(index, members.length);
    } catch (error) {
      console.error(`[kelas ${this.code}] could not open the villages:`, error);
      return { ok: false, error: ERROR_CODES.villageUnavailable };
    }
    this.saveStudents(this.students.values());
    await Promise.all(
      [...this.students.values()].map(async (s) => {
        const client = s.sessionId ? this.clients.getById(s.sessionId) : undefined;
        if (client) await this.sendSeat(client, s);
      }),
    );
    return { ok: true };
  }

  /**
   * Create village `index` in this process, like the class itself: when scaled out, students still
   * reach it from any process (its seats carry this process's public address), and the class's
   * whole record (villages, quizzes) stays in this process's store, where its report is read.
   */
  private async openVillage(index: number, humans: number): Promise<void> {
    const seats = seatsFor(humans, this.settings.villageSize, this.settings.bots);
    const classInfo: ClassVillageInfo = {
      classRoomId: this.roomId,
      classKey: this.classKey,
      index,
      seats,
      seasons: this.settings.seasons,
    };
    const listing = await matchMaker.handleCreateRoom(VILLAGE_ROOM, {
      protocolVersion: PROTOCOL_VERSION,
      difficulty: this.settings.difficulty,
      actionSeconds: this.settings.actionSeconds,
      openAllForms: this.settings.openAllForms,
      classInfo,
    });
    this.villageRooms[index] = listing.roomId;
    this.villageSeats[index] = seats;
    while (this.state.villages.length <= index) {
      const v = new ClassVillageSchema();
      v.index = this.state.villages.length;
      this.state.villages.push(v);
    }
    this.state.villageCount = Math.max(this.state.villageCount, index + 1);
  }

  /** Reserve the student's seat in their village (or a late joiner's) and tell their browser. */
  /** Reserve the student's seat and send it (a failure is sent as `seatError`). */
  private async sendSeat(client: Client, student: Student): Promise<void> {
    const seat = await this.reserveSeat(student);
    if ("reservation" in seat) client.send("seat", seat);
    else client.send("seatError", seat);
  }

  /** The seat of a student in their village (a late joiner's: a bot's seat, or a new village). */
  private async reserveSeat(student: Student): Promise<SeatMessage | { error: string }> {
    try {
      if (student.village < 0 || !this.villageRooms[student.village] || this.villageEnded(student.village)) {
        student.village = await this.villageForLateJoiner();
      }
      const listing = await matchMaker.getRoomById(this.villageRooms[student.village]!);
      if (!listing) throw new Error("village gone");
      const reservation = await matchMaker.reserveSeatFor(
        listing,
        { protocolVersion: PROTOCOL_VERSION },
        { classKey: this.classKey, studentKey: student.key, studentId: student.id, name: student.name },
      );
      this.setVillage(student, student.village);
      this.setStatus(student.id, "village");
      this.saveStudents([student]);
      return { reservation, village: student.village };
    } catch (error) {
      console.error(`[kelas ${this.code}] no seat for ${student.id}:`, error);
      return { error: ERROR_CODES.villageUnavailable };
    }
  }

  private villageEnded(index: number): boolean {
    return this.state.villages[index]?.phase === "ended";
  }

  private async villageForLateJoiner(): Promise<number> {
    const humans = this.villageRooms.map(() => 0);
    for (const s of this.students.values())
      if (s.village >= 0 && s.village < humans.length) humans[s.village]!++;
    const choice = villageForLateJoiner(
      this.villageRooms.map((_, index) => ({
        index,
        humans: humans[index]!,
        seats: this.villageSeats[index]!,
        ended: this.villageEnded(index),
      })),
    );
    if (choice !== null) return choice;
    // Every seat is a student's: a new village opens for late joiners (bots keep it going).
    const index = this.villageRooms.length;
    const saved = this.settings.bots;
    this.settings.bots = true;
    try {
      await this.openVillage(index, 1);
    } finally {
      this.settings.bots = saved;
    }
    return index;
  }

  /** Send a command to one village or all of them; the reply says whether every one took it. */
  private async command(command: ClassCommand, village?: number): Promise<Reply> {
    if (this.state.phase === "lobby") return { ok: false, error: ERROR_CODES.classNotStarted };
    if (this.state.phase === "ended") return { ok: false, error: ERROR_CODES.classEnded };
    const targets = village === undefined ? this.villageRooms.map((_, i) => i) : [village];
    if (targets.some((i) => !this.villageRooms[i])) return { ok: false, error: ERROR_CODES.unknownVillage };
    const results = await Promise.all(targets.map((i) => this.tellVillage(i, command)));
    if (command.type === "end" && village === undefined) this.endClass();
    return results.every(Boolean) ? { ok: true } : { ok: false, error: ERROR_CODES.villageUnavailable };
  }

  private async tellVillage(index: number, command: ClassCommand): Promise<boolean> {
    const roomId = this.villageRooms[index];
    if (!roomId) return false;
    try {
      await matchMaker.remoteRoomCall(roomId, "classCommand", [this.classKey, command]);
      return true;
    } catch (error) {
      console.error(`[kelas ${this.code}] village ${index} did not take ${command.type}:`, error);
      return false;
    }
  }

  private async sendBroadcast(text: string): Promise<Reply> {
    const clean = cleanName(text).slice(0, BROADCAST_MAX);
    if (!clean) return { ok: false, error: ERROR_CODES.badMessage, params: { field: "text" } };
    this.state.broadcast = clean;
    this.state.broadcastId = (this.state.broadcastId + 1) % 65_536;
    if (this.state.phase === "playing") {
      await Promise.all(
        this.villageRooms.map((_, i) => this.tellVillage(i, { type: "broadcast", text: clean })),
      );
    }
    return { ok: true };
  }

  /** A village's report on the presence channel: its board summary and its students' seats. */
  private applyReport(report: VillageReport): void {
    if (!secretMatches(report.classKey, hashSecret(this.classKey))) return;
    const v = this.state.villages[report.index];
    if (!v) return;
    syncBoard(v, report.board);
    this.updateStudentsFrom(report.board);
    if (this.state.phase === "playing" && this.villageRooms.every((_, i) => this.villageEnded(i)))
      this.endClass();
  }

  private updateStudentsFrom(board: VillageBoard): void {
    for (const p of board.players) {
      const row = p.studentId ? this.state.students.get(p.studentId) : undefined;
      if (!row) continue;
      const status = p.connected ? "village" : "away";
      if (row.status !== status) row.status = status;
      if (row.idleWindows !== p.idleWindows) row.idleWindows = p.idleWindows;
    }
  }

  /** The class is over: its code stops working, and the room closes a while after. */
  private endClass(): void {
    if (this.state.phase === "ended") return;
    this.state.phase = "ended";
    this.endedAt = this.clock.currentTime;
    this.safely(() => store().endClass(this.roomId, this.endedAt));
    void releaseCode(this.presence, this.code);
  }

  /**
   * A village that is gone without reporting its end (its room failed, or it could not be
   * restored) counts as ended, so the class does not stay "playing" for ever.
   */
  private async checkVillages(): Promise<void> {
    for (const [index, roomId] of this.villageRooms.entries()) {
      const row = this.state.villages[index];
      if (!row || row.phase === "ended") continue;
      if (!(await matchMaker.getRoomById(roomId))) row.phase = "ended";
    }
    if (this.state.phase === "playing" && this.villageRooms.every((_, i) => this.villageEnded(i)))
      this.endClass();
  }

  private housekeeping(): void {
    if (this.state.phase === "playing") void this.checkVillages();
    const now = this.clock.currentTime;
    const ended = this.state.phase === "ended" && now - this.endedAt > CLASS_LINGER_MS;
    const abandoned = this.clients.length === 0 && now - this.lastActivity > EMPTY_CLASS_MS;
    if (this.clients.length > 0) this.lastActivity = now;
    if (ended || (abandoned && this.state.phase !== "playing")) {
      for (const c of this.clients) c.leave(CLOSE_CLASS_ENDED);
      this.disconnect();
    }
  }

  /** Read-only views for tests. */
  get villageRoomIds(): readonly string[] {
    return this.villageRooms;
  }
}

/** A student's row on the synced list. */
function studentRow(student: Pick<Student, "id" | "name" | "village">, status: string): StudentRow {
  const row = new StudentRow();
  row.id = student.id;
  row.name = student.name;
  row.village = student.village;
  row.status = status;
  return row;
}
