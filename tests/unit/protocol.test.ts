import { describe, expect, it } from "vitest";
import {
  type Action,
  joinOptionsSchema,
  MSG,
  messageSchemas,
  PROTOCOL_VERSION,
  ROLES,
  toAction,
} from "../../shared/src/index.ts";
import { act, projectId, villageAt } from "./helpers.ts";

const HUGE_STRING = "x".repeat(100 * 1024);

describe("message schemas", () => {
  it("there is one schema for every message name, and the names are their own values", () => {
    expect(Object.keys(messageSchemas).sort()).toEqual(Object.values(MSG).sort());
    for (const [key, value] of Object.entries(MSG)) expect(key).toBe(value);
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
  });

  it("a valid gather parses, with one tenaga by default", () => {
    expect(messageSchemas.gather.parse({ site: "sawah", tenaga: 3 })).toEqual({ site: "sawah", tenaga: 3 });
    expect(messageSchemas.gather.parse({ site: "hutan" })).toEqual({ site: "hutan", tenaga: 1 });
  });

  it("a valid contribute parses, with no labour and an empty gift by default", () => {
    expect(messageSchemas.contribute.parse({ projectId: "jembatan-4", give: { kayu: 2 } })).toEqual({
      projectId: "jembatan-4",
      tenaga: 0,
      give: { kayu: 2 },
    });
    expect(messageSchemas.contribute.parse({ projectId: "selokan-1", tenaga: 2 })).toEqual({
      projectId: "selokan-1",
      tenaga: 2,
      give: {},
    });
  });

  it("a valid giveAid and done parse", () => {
    expect(messageSchemas.giveAid.parse({ to: "p2", give: { beras: 2, uang: 1 } })).toEqual({
      to: "p2",
      give: { beras: 2, uang: 1 },
    });
    expect(messageSchemas.done.parse({})).toEqual({});
  });

  it("a gather at a place that is not on the map, or with no tenaga, is refused", () => {
    for (const bad of [
      { site: "laut" },
      { site: "constructor" },
      { site: 1 },
      { site: "sawah", tenaga: 0 },
      { site: "sawah", tenaga: 21 },
      {},
    ]) {
      expect(messageSchemas.gather.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("amounts must be whole numbers from 0 to 99", () => {
    for (const amount of [-1, 1.5, 100, 1e9, Number.NaN, Number.POSITIVE_INFINITY, "2", null]) {
      expect(
        messageSchemas.giveAid.safeParse({ to: "p2", give: { beras: amount } }).success,
        String(amount),
      ).toBe(false);
      expect(
        messageSchemas.contribute.safeParse({ projectId: "sekolah-2", give: { kayu: amount } }).success,
        String(amount),
      ).toBe(false);
    }
    expect(messageSchemas.giveAid.safeParse({ to: "p2", give: { beras: 99 } }).success).toBe(true);
    expect(messageSchemas.giveAid.safeParse({ to: "p2", give: { beras: 0 } }).success).toBe(true);
  });

  it("tenaga must be a whole number, never negative", () => {
    for (const tenaga of [-1, 0.5, 21, 1e6, "1"]) {
      expect(
        messageSchemas.contribute.safeParse({ projectId: "selokan-1", tenaga }).success,
        String(tenaga),
      ).toBe(false);
      expect(messageSchemas.gather.safeParse({ site: "sawah", tenaga }).success, String(tenaga)).toBe(false);
    }
  });

  it("a resource that does not exist is refused", () => {
    expect(messageSchemas.giveAid.safeParse({ to: "p2", give: { emas: 1 } }).success).toBe(false);
    expect(messageSchemas.contribute.safeParse({ projectId: "sekolah-2", give: { tenaga: 3 } }).success).toBe(
      false,
    );
  });

  it("extra fields are refused: the actor comes from the connection, never from the message", () => {
    expect(messageSchemas.gather.safeParse({ site: "sawah", actor: "p2" }).success).toBe(false);
    expect(messageSchemas.giveAid.safeParse({ to: "p2", give: {}, from: "p3" }).success).toBe(false);
    expect(messageSchemas.contribute.safeParse({ projectId: "selokan-1", type: "gather" }).success).toBe(
      false,
    );
    expect(messageSchemas.done.safeParse({ now: 0 }).success).toBe(false);
  });

  it("a message that is not an object, or misses its fields, is refused", () => {
    for (const name of Object.values(MSG)) {
      for (const bad of [null, undefined, "done", 42, []]) {
        expect(messageSchemas[name].safeParse(bad).success, `${name} ${String(bad)}`).toBe(false);
      }
    }
    expect(messageSchemas.giveAid.safeParse({ to: "p2" }).success).toBe(false);
    expect(messageSchemas.contribute.safeParse({ give: { kayu: 1 } }).success).toBe(false);
  });

  it("strings of 100 KB are refused, and so are empty ids", () => {
    expect(messageSchemas.gather.safeParse({ site: HUGE_STRING }).success).toBe(false);
    expect(messageSchemas.contribute.safeParse({ projectId: HUGE_STRING }).success).toBe(false);
    expect(messageSchemas.giveAid.safeParse({ to: HUGE_STRING, give: { beras: 1 } }).success).toBe(false);
    expect(messageSchemas.giveAid.safeParse({ to: "", give: { beras: 1 } }).success).toBe(false);
    expect(
      joinOptionsSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, name: HUGE_STRING }).success,
    ).toBe(false);
  });
});

describe("joining", () => {
  it("join options need the protocol version and fill in a name and Bahasa Indonesia", () => {
    expect(joinOptionsSchema.parse({ protocolVersion: PROTOCOL_VERSION })).toEqual({
      protocolVersion: PROTOCOL_VERSION,
      name: "",
      lang: "id",
    });
    expect(joinOptionsSchema.safeParse({ name: "Ani" }).success).toBe(false);
  });

  it("solo practice asks for 2 to 5 bots and a known difficulty", () => {
    const base = { protocolVersion: PROTOCOL_VERSION, solo: true };
    expect(joinOptionsSchema.safeParse({ ...base, bots: 2, difficulty: "sulit" }).success).toBe(true);
    expect(joinOptionsSchema.safeParse({ ...base, bots: 1 }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ ...base, bots: 6 }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ ...base, difficulty: "gampang" }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ ...base, lang: "fr" }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ ...base, actionSeconds: 5 }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ ...base, actionSeconds: 301 }).success).toBe(false);
  });
});

describe("from message to action", () => {
  it("toAction builds the rules' action from a parsed message", () => {
    const gather: Action = toAction("gather", messageSchemas.gather.parse({ site: "tambang" }));
    expect(gather).toEqual({ type: "gather", site: "tambang", tenaga: 1 });
    expect(
      toAction("contribute", messageSchemas.contribute.parse({ projectId: "sekolah-2", tenaga: 1 })),
    ).toEqual({
      type: "contribute",
      projectId: "sekolah-2",
      tenaga: 1,
      give: {},
    });
    expect(toAction("giveAid", messageSchemas.giveAid.parse({ to: "p3", give: { beras: 1 } }))).toEqual({
      type: "giveAid",
      to: "p3",
      give: { beras: 1 },
    });
    expect(toAction("done", messageSchemas.done.parse({}))).toEqual({ type: "done" });
  });

  it("an action built from a message is played by the rules", () => {
    const state = villageAt(3);
    const id = projectId(state, "selokan");
    const action = toAction("contribute", messageSchemas.contribute.parse({ projectId: id, tenaga: 1 }));
    expect(act(state, "p2", action)).toMatchObject({ ok: true });
    expect(state.projects[id]!.labour).toBe(ROLES[state.players.p2!.role].labourPerTenaga);
  });
});
