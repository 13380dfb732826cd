/**
 * Seats and bots through the real server: a late joiner takes over a bot's household (role and hand)
 * and the bot stops; a student who drops for longer than the grace period has the household kept
 * going by the careful stand-in, which gives nothing away and steps aside when the student returns;
 * and in a hard (sulit) village every bot answers a student's offer within a few seconds.
 *
 * Each test has its own village on one server and they run concurrently: the stand-in waits 100 s
 * (the production setting), so the drop test also shows that a 90-s outage finds the hand untouched.
 */
import { RESOURCES } from "@bangun-desa/shared";
import { describe, expect, it } from "vitest";
import { CARETAKER_GRACE_SECONDS } from "../../server/src/config.ts";
import {
  act,
  createVillage,
  handOf,
  hello,
  joinVillage,
  rawSocket,
  seen,
  settle,
  until,
  useServer,
  type Village,
  type VillageRoom,
} from "./helpers.ts";

const server = useServer({ cleanEach: false });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long a dropped student's household waits before the stand-in takes over (VillageRoom). */
const CARETAKER_GRACE_MS = CARETAKER_GRACE_SECONDS * 1000;

/** Cut the socket as a dead network would (close code 1006), with no automatic retry by the SDK. */
function dropConnection(client: Village): void {
  client.reconnection.enabled = false;
  rawSocket(client).terminate();
}

/** Wait until the server's game is in `phase` of `season`. */
function untilServerPhase(room: VillageRoom, season: number, phase: string, timeoutMs = 15_000) {
  return until(
    `season ${season} ${phase}`,
    () => room.gameState.season === season && room.gameState.phase === phase,
    timeoutMs,
  );
}

/** A seat as the rules see it: role, hand, tenaga, contributions, whether a bot plays it. */
function serverSeat(room: VillageRoom, seatId: string) {
  const p = room.gameState.players[seatId]!;
  return {
    role: p.role,
    hand: { ...p.hand },
    tenaga: p.tenaga,
    contributed: p.contributed,
    location: p.location,
    isBot: p.isBot,
    connected: p.connected,
  };
}

/** Send an offer as `client` and return its id once the client sees it open. */
async function offerTo(
  client: Village,
  seat: string,
  to: string,
  give: object,
  get: object,
): Promise<string> {
  const known = new Set(client.state.offers.keys());
  expect(await client.request("offerTrade", { to, give, get })).toEqual({ ok: true });
  await sleep(60);
  const made = await until("the new offer", () =>
    [...client.state.offers.values()].find((o) => !known.has(o.id) && o.from === seat && o.to === to),
  );
  return made.id;
}

describe.concurrent("bot seats", () => {
  it("a late joiner takes over a bot's seat with its role and hand, and the bot stops acting for it", async () => {
    const { room, client: ani } = await createVillage(server.colyseus, {
      name: "Ani",
      bots: 3,
      seed: 21,
      actionSeconds: 30,
      warningSeconds: 2,
      nightSeconds: 3,
    });
    const aniSeat = (await hello(ani)).seatId;
    const botSeats = room.gameState.playerOrder.filter((id) => id !== aniSeat);
    const full = room.gameState.config.tenagaPerSeason;

    // Season 1: the bots work; once each has spent some tenaga, Ani presses Selesai and night falls.
    await untilServerPhase(room, 1, "action");
    await until(
      "every bot at work",
      () => botSeats.every((id) => serverSeat(room, id).tenaga < full),
      10_000,
    );
    expect(await act(ani, "done", {})).toEqual({ ok: true });
    await untilServerPhase(room, 1, "night", 3_000);

    // Hands hold still at night: what each bot's household has now is what a newcomer must get.
    const before = Object.fromEntries(botSeats.map((id) => [id, serverSeat(room, id)]));
    const budi = await joinVillage(server.colyseus, ani.roomId, { name: "Budi" });
    const budiSeat = (await hello(budi)).seatId;
    expect(botSeats).toContain(budiSeat);
    const taken = before[budiSeat]!;
    const mine = seen(budi, budiSeat);
    expect(mine.isBot).toBe(false);
    expect(mine.connected).toBe(true);
    expect(mine.name).toBe("Budi");
    expect(mine.role).toBe(taken.role);
    expect(handOf(mine)).toEqual(taken.hand);
    expect(mine.contributed).toBe(taken.contributed);
    expect(serverSeat(room, budiSeat)).toMatchObject({ role: taken.role, hand: taken.hand, isBot: false });

    // Season 2: the other bots act within a second or two; Budi's household waits for Budi.
    // (Neighbours may still give to Budi's household, so only what the seat itself does is compared.)
    await untilServerPhase(room, 2, "action", 10_000);
    const ownMoves = () => {
      const p = room.gameState.players[budiSeat]!;
      return { tenaga: p.tenaga, contributed: p.contributed, location: p.location, done: p.done };
    };
    const atStart = ownMoves();
    const others = botSeats.filter((id) => id !== budiSeat);
    const othersAtStart = new Map(others.map((id) => [id, serverSeat(room, id).tenaga]));
    await until(
      "the remaining bots at work",
      () => others.every((id) => serverSeat(room, id).tenaga < othersAtStart.get(id)!),
      10_000,
    );
    await sleep(1_500);
    await settle(room, budi);
    expect(ownMoves()).toEqual(atStart);
    expect(room.gameState.players[budiSeat]!.isBot).toBe(false);
    expect(seen(budi, budiSeat).tenaga).toBe(atStart.tenaga);
    expect(seen(budi, budiSeat).contributed).toBe(atStart.contributed);
  });

  it("a dropped student's household is kept going by the careful stand-in, who steps aside when the student returns", async () => {
    const { room, client: ani } = await createVillage(server.colyseus, {
      name: "Ani",
      bots: 2,
      seed: 5,
      // The window outlasts the grace, so the offer below stays open until the stand-in answers it.
      actionSeconds: 200,
      warningSeconds: 2,
      nightSeconds: 2,
      openAllForms: true,
    });
    const budi = await joinVillage(server.colyseus, ani.roomId, { name: "Budi" });
    const aniSeat = (await hello(ani)).seatId;
    const budiSeat = (await hello(budi)).seatId;
    await untilServerPhase(room, 1, "action");

    const before = serverSeat(room, aniSeat);
    /** Anything the seat gave away while Ani was gone: contributions or any resource going down. */
    const gaveAway: string[] = [];
    /** Any change to her household within the grace period. */
    const touchedInGrace: string[] = [];
    const droppedAt = Date.now();
    const watch = setInterval(() => {
      const now = serverSeat(room, aniSeat);
      if (now.contributed !== before.contributed) gaveAway.push(`contributed ${now.contributed}`);
      for (const [r, n] of Object.entries(now.hand)) {
        if (n < before.hand[r as keyof typeof before.hand]) gaveAway.push(`${r} ${n}`);
      }
      const elapsed = Date.now() - droppedAt;
      if (
        elapsed < CARETAKER_GRACE_MS - 500 &&
        (now.tenaga !== before.tenaga || now.location !== before.location)
      )
        touchedInGrace.push(`after ${elapsed} ms: tenaga ${now.tenaga}, at ${now.location}`);
    }, 50);

    dropConnection(ani);
    await until("Ani shown as disconnected at Budi's end", () => seen(budi, aniSeat).connected === false);
    expect(seen(budi, aniSeat).isBot).toBe(false);

    // Budi offers her a trade she would like: the stand-in turns it down rather than trade for her.
    const offerId = await offerTo(budi, budiSeat, aniSeat, { uang: 1 }, { beras: 1 });
    const answered = await until(
      "the stand-in's answer",
      () => {
        const o = budi.state.offers.get(offerId);
        return o && o.status !== "open" ? o : undefined;
      },
      CARETAKER_GRACE_MS + 8_000,
    );
    expect(answered.status).toBe("rejected");
    // Nobody touched her household during the grace period: a gap of 90 s finds everything as it was.
    expect(CARETAKER_GRACE_MS).toBeGreaterThanOrEqual(95_000);
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(CARETAKER_GRACE_MS - 500);

    // The stand-in keeps going: it turns down every other offer made to her meanwhile, says yes to
    // a musyawarah, and spends her tenaga gathering — one move every few seconds. (Her seat is held
    // 120 s from the drop, so this waits at most 12 s.)
    const moves = () => {
      const g = room.gameState;
      return {
        rejected: Object.values(g.offers).filter((o) => o.to === aniSeat && o.status === "rejected").length,
        voted: Object.values(g.votes).filter((v) => aniSeat in v.votes).length,
        tenaga: g.players[aniSeat]!.tenaga,
      };
    };
    const atAnswer = moves();
    await until(
      "the stand-in's next move",
      () => {
        const now = moves();
        return now.tenaga < before.tenaga || now.rejected > atAnswer.rejected || now.voted > atAnswer.voted;
      },
      12_000,
    );
    expect(touchedInGrace).toEqual([]);
    const kept = serverSeat(room, aniSeat);
    expect(kept.isBot).toBe(false);
    expect(kept.contributed).toBe(before.contributed);
    // Gathering only ever adds to her hand.
    if (kept.tenaga < before.tenaga) {
      expect(Object.values(kept.hand).reduce((a, b) => a + b, 0)).toBeGreaterThan(
        Object.values(before.hand).reduce((a, b) => a + b, 0),
      );
    }

    // Ani comes back with her token: the same seat, as a person, and the stand-in stops.
    const again: Village = await server.colyseus.sdk.reconnect(ani.reconnectionToken);
    await again.waitForInitialState();
    expect((await hello(again)).seatId).toBe(aniSeat);
    await until("Ani back at Budi's end", () => seen(budi, aniSeat).connected);
    const back = seen(again, aniSeat);
    expect(back.isBot).toBe(false);
    expect(back.connected).toBe(true);
    const returned = serverSeat(room, aniSeat);
    expect(handOf(back)).toEqual(returned.hand);
    await sleep(3_000);
    await settle(room, again, budi);
    clearInterval(watch);
    expect(serverSeat(room, aniSeat)).toEqual(returned);
    expect(gaveAway).toEqual([]);
    expect(room.gameState.phase).toBe("action");
  }, 150_000);

  it("in a sulit village every bot answers a student's offer within a few seconds", async () => {
    const { room, client: ani } = await createVillage(server.colyseus, {
      name: "Ani",
      bots: 4,
      seed: 8,
      difficulty: "sulit",
      openAllForms: true,
      actionSeconds: 90,
      warningSeconds: 2,
    });
    const aniSeat = (await hello(ani)).seatId;
    const botSeats = room.gameState.playerOrder.filter((id) => id !== aniSeat);
    await untilServerPhase(room, 1, "action");
    expect(room.gameState.config.difficulty).toBe("sulit");

    const latencies: number[] = [];
    // At most three offers wait at once: three bots first, then the fourth.
    for (const batch of [botSeats.slice(0, 3), botSeats.slice(3)]) {
      await Promise.all(
        batch.map(async (bot) => {
          // One unit of what Ani holds most of (earlier trades may have used some), for one of another.
          const hand = room.gameState.players[aniSeat]!.hand;
          const give = RESOURCES.reduce((a, b) => (hand[b] > hand[a] ? b : a));
          const get = RESOURCES.find((r) => r !== give)!;
          const id = await offerTo(ani, aniSeat, bot, { [give]: 1 }, { [get]: 1 });
          const sent = Date.now();
          const answer = await until(
            `bot ${bot}'s answer`,
            () => {
              const o = ani.state.offers.get(id);
              return o && o.status !== "open" ? o : undefined;
            },
            10_000,
          );
          latencies.push(Date.now() - sent);
          expect(["accepted", "rejected", "countered"]).toContain(answer.status);
        }),
      );
    }
    expect(latencies).toHaveLength(4);
    // A bot thinks 1.5–4 s per move; at sulit one move in ten slips, so an answer may take two moves.
    for (const ms of latencies) expect(ms).toBeLessThan(8_500);
    expect(Math.min(...latencies)).toBeLessThan(5_000);
  });
});
