import { z } from "zod";
import { COALITION_GOALS, TOKOH_POSITIONS, VENTURE_KINDS, VOTE_TOPICS } from "../content/partnerships.ts";
import { RESOURCES } from "../content/resources.ts";
import { SITE_IDS } from "../content/sites.ts";
import type { Action } from "../rules/types.ts";

/** Bumped whenever a message or the synced state changes shape; checked at join. */
export const PROTOCOL_VERSION = 3;

/** Message names (the design's protocol vocabulary). */
export const MSG = {
  gather: "gather",
  contribute: "contribute",
  giveAid: "giveAid",
  done: "done",
  offerTrade: "offerTrade",
  counterTrade: "counterTrade",
  acceptTrade: "acceptTrade",
  rejectTrade: "rejectTrade",
  cancelTrade: "cancelTrade",
  tradeWithMarket: "tradeWithMarket",
  proposeRicePrice: "proposeRicePrice",
  acceptRicePrice: "acceptRicePrice",
  proposeVote: "proposeVote",
  castVote: "castVote",
  proposeCoalition: "proposeCoalition",
  joinCoalition: "joinCoalition",
  pledgeCoalition: "pledgeCoalition",
  leaveCoalition: "leaveCoalition",
  proposeVenture: "proposeVenture",
  acceptVenture: "acceptVenture",
  workVenture: "workVenture",
} as const;
export type MessageName = (typeof MSG)[keyof typeof MSG];

const MAX_UNITS = 99;
const amount = z.number().int().min(0).max(MAX_UNITS);
export const bundleSchema = z
  .strictObject(
    Object.fromEntries(RESOURCES.map((r) => [r, amount.optional()])) as Record<
      (typeof RESOURCES)[number],
      z.ZodOptional<typeof amount>
    >,
  )
  .describe("resources by name, whole numbers 0–99");

const tenaga = z.number().int().min(0).max(20);
const id = z.string().min(1).max(64);

/** zod schema of every client message, keyed by message name. */
export const messageSchemas = {
  gather: z.strictObject({ site: z.enum(SITE_IDS), tenaga: tenaga.min(1).default(1) }),
  contribute: z.strictObject({ projectId: id, tenaga: tenaga.default(0), give: bundleSchema.default({}) }),
  giveAid: z.strictObject({ to: id, give: bundleSchema }),
  done: z.strictObject({}),
  offerTrade: z.strictObject({ to: id, give: bundleSchema, get: bundleSchema }),
  counterTrade: z.strictObject({ offerId: id, give: bundleSchema, get: bundleSchema }),
  acceptTrade: z.strictObject({ offerId: id }),
  rejectTrade: z.strictObject({ offerId: id }),
  cancelTrade: z.strictObject({ offerId: id }),
  tradeWithMarket: z.strictObject({
    give: z.enum(RESOURCES),
    get: z.enum(RESOURCES),
    amount: z.number().int().min(1).max(MAX_UNITS),
  }),
  proposeRicePrice: z.strictObject({ price: z.number().int().min(1).max(MAX_UNITS) }),
  acceptRicePrice: z.strictObject({}),
  proposeVote: z.strictObject({
    topic: z.enum(VOTE_TOPICS),
    projectId: id.optional(),
    playerId: id.optional(),
    position: z.enum(TOKOH_POSITIONS).optional(),
  }),
  castVote: z.strictObject({ voteId: id, choice: z.enum(["yes", "no"]) }),
  proposeCoalition: z.strictObject({ goal: z.enum(COALITION_GOALS) }),
  joinCoalition: z.strictObject({ coalitionId: id }),
  pledgeCoalition: z.strictObject({ coalitionId: id, give: bundleSchema }),
  leaveCoalition: z.strictObject({ coalitionId: id }),
  proposeVenture: z.strictObject({
    to: id,
    kind: z.enum(VENTURE_KINDS),
    give: bundleSchema,
    ask: bundleSchema,
    share: z.number().int().min(0).max(100),
  }),
  acceptVenture: z.strictObject({ ventureId: id }),
  workVenture: z.strictObject({ ventureId: id }),
} as const;

export type MessagePayload<N extends MessageName> = z.input<(typeof messageSchemas)[N]>;

/** Turn a validated message into the rules' action. */
export function toAction<N extends MessageName>(
  name: N,
  payload: z.output<(typeof messageSchemas)[N]>,
): Action {
  return { type: name, ...payload } as Action;
}

export type ParsedAction = { ok: true; action: Action } | { ok: false; field: string };

/**
 * Validate a raw client message of type `name` and turn it into the rules' action.
 * On failure, names the first field that is wrong (for the error reply).
 */
export function parseAction(name: MessageName, raw: unknown): ParsedAction {
  const parsed = messageSchemas[name].safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, field: parsed.error.issues[0]?.path.join(".") ?? "" };
  return { ok: true, action: toAction(name, parsed.data) };
}

/** Options a client sends when joining a village. */
export const joinOptionsSchema = z.strictObject({
  protocolVersion: z.number().int(),
  name: z.string().max(64).default(""),
  lang: z.enum(["id", "en"]).default("id"),
  /** Set by the server for solo practice: how many bots, difficulty. */
  bots: z.number().int().min(2).max(5).optional(),
  difficulty: z.enum(["mudah", "sedang", "sulit"]).optional(),
  seed: z.number().int().optional(),
  actionSeconds: z.number().int().min(10).max(300).optional(),
  /** Shorter warning and night phases, for a quick practice game (and tests). */
  warningSeconds: z.number().int().min(2).max(30).optional(),
  nightSeconds: z.number().int().min(2).max(30).optional(),
  solo: z.boolean().optional(),
  /** Open every form of cooperation from season 1 (for classes that have played before). */
  openAllForms: z.boolean().optional(),
  /**
   * A practice seat's own random key (kept by the browser): after a server restart, when the
   * reconnection token is gone, joining with it returns the same seat and hand.
   */
  seatKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;

/** What the `hello` request answers: which seat is mine, and the server clock for countdowns. */
export interface HelloReply {
  seatId: string;
  serverNow: number;
  protocolVersion: number;
}

/** The reply to every action request. */
export type ActionReply =
  | { ok: true }
  | { ok: false; error: string; params?: Record<string, string | number> };
