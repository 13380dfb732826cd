/**
 * Bargaining through the real server: two students agree after a counter-offer, simultaneous answers
 * to one offer settle into exactly one outcome (no double spend), a bot answers a student's offer
 * within seconds, and bad input is refused with its code while the student stays connected.
 *
 * Bargaining opens in season 2. One village is shared by every test: Ani and Budi stock up on beras
 * and uang in season 1 and press Selesai, which ends the window early; with short warning and night
 * phases (3 s each) season 2's action window opens within seconds, and the tests run in order in it.
 */
import {
  type ActionReply,
  DEFAULT_CONFIG,
  ERROR_CODES,
  type Hand,
  type MessageName,
  RESOURCES,
} from "@bangun-desa/shared";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  act,
  createVillage,
  handOf,
  hello,
  joinVillage,
  seen,
  settle,
  startServer,
  until,
  untilPhase,
  type Village,
  type VillageRoom,
} from "./helpers.ts";

let colyseus: ColyseusTestServer;
let room: VillageRoom;
let ani: Village;
let budi: Village;
let aniSeat: string;
let budiSeat: string;
let botSeat: string;

type BargainName = Extract<
  MessageName,
  "offerTrade" | "counterTrade" | "acceptTrade" | "rejectTrade" | "cancelTrade"
>;
type Offer = NonNullable<ReturnType<Village["state"]["offers"]["get"]>>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Send one bargaining request and wait for the reply, then pause like `act` does (the room cuts off
 * a client that sends more than 20 messages a second).
 */
async function bargain(client: Village, name: BargainName, payload: unknown): Promise<ActionReply> {
  const reply: ActionReply = await client.request(name, payload);
  await sleep(60);
  return reply;
}

/** A seat's hand in the server's rules state (the truth both clients are synced from). */
function serverHand(seatId: string): Hand {
  return { ...room.gameState.players[seatId]!.hand };
}

/** A hand plus a change. */
function plus(hand: Hand, delta: Partial<Hand>): Hand {
  const out = { ...hand };
  for (const r of RESOURCES) out[r] += delta[r] ?? 0;
  return out;
}

/** Wait until this client sees an offer matching `match`, and return it. */
function untilOffer(client: Village, what: string, match: (o: Offer) => boolean): Promise<Offer> {
  return until(what, () => [...client.state.offers.values()].find(match));
}

/** Make an offer that must be accepted and return its id, as the receiver's client sees it. */
async function offer(
  from: Village,
  to: Village | string,
  give: Partial<Hand>,
  get: Partial<Hand>,
): Promise<string> {
  const toSeat = typeof to === "string" ? to : (await hello(to)).seatId;
  const fromSeat = (await hello(from)).seatId;
  const known = new Set(from.state.offers.keys());
  expect(await bargain(from, "offerTrade", { to: toSeat, give, get })).toEqual({ ok: true });
  const made = await untilOffer(
    from,
    "the new offer",
    (o) => !known.has(o.id) && o.from === fromSeat && o.to === toSeat && o.status === "open",
  );
  if (typeof to !== "string") await untilOffer(to, "the offer at the receiver", (o) => o.id === made.id);
  return made.id;
}

function bargainingEntries(client: Village) {
  return [...client.state.log].filter((e) => e.form === "bargaining");
}

beforeAll(async () => {
  colyseus = await startServer();
  ({ room, client: ani } = await createVillage(colyseus, {
    name: "Ani",
    bots: 2,
    seed: 11,
    actionSeconds: 120,
    warningSeconds: 3,
    nightSeconds: 3,
  }));
  budi = await joinVillage(colyseus, ani.roomId, { name: "Budi" });
  aniSeat = (await hello(ani)).seatId;
  budiSeat = (await hello(budi)).seatId;
  botSeat = [...ani.state.players.keys()].find((id) => id !== aniSeat && id !== budiSeat)!;

  // Season 1: stock up on beras and uang (so nobody is hungry or short in season 2), then Selesai.
  await Promise.all([untilPhase(ani, "action"), untilPhase(budi, "action")]);
  for (const client of [ani, budi]) {
    const sawah = DEFAULT_CONFIG.tenagaPerSeason - 2;
    expect(await act(client, "gather", { site: "sawah", tenaga: sawah })).toEqual({ ok: true });
    expect(await act(client, "gather", { site: "pasar", tenaga: 2 })).toEqual({ ok: true });
    expect(await act(client, "done", {})).toEqual({ ok: true });
  }
  await until(
    "season 2's action window",
    () => ani.state.season === 2 && ani.state.phase === "action" && budi.state.phase === "action",
    15_000,
  );
});

afterAll(async () => {
  await colyseus.shutdown();
});

describe("in season 2's action window", () => {
  it("two villagers bargain to an agreement with a counter-offer; both hands change exactly once", async () => {
    const aniBefore = serverHand(aniSeat);
    const budiBefore = serverHand(budiSeat);
    const entriesBefore = bargainingEntries(ani).length;

    // Ani: "1 uang for 2 beras". Budi: "1 beras for your 1 uang". Ani agrees.
    const first = await offer(ani, budi, { uang: 1 }, { beras: 2 });
    expect(
      await bargain(budi, "counterTrade", { offerId: first, give: { beras: 1 }, get: { uang: 1 } }),
    ).toEqual({
      ok: true,
    });
    const counter = await untilOffer(ani, "Budi's counter-offer", (o) => o.parentId === first);
    expect(counter).toMatchObject({ from: budiSeat, to: aniSeat, status: "open", threadId: first });
    expect(ani.state.offers.get(first)!.status).toBe("countered");
    // Between the offer and the acceptance, no hand has moved.
    expect(serverHand(aniSeat)).toEqual(aniBefore);
    expect(serverHand(budiSeat)).toEqual(budiBefore);

    expect(await bargain(ani, "acceptTrade", { offerId: counter.id })).toEqual({ ok: true });
    const aniAfter = plus(aniBefore, { uang: -1, beras: 1 });
    const budiAfter = plus(budiBefore, { uang: 1, beras: -1 });
    expect(serverHand(aniSeat)).toEqual(aniAfter);
    expect(serverHand(budiSeat)).toEqual(budiAfter);
    await until("Ani's new hand in her state", () => seen(ani, aniSeat).uang === aniAfter.uang);
    await until("Budi's new hand in his state", () => seen(budi, budiSeat).uang === budiAfter.uang);
    await settle(room, ani, budi);
    expect(handOf(seen(ani, aniSeat))).toEqual(aniAfter);
    expect(handOf(seen(budi, budiSeat))).toEqual(budiAfter);

    // Both see the whole thread, in the same state.
    for (const client of [ani, budi]) {
      const thread = [...client.state.offers.values()].filter((o) => o.threadId === first);
      expect(thread.map((o) => [o.id, o.from, o.to, o.status])).toEqual([
        [first, aniSeat, budiSeat, "countered"],
        [counter.id, budiSeat, aniSeat, "accepted"],
      ]);
    }

    // The village log tells the story once, as a bargaining between the two.
    const entries = bargainingEntries(ani).slice(entriesBefore);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.key).toBe("coop.trade");
    expect(entries[0]!.season).toBe(2);
    expect([...entries[0]!.actors]).toEqual([budiSeat, aniSeat]);
    expect(JSON.parse(entries[0]!.params)).toEqual({
      from: "Budi",
      to: "Ani",
      give: "1 beras",
      get: "1 uang",
      rounds: 2,
    });
    await until("the entry at Budi's end", () =>
      bargainingEntries(budi).some((e) => e.seq === entries[0]!.seq),
    );
  });

  it("an acceptance and a cancel sent at the same moment: exactly one wins, hands change at most once", async () => {
    const aniBefore = serverHand(aniSeat);
    const budiBefore = serverHand(budiSeat);
    const id = await offer(ani, budi, { uang: 1 }, { beras: 1 });

    const [accepted, cancelled] = await Promise.all([
      budi.request("acceptTrade", { offerId: id }),
      ani.request("cancelTrade", { offerId: id }),
    ]);
    await sleep(60);
    const winners = [accepted, cancelled].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const status = room.gameState.offers[id]!.status;
    if (accepted.ok) {
      expect(status).toBe("accepted");
      expect(cancelled).toEqual({
        ok: false,
        error: ERROR_CODES.offerClosed,
        params: { status: "accepted" },
      });
      expect(serverHand(aniSeat)).toEqual(plus(aniBefore, { uang: -1, beras: 1 }));
      expect(serverHand(budiSeat)).toEqual(plus(budiBefore, { uang: 1, beras: -1 }));
    } else {
      expect(status).toBe("cancelled");
      expect(accepted).toEqual({
        ok: false,
        error: ERROR_CODES.offerClosed,
        params: { status: "cancelled" },
      });
      expect(serverHand(aniSeat)).toEqual(aniBefore);
      expect(serverHand(budiSeat)).toEqual(budiBefore);
    }
    await until("the outcome at Ani's end", () => ani.state.offers.get(id)?.status === status);
  });

  it("the same acceptance sent twice at once makes exactly one trade", async () => {
    const aniBefore = serverHand(aniSeat);
    const budiBefore = serverHand(budiSeat);
    const trades = room.gameState.log.filter((e) => e.what.key === "coop.trade").length;
    const id = await offer(ani, budi, { beras: 1 }, { uang: 1 });

    const replies = await Promise.all([
      budi.request("acceptTrade", { offerId: id }),
      budi.request("acceptTrade", { offerId: id }),
    ]);
    await sleep(60);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok)).toEqual([
      { ok: false, error: ERROR_CODES.offerClosed, params: { status: "accepted" } },
    ]);
    expect(serverHand(aniSeat)).toEqual(plus(aniBefore, { beras: -1, uang: 1 }));
    expect(serverHand(budiSeat)).toEqual(plus(budiBefore, { beras: 1, uang: -1 }));
    expect(room.gameState.log.filter((e) => e.what.key === "coop.trade")).toHaveLength(trades + 1);
    await settle(room, budi);
    expect(handOf(seen(budi, budiSeat))).toEqual(serverHand(budiSeat));
  });

  it("a bot answers a student's offer within a few seconds", async () => {
    expect(seen(ani, botSeat).isBot).toBe(true);
    const started = Date.now();
    const id = await offer(ani, botSeat, { uang: 1 }, { beras: 1 });
    const answered = await until(
      "the bot's answer",
      () => {
        const o = ani.state.offers.get(id);
        return o && o.status !== "open" ? o : undefined;
      },
      6_000,
    );
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(["accepted", "rejected", "countered"]).toContain(answered.status);
    if (answered.status === "countered") {
      const counter = await untilOffer(ani, "the bot's counter", (o) => o.parentId === id);
      expect(counter).toMatchObject({ from: botSeat, to: aniSeat, threadId: id, status: "open" });
      expect(await bargain(ani, "rejectTrade", { offerId: counter.id })).toEqual({ ok: true });
    }
  });

  it("refuses bad bargaining input with its code, changes nothing and keeps the student connected", async () => {
    const id = await offer(ani, budi, { uang: 1 }, { beras: 1 });
    const aniBefore = serverHand(aniSeat);
    const budiBefore = serverHand(budiSeat);
    const offers = Object.keys(room.gameState.offers).length;

    const cases: [Village, BargainName, unknown, ActionReply, string][] = [
      [
        ani,
        "offerTrade",
        { to: aniSeat, give: { uang: 1 }, get: { beras: 1 } },
        { ok: false, error: ERROR_CODES.cannotTradeSelf },
        "an offer to oneself",
      ],
      [
        ani,
        "offerTrade",
        { to: budiSeat, give: { uang: -1 }, get: { beras: 1 } },
        { ok: false, error: ERROR_CODES.badMessage, params: { field: "give.uang" } },
        "a negative amount",
      ],
      [
        ani,
        "counterTrade",
        { offerId: id, give: { beras: 0.5 }, get: { uang: 1 } },
        { ok: false, error: ERROR_CODES.badMessage, params: { field: "give.beras" } },
        "a fractional amount",
      ],
      [
        budi,
        "acceptTrade",
        { offerId: "o999" },
        { ok: false, error: ERROR_CODES.unknownOffer },
        "an unknown offer id",
      ],
      [
        budi,
        "rejectTrade",
        { offerId: "toString" },
        { ok: false, error: ERROR_CODES.unknownOffer },
        "'toString' as an offer id",
      ],
      [
        ani,
        "acceptTrade",
        { offerId: id },
        { ok: false, error: ERROR_CODES.notYourOffer },
        "accepting an offer made to someone else",
      ],
      [
        budi,
        "cancelTrade",
        { offerId: id },
        { ok: false, error: ERROR_CODES.notYourOffer },
        "cancelling someone else's offer",
      ],
    ];
    for (const [client, name, payload, reply, what] of cases) {
      expect(await bargain(client, name, payload), what).toEqual(reply);
      expect(client.connection.isOpen, what).toBe(true);
    }
    expect(serverHand(aniSeat)).toEqual(aniBefore);
    expect(serverHand(budiSeat)).toEqual(budiBefore);
    expect(Object.keys(room.gameState.offers)).toHaveLength(offers);
    expect(room.gameState.offers[id]!.status).toBe("open");

    // Both can still bargain: Ani withdraws the offer.
    expect(await bargain(ani, "cancelTrade", { offerId: id })).toEqual({ ok: true });
    await until("the cancelled offer at Budi's end", () => budi.state.offers.get(id)?.status === "cancelled");
  });
});
