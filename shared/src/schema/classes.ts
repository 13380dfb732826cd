/**
 * The synced state: Colyseus schema classes that the server fills from the rules' GameState and
 * clients decode. Only what players may see lives here; a player's hand is tagged `.view()` so that
 * only its owner (through StateView) receives it. Nothing here holds rules: `syncVillage` copies.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";

export const PlayerSchema = schema(
  {
    id: t.string(),
    name: t.string(),
    role: t.string(),
    seat: t.uint8(),
    isBot: t.boolean(),
    connected: t.boolean(),
    tenaga: t.uint8(),
    krisis: t.boolean(),
    hungry: t.boolean(),
    houseDamaged: t.boolean(),
    done: t.boolean(),
    trustKept: t.uint16(),
    trustBroken: t.uint16(),
    contributed: t.uint16(),
    location: t.string(),
    /** Private hand: only the owner's view receives these. */
    beras: t.uint16().view(),
    kayu: t.uint16().view(),
    batu: t.uint16().view(),
    uang: t.uint16().view(),
  },
  "Player",
);
export type PlayerSchema = SchemaType<typeof PlayerSchema>;

export const ProjectSchema = schema(
  {
    id: t.string(),
    kind: t.string(),
    status: t.string(),
    stage: t.uint8(),
    labour: t.uint8(),
    labourNeeded: t.uint8(),
    minVillagers: t.uint8(),
    labourers: t.uint8(),
    beras: t.uint8(),
    kayu: t.uint8(),
    batu: t.uint8(),
    uang: t.uint8(),
    needBeras: t.uint8(),
    needKayu: t.uint8(),
    needBatu: t.uint8(),
    needUang: t.uint8(),
    helpers: t.array("string"),
    ownerId: t.string(),
    deadlineSeason: t.uint8(),
  },
  "Project",
);
export type ProjectSchema = SchemaType<typeof ProjectSchema>;

export const LogEntrySchema = schema(
  {
    seq: t.uint32(),
    form: t.string(),
    season: t.uint8(),
    actors: t.array("string"),
    key: t.string(),
    /** JSON of the text parameters. */
    params: t.string(),
  },
  "LogEntry",
);
export type LogEntrySchema = SchemaType<typeof LogEntrySchema>;

export const NewsSchema = schema(
  { seq: t.uint32(), season: t.uint8(), kind: t.string(), key: t.string(), params: t.string() },
  "News",
);
export type NewsSchema = SchemaType<typeof NewsSchema>;

export const VillageState = schema(
  {
    code: t.string(),
    season: t.uint8(),
    seasons: t.uint8(),
    phase: t.string(),
    /** Server epoch ms at which the phase ends (clients correct for clock offset). */
    phaseEndsAt: t.float64(),
    difficulty: t.string(),
    welfare: t.uint8(),
    harmony: t.uint8(),
    unity: t.uint8(),
    flooded: t.boolean(),
    /** What the coming seasons bring: forecast[0] is this season, then up to two ahead. */
    forecast: t.array("string"),
    players: t.map(PlayerSchema),
    projects: t.map(ProjectSchema),
    log: t.array(LogEntrySchema),
    news: t.array(NewsSchema),
    won: t.boolean(),
    stars: t.uint8(),
    /** JSON array of TextRefs explaining the result. */
    resultReasons: t.string(),
  },
  "VillageState",
);
export type VillageState = SchemaType<typeof VillageState>;

