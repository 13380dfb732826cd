/**
 * Kooptasi, koalisi and joint venture through the real server: a student proposes, the bots answer
 * through the same rules, and every client sees the result in the synced state. Bad input is refused
 * with its code while the student stays connected.
 *
 * One village is shared by every test: Ani plays with three bots and every form open from the start.
 * She stocks up in season 1 and presses Selesai; with short warning and night phases, season 2's
 * action window (in which the tokoh pemuda has arrived) opens within seconds and the tests run in it.
 */
import {
  type ActionReply,
  DEFAULT_CONFIG,
  ERROR_CODES,
  FOOD_PER_HOUSEHOLD,
  type MessageName,
  RESOURCES,
  type Resource,
} from "@bangun-desa/shared";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  act,
  createVillage,
  hello,
  startServer,
  until,
  untilPhase,
  type Village,
  type VillageRoom,
} from "./helpers.ts";

let colyseus: ColyseusTestServer;
let room: VillageRoom;
let ani: Village;
let aniSeat: string;

type FormName = Extract<
  MessageName,
  | "proposeVote"
  | "castVote"
  | "proposeCoalition"
  | "joinCoalition"
  | "pledgeCoalition"
  | "proposeVenture"
  | "acceptVenture"
  | "workVenture"
>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Send one request and wait for the reply, pausing like `act` (the room cuts off floods). */
async function send(client: Village, name: FormName, payload: unknown): Promise<ActionReply> {
  const reply: ActionReply = await client.request(name, payload);
  await sleep(60);
  return reply;
}

/** Id of the open project of a kind, as Ani's client sees it. */
function projectOf(kind: string): string {
  const project = [...ani.state.projects.values()].find((p) => p.kind === kind && p.status === "open");
  if (!project) throw new Error(`no open ${kind}`);
  return project.id;
}

/** The newest entry of a synced map that matches. */
function newest<T>(values: Iterable<T>, match: (v: T) => boolean): T | undefined {
  return [...values].filter(match).at(-1);
}

/** The resource a seat holds most of (a bot can put it in as capital without going hungry). */
function richest(seatId: string): Resource {
  const hand = room.gameState.players[seatId]!.hand;
  return [...RESOURCES].sort((a, b) => hand[b] - hand[a])[0]!;
}

function bots(): string[] {
  return [...ani.state.players.keys()].filter((id) => id !== aniSeat);
}

beforeAll(async () => {
  colyseus = await startServer();
  ({ room, client: ani } = await createVillage(colyseus, {
    name: "Ani",
    bots: 3,
    seed: 42,
    // mudah: bots never slip into a random move, so the coalitions and ventures below are Ani's.
    difficulty: "mudah",
    actionSeconds: 120,
    warningSeconds: 2,
    nightSeconds: 2,
    openAllForms: true,
  }));
  aniSeat = (await hello(ani)).seatId;
  await untilPhase(ani, "action");
  expect(ani.state.openAllForms).toBe(true);
  // Season 1: uang for capital and pledges, then one venture with each bot. A bot's first move in a
  // new window is then to work its venture, which leaves Ani time to speak first in season 2.
  // Keep one tenaga for each venture's work below.
  const pasar = DEFAULT_CONFIG.tenagaPerSeason - bots().length;
  expect(await act(ani, "gather", { site: "pasar", tenaga: pasar })).toEqual({ ok: true });
  for (const bot of bots()) {
    const offered = newest(
      Object.values(room.gameState.ventures),
      (v) => v.proposer === bot && v.partner === aniSeat && v.status === "proposed",
    );
    const reply = offered
      ? await send(ani, "acceptVenture", { ventureId: offered.id })
      : await send(ani, "proposeVenture", {
          to: bot,
          kind: "eksporKopi",
          give: { uang: 1 },
          ask: { [richest(bot)]: 1 },
          share: 50,
        });
    expect(reply).toEqual({ ok: true });
  }
  const ventures = await until(
    "every bot in a venture with Ani",
    () => {
      const active = bots().map((bot) =>
        newest(
          Object.values(room.gameState.ventures),
          (v) =>
            v.status === "active" &&
            [v.proposer, v.partner].includes(aniSeat) &&
            [v.proposer, v.partner].includes(bot),
        ),
      );
      return active.every((v) => v) ? active.map((v) => v!.id) : undefined;
    },
    15_000,
  );
  for (const ventureId of ventures)
    expect(await send(ani, "workVenture", { ventureId })).toEqual({ ok: true });
  expect(await act(ani, "done", {})).toEqual({ ok: true });
  await until(
    "season 2's action window with the tokoh outside",
    () => ani.state.season === 2 && ani.state.phase === "action" && ani.state.tokohStatus === "outside",
    15_000,
  );
});

afterAll(async () => {
  await colyseus.shutdown();
});

describe("in season 2, with every form open", () => {
  it("a student proposes co-opting the tokoh and the bots' votes make it pass", async () => {
    const bridge = projectOf("jembatan");
    expect(
      await send(ani, "proposeVote", { topic: "cooptTokoh", projectId: bridge, position: "penasihat" }),
    ).toEqual({ ok: true });
    const vote = await until("Ani's vote in her state", () =>
      newest(ani.state.votes.values(), (v) => v.proposer === aniSeat && v.topic === "cooptTokoh"),
    );
    expect(vote.votes.get(aniSeat)).toBe("yes");
    // Proposing was her vote: she cannot vote again.
    expect(await send(ani, "castVote", { voteId: vote.id, choice: "no" })).toEqual({
      ok: false,
      error: ERROR_CODES.alreadyVoted,
    });
    expect(ani.connection.isOpen).toBe(true);
    await until("the tokoh co-opted", () => ani.state.tokohStatus === "coopted", 12_000);
    expect(ani.state.votes.get(vote.id)!.status).toBe("passed");
    expect(ani.state.tokohPosition).toBe("penasihat");
    expect(ani.state.tokohProjectId).toBe(bridge);
    const entry = await until("the kooptasi entry", () =>
      [...ani.state.log].find((e) => e.form === "kooptasi" && e.key === "coop.cooptTokoh"),
    );
    expect([...entry.actors]).toContain(aniSeat);
    expect(JSON.parse(entry.params)).toEqual({ position: "penasihat", project: "jembatan" });
  });

  it("a student proposes a coalition, bots join, and her pledge shows in the pool", async () => {
    // Uang for the pledge and for a venture's capital.
    expect(await act(ani, "gather", { site: "pasar", tenaga: 2 })).toEqual({ ok: true });
    expect(await send(ani, "proposeCoalition", { goal: "kampanyeSampah" })).toEqual({ ok: true });
    const coalition = await until("Ani's coalition", () =>
      newest(ani.state.coalitions.values(), (c) => c.proposer === aniSeat && c.goal === "kampanyeSampah"),
    );
    expect([...coalition.members]).toEqual([aniSeat]);
    await until(
      "two bots joining",
      () => ani.state.coalitions.get(coalition.id)!.status === "active",
      12_000,
    );
    const synced = ani.state.coalitions.get(coalition.id)!;
    expect(synced.members.length).toBeGreaterThanOrEqual(3);
    expect([...synced.members].filter((m) => m !== aniSeat).every((m) => bots().includes(m))).toBe(true);
    expect(synced.needUang).toBe(4);
    expect(synced.needKayu).toBe(4);

    const uang = room.gameState.players[aniSeat]!.hand.uang;
    expect(await send(ani, "pledgeCoalition", { coalitionId: coalition.id, give: { uang: 1 } })).toEqual({
      ok: true,
    });
    expect(room.gameState.coalitions[coalition.id]!.pledges[aniSeat]!.uang).toBe(1);
    expect(room.gameState.players[aniSeat]!.hand.uang).toBe(uang - 1);
    await until(
      "the pool in Ani's state",
      () =>
        ani.state.coalitions.get(coalition.id)!.poolUang ===
        room.gameState.coalitions[coalition.id]!.pool.uang,
    );
    expect(ani.state.coalitions.get(coalition.id)!.poolUang).toBeGreaterThanOrEqual(1);
    expect([...ani.state.log].some((e) => e.form === "koalisi" && e.key === "coop.coalitionFormed")).toBe(
      true,
    );
  });

  it("a student proposes a venture to a bot, the bot signs within seconds, and she works it", async () => {
    // Bots see to their food before any business: pick a fed bot, or feed one first (bantu tetangga).
    const fed = (id: string) => room.gameState.players[id]!.hand.beras >= FOOD_PER_HOUSEHOLD;
    const bot = bots().find(fed) ?? bots()[0]!;
    const short = FOOD_PER_HOUSEHOLD - room.gameState.players[bot]!.hand.beras;
    if (short > 0) {
      if (room.gameState.players[aniSeat]!.hand.beras < short) {
        expect(await act(ani, "gather", { site: "sawah", tenaga: 1 })).toEqual({ ok: true });
      }
      expect(await act(ani, "giveAid", { to: bot, give: { beras: short } })).toEqual({ ok: true });
    }
    expect(
      await send(ani, "proposeVenture", {
        to: bot,
        kind: "eksporKopi",
        give: { uang: 1 },
        ask: { [richest(bot)]: 1 },
        share: 50,
      }),
    ).toEqual({ ok: true });
    const venture = await until("the proposal in Ani's state", () =>
      newest(ani.state.ventures.values(), (v) => v.proposer === aniSeat && v.partner === bot),
    );
    const started = Date.now();
    await until("the bot signing", () => ani.state.ventures.get(venture.id)!.status === "active", 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([...ani.state.log].some((e) => e.form === "jointVenture" && e.actors.includes(aniSeat))).toBe(
      true,
    );

    expect(await send(ani, "workVenture", { ventureId: venture.id })).toEqual({ ok: true });
    await until("Ani's work in her state", () =>
      ani.state.ventures.get(venture.id)!.workedThisSeason.includes(aniSeat),
    );
    expect(await send(ani, "workVenture", { ventureId: venture.id })).toEqual({
      ok: false,
      error: ERROR_CODES.alreadyWorked,
    });
  });

  it("refuses bad input with its code and keeps the student connected", async () => {
    // A second coalition, for the product fair: joining it twice, pledging what she does not have.
    expect(await send(ani, "proposeCoalition", { goal: "pameranProduk" })).toEqual({ ok: true });
    const fair = newest(Object.values(room.gameState.coalitions), (c) => c.goal === "pameranProduk")!;
    await until(
      "bots joining the fair",
      () => room.gameState.coalitions[fair.id]!.status === "active",
      12_000,
    );
    const hand = { ...room.gameState.players[aniSeat]!.hand };
    const venture = newest(Object.values(room.gameState.ventures), (v) => v.proposer === aniSeat)!;
    const cases: [FormName, unknown, ActionReply, string][] = [
      [
        "joinCoalition",
        { coalitionId: fair.id },
        { ok: false, error: ERROR_CODES.alreadyMember },
        "joining a coalition twice",
      ],
      [
        "pledgeCoalition",
        { coalitionId: fair.id, give: { batu: 99 } },
        { ok: false, error: ERROR_CODES.notEnoughResources },
        "pledging what she does not have",
      ],
      [
        "proposeVenture",
        { to: aniSeat, kind: "penggilinganPadi", give: { uang: 1 }, ask: { beras: 1 }, share: 50 },
        { ok: false, error: ERROR_CODES.cannotVentureSelf },
        "a venture with herself",
      ],
      [
        "acceptVenture",
        { ventureId: venture.id },
        { ok: false, error: ERROR_CODES.ventureNotOffered },
        "accepting a venture she was not offered",
      ],
    ];
    for (const [name, payload, reply, what] of cases) {
      expect(await send(ani, name, payload), what).toEqual(reply);
      expect(ani.connection.isOpen, what).toBe(true);
    }
    expect(room.gameState.players[aniSeat]!.hand).toEqual(hand);
    expect(room.gameState.coalitions[fair.id]!.members.filter((m) => m === aniSeat)).toHaveLength(1);
    // She can still act: the connection works.
    expect((await hello(ani)).seatId).toBe(aniSeat);
  });
});
