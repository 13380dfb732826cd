import { describe, expect, it } from "vitest";
import { type Action, chooseCooperativeAction, FOOD_PER_HOUSEHOLD } from "../../shared/src/index.ts";
import { must, setAllHands, setHand, villageAt } from "./helpers.ts";

/** Bots propose trades to people, so a student meets bargaining without having to start it. */
describe("bots and people", () => {
  function quietVillage() {
    // p1 is a person (the petani); p2… are bots. Season 2: bargaining is open.
    const state = villageAt(5, 2, { people: 1 });
    for (const project of Object.values(state.projects)) project.status = "done";
    // Everyone fed with beras to spare; p2 (penebang) has kayu to spare.
    const fed = 2 * FOOD_PER_HOUSEHOLD + 1;
    setAllHands(state, { beras: fed });
    setHand(state, "p2", { beras: fed, kayu: 6 });
    return state;
  }

  it("a bot with surplus offers a person 2 of its specialty for 1 of what the person's role makes", () => {
    const state = quietVillage();
    const action = chooseCooperativeAction(state, "p2");
    expect(action).toEqual<Action>({ type: "offerTrade", to: "p1", give: { kayu: 2 }, get: { beras: 1 } });
  });

  it("offers each person at most once a season", () => {
    const state = quietVillage();
    must(state, "p2", chooseCooperativeAction(state, "p2")!);
    const next = chooseCooperativeAction(state, "p2");
    expect(next?.type).not.toBe("offerTrade");
  });

  it("makes no such offer to a person who is away", () => {
    const state = quietVillage();
    state.players.p1!.connected = false;
    expect(chooseCooperativeAction(state, "p2")?.type).not.toBe("offerTrade");
  });
});
