/**
 * The synced state: Colyseus schema classes that the server fills from the rules' GameState and
 * clients decode. Only what players may see lives here; a player's hand is tagged `.view()` so that
 * only its owner (through StateView) receives it. Nothing here holds rules: `syncVillage` copies.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";

export const PlayerSchema = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    role: t.string().default(""),
    seat: t.uint8().default(0),
    isBot: t.boolean().default(false),
    connected: t.boolean().default(false),
    tenaga: t.uint8().default(0),
    krisis: t.boolean().default(false),
    hungry: t.boolean().default(false),
    houseDamaged: t.boolean().default(false),
    done: t.boolean().default(false),
    trustKept: t.uint16().default(0),
    trustBroken: t.uint16().default(0),
    contributed: t.uint16().default(0),
    location: t.string().default(""),
    /** Private hand: only the owner's view receives these. */
    beras: t.uint16().default(0).view(),
    kayu: t.uint16().default(0).view(),
    batu: t.uint16().default(0).view(),
    uang: t.uint16().default(0).view(),
  },
  "Player",
);
export type PlayerSchema = SchemaType<typeof PlayerSchema>;

export const ProjectSchema = schema(
  {
    id: t.string().default(""),
    kind: t.string().default(""),
    status: t.string().default(""),
    stage: t.uint8().default(0),
    labour: t.uint8().default(0),
    labourNeeded: t.uint8().default(0),
    minVillagers: t.uint8().default(0),
    labourers: t.uint8().default(0),
    beras: t.uint8().default(0),
    kayu: t.uint8().default(0),
    batu: t.uint8().default(0),
    uang: t.uint8().default(0),
    needBeras: t.uint8().default(0),
    needKayu: t.uint8().default(0),
    needBatu: t.uint8().default(0),
    needUang: t.uint8().default(0),
    helpers: t.array("string"),
    ownerId: t.string().default(""),
    deadlineSeason: t.uint8().default(0),
  },
  "Project",
);
export type ProjectSchema = SchemaType<typeof ProjectSchema>;

export const LogEntrySchema = schema(
  {
    seq: t.uint32().default(0),
    form: t.string().default(""),
    season: t.uint8().default(0),
    actors: t.array("string"),
    key: t.string().default(""),
    /** JSON of the text parameters. */
    params: t.string().default(""),
  },
  "LogEntry",
);
export type LogEntrySchema = SchemaType<typeof LogEntrySchema>;

export const NewsSchema = schema(
  {
    seq: t.uint32().default(0),
    season: t.uint8().default(0),
    kind: t.string().default(""),
    key: t.string().default(""),
    params: t.string().default(""),
  },
  "News",
);
export type NewsSchema = SchemaType<typeof NewsSchema>;

export const VillageState = schema(
  {
    code: t.string().default(""),
    season: t.uint8().default(0),
    seasons: t.uint8().default(0),
    phase: t.string().default(""),
    /** Server epoch ms at which the phase ends (clients correct for clock offset). */
    phaseEndsAt: t.float64().default(0),
    difficulty: t.string().default(""),
    welfare: t.uint8().default(0),
    harmony: t.uint8().default(0),
    unity: t.uint8().default(0),
    flooded: t.boolean().default(false),
    /** What the coming seasons bring: forecast[0] is this season, then up to two ahead. */
    forecast: t.array("string"),
    players: t.map(PlayerSchema),
    projects: t.map(ProjectSchema),
    log: t.array(LogEntrySchema),
    news: t.array(NewsSchema),
    won: t.boolean().default(false),
    stars: t.uint8().default(0),
    /** JSON array of TextRefs explaining the result. */
    resultReasons: t.string().default(""),
  },
  "VillageState",
);
export type VillageState = SchemaType<typeof VillageState>;
