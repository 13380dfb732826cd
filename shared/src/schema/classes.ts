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
    /** Labour given this season (for the bridge's per-season cap). */
    labourThisSeason: t.uint8().default(0),
    /** seatId → labour units given (public: the village sees who works; each has a per-villager cap). */
    labourBy: t.map("uint8"),
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

/** A bargaining offer (public in the village: everyone sees that two villagers are bargaining). */
export const OfferSchema = schema(
  {
    id: t.string().default(""),
    from: t.string().default(""),
    to: t.string().default(""),
    status: t.string().default(""),
    season: t.uint8().default(0),
    threadId: t.string().default(""),
    parentId: t.string().default(""),
    giveBeras: t.uint16().default(0),
    giveKayu: t.uint16().default(0),
    giveBatu: t.uint16().default(0),
    giveUang: t.uint16().default(0),
    getBeras: t.uint16().default(0),
    getKayu: t.uint16().default(0),
    getBatu: t.uint16().default(0),
    getUang: t.uint16().default(0),
    /** The maker still holds what it gives (public, see docs/decisions.md): accepting can work. */
    backed: t.boolean().default(false),
  },
  "Offer",
);
export type OfferSchema = SchemaType<typeof OfferSchema>;

/** A musyawarah (vote). Votes are public: deliberation happens in the open. */
export const VoteSchema = schema(
  {
    id: t.string().default(""),
    topic: t.string().default(""),
    proposer: t.string().default(""),
    season: t.uint8().default(0),
    projectId: t.string().default(""),
    playerId: t.string().default(""),
    position: t.string().default(""),
    status: t.string().default(""),
    /** seatId → "yes" | "no". */
    votes: t.map("string"),
  },
  "Vote",
);
export type VoteSchema = SchemaType<typeof VoteSchema>;

export const CoalitionSchema = schema(
  {
    id: t.string().default(""),
    goal: t.string().default(""),
    proposer: t.string().default(""),
    status: t.string().default(""),
    deadlineSeason: t.uint8().default(0),
    members: t.array("string"),
    leftEarly: t.array("string"),
    poolBeras: t.uint16().default(0),
    poolKayu: t.uint16().default(0),
    poolBatu: t.uint16().default(0),
    poolUang: t.uint16().default(0),
    needBeras: t.uint16().default(0),
    needKayu: t.uint16().default(0),
    needBatu: t.uint16().default(0),
    needUang: t.uint16().default(0),
  },
  "Coalition",
);
export type CoalitionSchema = SchemaType<typeof CoalitionSchema>;

export const VentureSchema = schema(
  {
    id: t.string().default(""),
    kind: t.string().default(""),
    proposer: t.string().default(""),
    partner: t.string().default(""),
    status: t.string().default(""),
    proposerShare: t.uint8().default(0),
    seasonsLeft: t.uint8().default(0),
    paidSeasons: t.uint8().default(0),
    stalledSeasons: t.uint8().default(0),
    /** JSON bundles of each side's capital. */
    proposerCapital: t.string().default("{}"),
    partnerCapital: t.string().default("{}"),
    workedThisSeason: t.array("string"),
    /** The proposer still holds its capital (public, like an offer's `backed`). */
    backed: t.boolean().default(false),
  },
  "Venture",
);
export type VentureSchema = SchemaType<typeof VentureSchema>;

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
    /** The teacher paused the village (the countdown stands still). */
    paused: t.boolean().default(false),
    pausedRemainingMs: t.uint32().default(0),
    /** The teacher's latest message to every screen, and a counter that changes with each message. */
    broadcast: t.string().default(""),
    broadcastId: t.uint16().default(0),
    /** In a class: the village's number on the teacher's board (Desa 1, 2 …); 0 outside a class. */
    villageNumber: t.uint8().default(0),
    /** What the coming seasons bring: forecast[0] is this season, then up to two ahead. */
    forecast: t.array("string"),
    players: t.map(PlayerSchema),
    projects: t.map(ProjectSchema),
    log: t.array(LogEntrySchema),
    /** This season's offers (older ones are dropped from the synced state). */
    offers: t.map(OfferSchema),
    /** Agreed harga gabah (beras per uang), 0 while not agreed. */
    ricePrice: t.uint8().default(0),
    /** Season of the harga gabah talk. */
    ricePriceSeason: t.uint8().default(0),
    /** The price on the table and who proposed it ("" when none). */
    ricePriceProposal: t.uint8().default(0),
    ricePriceProposer: t.string().default(""),
    /** Every proposal so far, as "seatId:price". */
    ricePriceHistory: t.array("string"),
    openAllForms: t.boolean().default(false),
    /** The tokoh pemuda: "absent", "outside" or "coopted"; his unrest 0–100. */
    tokohStatus: t.string().default("absent"),
    tokohUnrest: t.uint8().default(0),
    tokohPosition: t.string().default(""),
    tokohProjectId: t.string().default(""),
    /** The project his protest blocks this season ("" for none). */
    blockedProjectId: t.string().default(""),
    priorityProjectId: t.string().default(""),
    votes: t.map(VoteSchema),
    coalitions: t.map(CoalitionSchema),
    ventures: t.map(VentureSchema),
    /** projectId → comma-separated seat ids of its committee. */
    committees: t.map("string"),
    news: t.array(NewsSchema),
    won: t.boolean().default(false),
    stars: t.uint8().default(0),
    endedEarly: t.boolean().default(false),
    /** JSON array of TextRefs explaining the result. */
    resultReasons: t.string().default(""),
  },
  "VillageState",
);
export type VillageState = SchemaType<typeof VillageState>;
