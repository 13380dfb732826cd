/**
 * The synced state of a class room: the lobby (students and their villages), the settings, and the
 * live board (one summary per village, sent by the village rooms). Students in the lobby see this
 * too; what only the teacher may see (refused names, removed students) is in `host`, tagged `.view()`.
 * No secret lives here: the host secret and the students' device keys stay in the room.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import type { VillageBoard } from "../rules/classroom.ts";

export const ClassStudentSchema = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    /** Index of the student's village (-1: none yet). */
    village: t.int8().default(-1),
    /** "lobby" (waiting), "village" (playing), "away" (connection gone). */
    status: t.string().default("lobby"),
    /** Action windows in a row without a move (0 while active). */
    idleWindows: t.uint8().default(0),
  },
  "ClassStudent",
);
export type ClassStudentSchema = SchemaType<typeof ClassStudentSchema>;

export const BoardPlayerSchema = schema(
  {
    seatId: t.string().default(""),
    name: t.string().default(""),
    /** The class's student id ("" for a bot seat). */
    studentId: t.string().default(""),
    isBot: t.boolean().default(false),
    connected: t.boolean().default(false),
    krisis: t.boolean().default(false),
    contributed: t.uint16().default(0),
    idleWindows: t.uint8().default(0),
  },
  "BoardPlayer",
);
export type BoardPlayerSchema = SchemaType<typeof BoardPlayerSchema>;

export const BoardProjectSchema = schema(
  {
    kind: t.string().default(""),
    status: t.string().default(""),
    percent: t.uint8().default(0),
  },
  "BoardProject",
);
export type BoardProjectSchema = SchemaType<typeof BoardProjectSchema>;

export const ClassVillageSchema = schema(
  {
    index: t.uint8().default(0),
    /** "waiting" until the village room exists, then the game's phase. */
    phase: t.string().default("waiting"),
    season: t.uint8().default(0),
    seasons: t.uint8().default(0),
    paused: t.boolean().default(false),
    welfare: t.uint8().default(0),
    harmony: t.uint8().default(0),
    unity: t.uint8().default(0),
    projects: t.array(BoardProjectSchema),
    players: t.array(BoardPlayerSchema),
    alerts: t.array("string"),
    won: t.boolean().default(false),
    stars: t.uint8().default(0),
    endedEarly: t.boolean().default(false),
  },
  "ClassVillage",
);
export type ClassVillageSchema = SchemaType<typeof ClassVillageSchema>;

export const RefusedNameSchema = schema(
  {
    name: t.string().default(""),
    reason: t.string().default(""),
  },
  "RefusedName",
);
export type RefusedNameSchema = SchemaType<typeof RefusedNameSchema>;

/** Only the teacher's connections receive this part (StateView). */
export const ClassHostSchema = schema(
  {
    /** Names the filter refused, newest last: the teacher can allow one. */
    refused: t.array(RefusedNameSchema),
    /** Students the teacher removed (they cannot rejoin until allowed). */
    kicked: t.array(ClassStudentSchema),
    /** Names the teacher allowed despite the filter. */
    allowedNames: t.array("string"),
  },
  "ClassHost",
);
export type ClassHostSchema = SchemaType<typeof ClassHostSchema>;

export const ClassState = schema(
  {
    code: t.string().default(""),
    /** "lobby" → "playing" → "ended". */
    phase: t.string().default("lobby"),
    seasons: t.uint8().default(0),
    actionSeconds: t.uint16().default(0),
    villageSize: t.uint8().default(0),
    bots: t.boolean().default(true),
    lang: t.string().default("id"),
    difficulty: t.string().default("sedang"),
    openAllForms: t.boolean().default(false),
    /** True once the teacher moved a student by hand (new students then fill the smallest village). */
    manualSplit: t.boolean().default(false),
    /** How many villages the class has (in the lobby: the split so far). */
    villageCount: t.uint8().default(0),
    students: t.map(ClassStudentSchema),
    villages: t.array(ClassVillageSchema),
    broadcast: t.string().default(""),
    broadcastId: t.uint16().default(0),
    /** Server epoch ms when the game started (0 in the lobby). */
    startedAt: t.float64().default(0),
    host: t.ref(ClassHostSchema).view(),
  },
  "ClassState",
);
export type ClassState = SchemaType<typeof ClassState>;

/** Copy a village's board summary into its synced entry (only changed fields are sent). */
export function syncBoard(target: ClassVillageSchema, board: VillageBoard): void {
  const set = <K extends keyof ClassVillageSchema>(key: K, value: ClassVillageSchema[K]) => {
    if (target[key] !== value) target[key] = value;
  };
  set("phase", board.phase);
  set("season", board.season);
  set("seasons", board.seasons);
  set("paused", board.paused);
  set("welfare", board.welfare);
  set("harmony", board.harmony);
  set("unity", board.unity);
  set("won", board.won);
  set("stars", board.stars);
  set("endedEarly", board.endedEarly);
  const alerts = board.alerts.join(",");
  if (target.alerts.join(",") !== alerts) {
    target.alerts.clear();
    target.alerts.push(...board.alerts);
  }
  board.projects.forEach((p, i) => {
    let s = target.projects[i];
    if (!s) {
      s = new BoardProjectSchema();
      target.projects.push(s);
    }
    if (s.kind !== p.kind) s.kind = p.kind;
    if (s.status !== p.status) s.status = p.status;
    if (s.percent !== p.percent) s.percent = p.percent;
  });
  while (target.projects.length > board.projects.length) target.projects.pop();
  board.players.forEach((p, i) => {
    let s = target.players[i];
    if (!s) {
      s = new BoardPlayerSchema();
      target.players.push(s);
    }
    for (const [key, value] of Object.entries(p)) {
      const row = s as unknown as Record<string, unknown>;
      if (row[key] !== value) row[key] = value;
    }
  });
  while (target.players.length > board.players.length) target.players.pop();
}
