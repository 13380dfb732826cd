import { FORECAST_AHEAD } from "../content/events.ts";
import type { ProjectKind } from "../content/projects.ts";
import { RESOURCES, type Resource } from "../content/resources.ts";
import { ROLES } from "../content/roles.ts";
import { SITE_IDS, SITES } from "../content/sites.ts";
import { poolStillNeeded } from "../rules/coalition.ts";
import { own } from "../rules/guard.ts";
import { legalActions } from "../rules/legal.ts";
import { isHungry, needsAid } from "../rules/public.ts";
import { FOOD_PER_HOUSEHOLD } from "../rules/season.ts";
import type { Action, GameState, ProjectState } from "../rules/types.ts";
import { chooseBargainingAction } from "./bargaining.ts";
import { choosePartnershipAction } from "./partnerships.ts";

/**
 * How urgent each open project is for the village right now (higher first). The gutters matter when
 * rain is forecast; a neighbour's house has a deadline; the bridge is the goal of the game.
 */
function projectPriority(state: GameState, project: ProjectState): number {
  const rainSoon = state.events
    .slice(state.season, state.season + FORECAST_AHEAD + 1)
    .some((e, i) => e === "hujan" && i > 0);
  const base: Record<ProjectKind, number> = {
    rumah: 90,
    selokan: rainSoon ? 95 : 20,
    jembatan: 70,
    sekolah: 40,
    koperasi: 50,
  };
  return base[project.kind];
}

/** No action kinds held back. */
export const NO_HOLD: ReadonlySet<Action["type"]> = new Set();

/** Beras this household keeps for its own meal tonight. */
function foodReserve(): number {
  return FOOD_PER_HOUSEHOLD;
}

/**
 * A cooperative villager: keeps its household fed, feeds hungry neighbours, works on the most
 * urgent project, gives what projects need and gathers its own specialty. It only chooses among
 * `legalActions` and reads only public state and its own hand. Returns null when nothing is left.
 */
export function chooseCooperativeAction(
  state: GameState,
  playerId: string,
  hold: ReadonlySet<Action["type"]> = NO_HOLD,
): Action | null {
  const me = own(state.players, playerId);
  if (!me) return null;
  const legal = legalActions(state, playerId).filter((a) => !hold.has(a.type));
  if (legal.length === 0) return null;
  const role = ROLES[me.role];

  // 0. Answer offers and bargain first, so a person's offer gets an answer within seconds.
  const bargain = chooseBargainingAction(state, playerId, legal);
  if (bargain) return bargain;

  // 1. Feed a hungry neighbour (the petani's surplus): bantu tetangga.
  const spareBeras = me.hand.beras - foodReserve() - (role.specialty === "beras" ? 1 : 0);
  if (spareBeras > 0) {
    const hungry = state.playerOrder.find(
      (id) => id !== playerId && isHungry(state, id) && needsAid(state, id),
    );
    if (hungry) {
      const aid = legal.find((a) => a.type === "giveAid" && a.to === hungry && (a.give.beras ?? 0) > 0);
      if (aid) return aid;
    }
  }

  // 2. Own food: a household that cannot eat tonight gathers beras first (always in the last
  // season, when a household in krisis costs the village the game).
  const lastSeason = state.season >= state.config.seasons;
  if (
    me.hand.beras < foodReserve() &&
    me.tenaga > 0 &&
    (role.specialty === "beras" || me.tenaga > 2 || lastSeason)
  ) {
    return { type: "gather", site: "sawah", tenaga: 1 };
  }

  // 3. Musyawarah, kooptasi, koalisi and the household's joint venture.
  const partnership = choosePartnershipAction(state, playerId, legal);
  if (partnership) return partnership;
  if (role.specialty === "beras" && me.hand.beras < FOOD_PER_HOUSEHOLD * 3 && me.tenaga > 0) {
    return { type: "gather", site: "sawah", tenaga: 1 };
  }

  const projects = Object.values(state.projects)
    .filter((p) => p.status === "open")
    .sort((a, b) => projectPriority(state, b) - projectPriority(state, a));

  // 4. Give resources a project needs (keeping food for tonight).
  for (const project of projects) {
    const gift = legal.find(
      (a) =>
        a.type === "contribute" &&
        a.projectId === project.id &&
        a.tenaga === 0 &&
        RESOURCES.some((r) => (a.give[r] ?? 0) > 0 && (r !== "beras" || me.hand.beras > foodReserve() + 1)),
    );
    if (gift) return gift;
  }

  // 5. Work on the most urgent project that has room for my labour.
  for (const project of projects) {
    const work = legal.find((a) => a.type === "contribute" && a.projectId === project.id && a.tenaga > 0);
    if (work && (projectPriority(state, project) >= 50 || me.tenaga > 3)) return work;
  }

  // 6. Offer a person a trade: my surplus for what their role makes, once a season each.
  const offer = offerToPerson(state, playerId, legal);
  if (offer) return offer;

  // 7. Buy what the village needs from a neighbour who has given nothing yet (a hoarder).
  const buy = buyFromHoarder(state, playerId, legal, projects);
  if (buy) return buy;

  // 8. Gather what the village's projects still need, preferring my specialty.
  if (me.tenaga > 0) {
    const wanted = neededResources(projects);
    for (const r of coalitionNeeds(state, playerId)) wanted.add(r);
    const mine = role.specialty;
    if (mine && (wanted.has(mine) || mine === "beras")) return gatherAt(mine);
    const target = [...wanted][0];
    if (target) return gatherAt(target);
    if (mine) return gatherAt(mine);
    return gatherAt("beras");
  }
  return legal.find((a) => a.type === "done") ?? null;
}

function neededResources(projects: ProjectState[]): Set<Resource> {
  const out = new Set<Resource>();
  for (const p of projects) {
    for (const r of RESOURCES) if ((p.needs[r] ?? 0) > p.given[r]) out.add(r);
  }
  return out;
}

/**
 * From season 2, a neighbour who has contributed nothing (public: the cooperation log) while the
 * village's projects need what that household's role makes is offered a fair swap, 1 for 1, paid in
 * something this villager can spare. Among cooperative villagers nobody qualifies, so it only moves
 * a free-rider's hoard to where the village needs it.
 */
function buyFromHoarder(
  state: GameState,
  playerId: string,
  legal: Action[],
  projects: ProjectState[],
): Action | null {
  if (state.season < 2) return null;
  const me = state.players[playerId]!;
  if (Object.values(state.offers).some((o) => o.status === "open" && o.from === playerId)) return null;
  const wanted = neededResources(projects);
  for (const id of state.playerOrder) {
    const other = state.players[id]!;
    if (id === playerId || other.contributed > 0) continue;
    const makes = ROLES[other.role].specialty;
    if (!makes || !wanted.has(makes) || makes === ROLES[me.role].specialty) continue;
    const offer = legal.find(
      (a) =>
        a.type === "offerTrade" &&
        a.to === id &&
        (a.get[makes] ?? 0) === 1 &&
        RESOURCES.some(
          (r) =>
            (a.give[r] ?? 0) === 1 &&
            r !== makes &&
            (r !== "beras" || me.hand.beras >= FOOD_PER_HOUSEHOLD + 2),
        ),
    );
    if (offer) return offer;
  }
  return null;
}

/** What the coalitions this villager belongs to still need in their pools. */
function coalitionNeeds(state: GameState, playerId: string): Set<Resource> {
  const out = new Set<Resource>();
  for (const c of Object.values(state.coalitions)) {
    if ((c.status !== "forming" && c.status !== "active") || !c.members.includes(playerId)) continue;
    const still = poolStillNeeded(c);
    for (const r of RESOURCES) if ((still[r] ?? 0) > 0) out.add(r);
  }
  return out;
}

function gatherAt(resource: Resource): Action {
  const site = SITE_IDS.find((s) => SITES[s].resource === resource) ?? "sawah";
  return { type: "gather", site, tenaga: 1 };
}

/** Surplus a bot keeps before it offers its specialty to a person. */
const TRADE_SURPLUS = 4;

/**
 * Bots propose trades to people, so a student meets bargaining even without asking: 2 of the bot's
 * surplus specialty for 1 of what the person's role makes (public), to each person once a season.
 */
function offerToPerson(state: GameState, playerId: string, legal: Action[]): Action | null {
  const me = state.players[playerId]!;
  const mine = ROLES[me.role].specialty;
  if (!mine || me.hand[mine] < TRADE_SURPLUS) return null;
  for (const to of state.playerOrder) {
    const person = state.players[to]!;
    if (to === playerId || person.isBot || !person.connected) continue;
    const theirs = ROLES[person.role].specialty ?? "uang";
    if (theirs === mine) continue;
    const offeredThisSeason = Object.values(state.offers).some(
      (o) => o.from === playerId && o.to === to && o.season === state.season,
    );
    if (offeredThisSeason) continue;
    const proposal = legal.find(
      (a) =>
        a.type === "offerTrade" && a.to === to && (a.give[mine] ?? 0) === 2 && (a.get[theirs] ?? 0) === 1,
    );
    if (proposal) return proposal;
  }
  return null;
}
