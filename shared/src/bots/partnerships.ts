import type { VentureKind } from "../content/partnerships.ts";
import { RESOURCES } from "../content/resources.ts";
import type { RoleId } from "../content/roles.ts";
import { FOOD_PER_HOUSEHOLD } from "../rules/season.ts";
import type { Action, GameState } from "../rules/types.ts";

const VENTURE_BY_ROLE: Record<RoleId, VentureKind> = {
  petani: "penggilinganPadi",
  pedagang: "eksporKopi",
  penebang: "bengkelMotorListrik",
  penambang: "bengkelMotorListrik",
  tukang: "bengkelMotorListrik",
};

/**
 * A cooperative bot's move in musyawarah, kooptasi, koalisi and joint ventures, chosen from `legal`:
 * vote (yes to co-opting and to the village's priorities), keep its ventures running, sign a fair
 * venture, propose to co-opt the restless tokoh, join and feed coalitions, and found one venture.
 */
export function choosePartnershipAction(state: GameState, playerId: string, legal: Action[]): Action | null {
  const me = state.players[playerId]!;
  const find = (test: (a: Action) => boolean) => legal.find(test) ?? null;

  const vote = find((a) => a.type === "castVote" && a.choice === "yes");
  if (vote) return vote;
  // A household that cannot eat tonight sees to its food before any business.
  const fed = me.hand.beras >= FOOD_PER_HOUSEHOLD;

  const work = fed ? find((a) => a.type === "workVenture") : null;
  if (work) return work;

  const sign = find((a) => {
    if (a.type !== "acceptVenture" || !fed) return false;
    const v = state.ventures[a.ventureId]!;
    return v.proposerShare <= 60;
  });
  if (sign) return sign;

  if (state.tokoh.status === "outside") {
    const bridge = Object.values(state.projects).find((p) => p.kind === "jembatan" && p.status === "open");
    const coopt = find(
      (a) =>
        a.type === "proposeVote" &&
        a.topic === "cooptTokoh" &&
        a.position === "pembina" &&
        (!bridge || a.projectId === bridge.id),
    );
    if (coopt) return coopt;
  }

  const join = find((a) => a.type === "joinCoalition");
  if (join) return join;
  const pledge = find(
    (a) =>
      a.type === "pledgeCoalition" &&
      RESOURCES.some(
        (r) => (a.give[r] ?? 0) > 0 && (r !== "beras" || me.hand.beras > FOOD_PER_HOUSEHOLD + 1),
      ),
  );
  if (pledge) return pledge;
  const campaignCalled = state.events.slice(1, state.season + 1).includes("kampanyeSampah");
  const campaignTried = Object.values(state.coalitions).some((c) => c.goal === "kampanyeSampah");
  if (campaignCalled && !campaignTried) {
    const propose = find((a) => a.type === "proposeCoalition" && a.goal === "kampanyeSampah");
    if (propose) return propose;
  }

  const inVenture = Object.values(state.ventures).some(
    (v) =>
      (v.status === "active" || v.status === "proposed") &&
      (v.proposer === playerId || v.partner === playerId),
  );
  // A venture founded in the last season would pay once at most: not worth the capital.
  if (!inVenture && fed && state.season < state.config.seasons) {
    const kind = VENTURE_BY_ROLE[me.role];
    // Prefer a person as partner, so a student meets the joint venture too.
    const people = state.playerOrder.filter((id) => id !== playerId && !state.players[id]!.isBot);
    const partnerOrder = [
      ...people,
      ...state.playerOrder.filter((id) => id !== playerId && !people.includes(id)),
    ];
    for (const to of partnerOrder) {
      const busy = Object.values(state.ventures).some(
        (v) => (v.status === "active" || v.status === "proposed") && (v.proposer === to || v.partner === to),
      );
      if (busy) continue;
      // Never the household's meal as capital.
      const propose = find(
        (a) =>
          a.type === "proposeVenture" &&
          a.to === to &&
          a.kind === kind &&
          me.hand.beras - (a.give.beras ?? 0) >= FOOD_PER_HOUSEHOLD,
      );
      if (propose) return propose;
    }
  }
  return null;
}
