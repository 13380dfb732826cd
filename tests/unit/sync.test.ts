import { describe, expect, it } from "vitest";
import {
  advance,
  apply,
  BOT_SKILL,
  type BotRng,
  chooseBotAction,
  FOOD_PER_HOUSEHOLD,
  type GameState,
  PERSONALITIES,
  PROJECTS,
  projectStage,
  seedFrom,
  sizedProject,
  startGame,
} from "../../shared/src/index.ts";
import {
  SYNCED_LOG_LENGTH,
  SYNCED_NEWS_LENGTH,
  syncVillage,
  VillageState,
} from "../../shared/src/schema/index.ts";
import {
  calmSeasons,
  endPhase,
  must,
  playGame,
  projectId,
  setAllHands,
  setHand,
  village,
  villageAt,
  workInTurn,
} from "./helpers.ts";

/** Sync a game into a fresh VillageState. */
function synced(game: GameState, code = "DESA1"): VillageState {
  const target = new VillageState();
  syncVillage(target, game, code);
  return target;
}

/** Write `n` gifts of aid to the cooperation log (p2's house was struck by a musibah: aid is for need). */
function giveAidTimes(state: GameState, n: number): void {
  state.players.p2!.houseDamaged = true;
  setHand(state, "p1", { beras: n });
  for (let i = 0; i < n; i++) must(state, "p1", { type: "giveAid", to: "p2", give: { beras: 1 } });
}

describe("the synced village", () => {
  it("copies the season, phase, deadline, difficulty and meters", () => {
    const game = villageAt(4, 1, { config: { seasons: 5, difficulty: "sulit" } });
    game.meters = { welfare: 12, harmony: 34, unity: 56 };
    const v = synced(game, "KELAS7A");
    expect(v.code).toBe("KELAS7A");
    expect(v.season).toBe(1);
    expect(v.seasons).toBe(5);
    expect(v.phase).toBe("action");
    expect(v.phaseEndsAt).toBe(game.phaseEndsAt);
    expect(v.difficulty).toBe("sulit");
    expect([v.welfare, v.harmony, v.unity]).toEqual([12, 34, 56]);
    expect(v.flooded).toBe(false);
  });

  it("copies every player with the public fields and the hand", () => {
    const game = villageAt(4, 1, { people: 2 });
    // Less beras than a meal: hungry.
    const beras = FOOD_PER_HOUSEHOLD - 1;
    setHand(game, "p3", { beras, kayu: 2, batu: 3, uang: 4 });
    game.players.p3!.krisis = true;
    const target = new VillageState();
    const added = syncVillage(target, game, "X");
    expect(added).toHaveLength(4);
    expect([...target.players.keys()]).toEqual(["p1", "p2", "p3", "p4"]);
    const p3 = target.players.get("p3")!;
    expect(p3).toMatchObject({
      id: "p3",
      name: "Citra",
      role: "penambang",
      seat: 2,
      isBot: true,
      connected: false,
      tenaga: game.config.tenagaPerSeason,
      krisis: true,
      hungry: true,
      houseDamaged: false,
      done: false,
      location: "home",
      beras,
      kayu: 2,
      batu: 3,
      uang: 4,
    });
    expect(target.players.get("p1")).toMatchObject({
      role: "petani",
      isBot: false,
      connected: true,
      hungry: false,
    });
  });

  it("adds a player only once and drops a player who left the game", () => {
    const game = villageAt(4);
    const target = new VillageState();
    syncVillage(target, game, "X");
    expect(syncVillage(target, game, "X")).toEqual([]);
    delete game.players.p4;
    game.playerOrder = game.playerOrder.filter((id) => id !== "p4");
    syncVillage(target, game, "X");
    expect(target.players.has("p4")).toBe(false);
    expect(target.players.size).toBe(3);
  });

  it("copies every project with its needs, what was given and a stage from 0 to 3", () => {
    const game = villageAt(4);
    calmSeasons(game);
    setAllHands(game, { beras: 10 });
    const gutters = projectId(game, "selokan");
    let v = synced(game);
    expect(v.projects.size).toBe(Object.keys(game.projects).length);
    expect(v.projects.get(gutters)).toMatchObject({ kind: "selokan", status: "open", stage: 0, labour: 0 });
    const bridge = v.projects.get(projectId(game, "jembatan"))!;
    // The bridge sized to this village of 4 (sizedProject), with the design's minimum of villagers.
    const { needs, labour } = sizedProject("jembatan", 4);
    const { minVillagers } = PROJECTS.jembatan;
    expect(labour).toBeLessThan(PROJECTS.jembatan.labour);
    expect(bridge).toMatchObject({
      needKayu: needs.kayu ?? 0,
      needBatu: needs.batu ?? 0,
      needUang: needs.uang ?? 0,
      needBeras: needs.beras ?? 0,
      labourNeeded: labour,
      minVillagers,
      ownerId: "",
      deadlineSeason: 0,
    });
    const stages: number[] = [];
    const workers: string[] = [];
    for (const p of game.playerOrder) {
      if (workInTurn(game, gutters, [p]).length === 0) continue;
      workers.push(p);
      v = synced(game);
      stages.push(v.projects.get(gutters)!.stage);
      expect(stages.at(-1)).toBe(projectStage(game.projects[gutters]!));
    }
    expect(stages[0]).toBeGreaterThan(0);
    expect(stages.at(-1)).toBe(3);
    expect(stages).toEqual([...stages].sort());
    expect(v.projects.get(gutters)).toMatchObject({
      status: "done",
      labour: game.projects[gutters]!.labourNeeded,
      labourers: workers.length,
    });
    expect([...v.projects.get(gutters)!.helpers]).toEqual(workers);
    for (const p of Object.values(game.projects)) expect(v.projects.get(p.id)!.stage).toBe(projectStage(p));
  });

  it("the forecast shows at most 3 seasons, starting with the current season", () => {
    const game = village(3, { config: { seasons: 6 } });
    calmSeasons(game);
    game.events = ["tenang", "tenang", "musibah", "hujan", "panenRaya", "tenang", "hujan"];
    expect([...synced(game).forecast]).toEqual(["tenang", "musibah", "hujan"]);
    game.season = 3;
    expect([...synced(game).forecast]).toEqual(["hujan", "panenRaya", "tenang"]);
    game.season = 5;
    expect([...synced(game).forecast]).toEqual(["tenang", "hujan"]);
    game.season = 6;
    expect([...synced(game).forecast]).toEqual(["hujan"]);
  });

  it("the log sent to clients is the newest SYNCED_LOG_LENGTH entries", () => {
    const game = villageAt(3);
    giveAidTimes(game, SYNCED_LOG_LENGTH + 10);
    const target = new VillageState();
    syncVillage(target, game, "X");
    expect(target.log.length).toBe(SYNCED_LOG_LENGTH);
    expect(target.log.map((e) => e.seq)).toEqual(game.log.slice(-SYNCED_LOG_LENGTH).map((e) => e.seq));
    const last = target.log.at(-1)!;
    expect(last.form).toBe("gotongRoyong");
    expect([...last.actors]).toEqual(["p1", "p2"]);
    expect(last.key).toBe("coop.aid");
    expect(JSON.parse(last.params)).toEqual({ name: "Ani", to: "Budi", units: 1 });

    giveAidTimes(game, 5);
    syncVillage(target, game, "X");
    expect(target.log.length).toBe(SYNCED_LOG_LENGTH);
    expect(target.log.map((e) => e.seq)).toEqual(game.log.slice(-SYNCED_LOG_LENGTH).map((e) => e.seq));
  });

  it("news reaches clients too, the newest SYNCED_NEWS_LENGTH items", () => {
    const game = villageAt(6);
    calmSeasons(game);
    const target = new VillageState();
    syncVillage(target, game, "X");
    expect(target.news.length).toBe(0);
    for (let night = 0; night < 5; night++) {
      setAllHands(game, {});
      game.meters.harmony = 100;
      endPhase(game); // everyone hungry: one krisis item per household
      syncVillage(target, game, "X");
      endPhase(game);
      endPhase(game);
    }
    syncVillage(target, game, "X");
    expect(game.news.length).toBeGreaterThan(SYNCED_NEWS_LENGTH);
    expect(target.news.length).toBe(SYNCED_NEWS_LENGTH);
    expect(target.news.map((n) => n.seq)).toEqual(game.news.slice(-SYNCED_NEWS_LENGTH).map((n) => n.seq));
    expect(target.news.filter((n) => n.kind === "krisis").length).toBeGreaterThan(0);
  });

  it("syncing twice without changes leaves every value the same", () => {
    const game = villageAt(4);
    giveAidTimes(game, 3);
    const target = new VillageState();
    syncVillage(target, game, "X");
    const first = JSON.stringify(target.toJSON());
    syncVillage(target, game, "X");
    expect(JSON.stringify(target.toJSON())).toBe(first);
    expect(target.log.length).toBe(3);
  });

  it("the result reaches clients when the game ends", () => {
    const game = village(3, { config: { seasons: 4 } });
    const target = new VillageState();
    syncVillage(target, game, "X");
    expect(target.resultReasons).toBe("");
    playGame(game, (s, id) => (s.players[id]!.done ? null : { type: "done" }));
    syncVillage(target, game, "X");
    expect(target.phase).toBe("ended");
    expect(target.won).toBe(false);
    expect(target.stars).toBe(0);
    expect(JSON.parse(target.resultReasons)).toEqual(game.result!.reasons);
  });

  it("syncing after every move of whole games gives what a fresh copy gives (settled items are skipped)", () => {
    const settled = { offers: 0, votes: 0, coalitions: 0, ventures: 0 };
    for (let g = 0; g < 6; g++) {
      const game = village(6, { seed: 100 + g, config: { openAllForms: true, seasons: 6 } });
      const rng: BotRng = { rng: seedFrom(`sync-equivalence:${g}`) };
      const target = new VillageState();
      let now = 0;
      startGame(game, now);
      syncVillage(target, game, "X");
      let moves = 0;
      while (game.phase !== "ended") {
        if (game.phase === "action") {
          for (let round = 0; round < 8; round++) {
            let acted = false;
            game.playerOrder.forEach((id, seat) => {
              const personality = PERSONALITIES[seat % PERSONALITIES.length]!;
              const action = chooseBotAction(game, id, personality, rng, BOT_SKILL.sedang);
              if (!action || action.type === "done" || !apply(game, action, { actor: id, now }).ok) return;
              acted = true;
              syncVillage(target, game, "X");
              // A fresh copy now and then (every move would make the test slow, not stronger).
              if (++moves % 7 === 0) expect(target.toJSON()).toEqual(synced(game, "X").toJSON());
            });
            if (!acted) break;
          }
        }
        now = game.phaseEndsAt;
        advance(game, now);
        syncVillage(target, game, "X");
        expect(target.toJSON()).toEqual(synced(game, "X").toJSON());
        settled.offers += [...target.offers.values()].filter((o) => o.status !== "open").length;
        settled.votes += [...target.votes.values()].filter((v) => v.status !== "open").length;
        settled.coalitions += [...target.coalitions.values()].filter(
          (c) => c.status === "succeeded" || c.status === "failed",
        ).length;
        settled.ventures += [...target.ventures.values()].filter(
          (v) => v.status === "finished" || v.status === "expired",
        ).length;
      }
    }
    // The games really settled items of every kind, so the skipping was exercised.
    expect(settled.votes).toBeGreaterThan(0);
    expect(settled.coalitions).toBeGreaterThan(0);
    expect(settled.ventures).toBeGreaterThan(0);
    expect(settled.offers).toBeGreaterThan(0);
  });

  it("an offer shows as backed only while it is open", () => {
    const game = villageAt(4, 1, { config: { openAllForms: true } });
    setHand(game, "p1", { kayu: 2 });
    must(game, "p1", { type: "offerTrade", to: "p2", give: { kayu: 2 }, get: { beras: 1 } });
    const offerId = Object.keys(game.offers)[0]!;
    const target = new VillageState();
    syncVillage(target, game, "X");
    expect(target.offers.get(offerId)!.backed).toBe(true);
    must(game, "p1", { type: "cancelTrade", offerId });
    syncVillage(target, game, "X");
    expect(target.offers.get(offerId)!.status).toBe("cancelled");
    expect(target.offers.get(offerId)!.backed).toBe(false);
  });
});
