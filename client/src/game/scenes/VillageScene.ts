import { type ProjectKind, SITE_IDS, type SiteId, TOKOH, translate } from "@bangun-desa/shared";
import type { PlayerSchema, ProjectSchema, VillageState } from "@bangun-desa/shared/schema";
import * as Phaser from "phaser";
import { type Lang, ui } from "../../i18n.ts";
import {
  ASSET,
  BALAI_POS,
  HOUSE_POS,
  MAP_HEIGHT,
  MAP_WIDTH,
  PROJECT_POS,
  SITE_POS,
  TOKOH_POS,
} from "../assets.ts";
import type { GameContext } from "../context.ts";
import { SCENE } from "../keys.ts";

type MapProjectKind = Exclude<ProjectKind, "rumah">;
const MAP_PROJECTS: readonly MapProjectKind[] = ["selokan", "jembatan", "sekolah", "koperasi"];

const DEPTH = {
  ground: 0,
  place: 2,
  house: 4,
  marker: 8,
  avatar: 10,
  night: 50,
  rain: 60,
};
/** Okabe–Ito colours for the map's vector drawings (each also carries a text label). */
const COLOUR = {
  line: 0x3b2a1a,
  tokoh: 0xcc79a7,
  skin: 0xb5835a,
  cap: 0x1d1d1b,
  badge: 0xf0e442,
  paper: 0xfffdf5,
  unrest: 0xd55e00,
  protest: 0xb54b00,
};
const UNREST_BAR = { width: 120, height: 14 };
const PLACE_LABEL_ALPHA = 0.92;
/** Where the co-opted tokoh stands beside his project (inwards, so he stays on the map). */
const TOKOH_BESIDE_PROJECT = 185;
/** World-unit font sizes: the map is shown at roughly half size on a phone. */
const NAME_FONT = 26;
const PLACE_FONT = 24;
const AVATAR_SCALE = 0.75;
/** Avatar walking speed (world units per second). */
const WALK_SPEED = 260;

interface Avatar {
  /** The villager on the map: body and name in one picture (see drawAvatarPicture). */
  picture: Phaser.GameObjects.Image;
  texture: Phaser.Textures.CanvasTexture;
  /** Draws the name (off the display list: only its canvas is used). */
  label: Phaser.GameObjects.Text;
  /** The role and words the picture shows (as drawn). */
  drawn: string;
  role: string;
  target: string;
  tween: Phaser.Tweens.Tween | null;
}

/**
 * The living village: map, gathering sites, houses, projects at their stage, one walking avatar per
 * villager, weather and night. It only reads the synced state (through the network facade) and
 * forwards taps to the HTML HUD, which owns every form and text-heavy panel.
 */
export class VillageScene extends Phaser.Scene {
  private readonly avatars = new Map<string, Avatar>();
  /** What each avatar's picture shows (its texture is redrawn in place, see drawAvatarPicture). */
  private readonly avatarPictures = new Map<Phaser.GameObjects.GameObject, string>();
  /** Tap areas of the houses; their pictures (by seat order) are drawn in the static layer. */
  private readonly houses: Phaser.GameObjects.Zone[] = [];
  private readonly housePictures: string[] = [];
  /** Each map project's picture (its stage), drawn in the static layer. */
  private readonly projectPictures = new Map<MapProjectKind, string>();
  private readonly placeLabels: { text: Phaser.GameObjects.Text; key: string }[] = [];
  /** Everything on the map that stands still, drawn as one picture: see drawStaticLayer. */
  private staticLayer!: Phaser.Textures.CanvasTexture;
  private staticPicture = "";
  private flooded = false;
  private night!: Phaser.GameObjects.Rectangle;
  private rain!: Phaser.GameObjects.Particles.ParticleEmitter;
  private labelsLang = "";
  /** What the last frame asked for shows (see picture()). */
  private drawnPicture = "";
  private tokoh!: Phaser.GameObjects.Container;
  private tokohName!: Phaser.GameObjects.Text;
  private tokohInfo!: Phaser.GameObjects.Text;
  private unrestBar!: Phaser.GameObjects.Graphics;
  private readonly markers = new Map<MapProjectKind, Phaser.GameObjects.Text>();
  private readonly protestFrames = new Map<MapProjectKind, Phaser.GameObjects.Graphics>();

  constructor(private readonly ctx: GameContext) {
    super(SCENE.village);
  }

  create(): void {
    performance.mark("village-create");
    const r = this.ctx.resolution;
    this.cameras.main.setZoom(r).centerOn(MAP_WIDTH / 2, MAP_HEIGHT / 2);
    this.staticLayer = this.textures.createCanvas(ASSET.staticLayer, MAP_WIDTH * r, MAP_HEIGHT * r)!;
    this.image(MAP_WIDTH / 2, MAP_HEIGHT / 2, ASSET.staticLayer, DEPTH.ground);
    for (const site of SITE_IDS) {
      const { x, y } = SITE_POS[site];
      this.tappable(this.zone(x, y, ASSET.site(site)), () => this.ctx.actions.openGather(site));
      this.placeLabels.push({ text: this.placeLabel(x, y + 62), key: `site.${site}` });
    }
    this.tappable(this.zone(BALAI_POS.x, BALAI_POS.y, ASSET.balai), () => this.ctx.actions.openProject(null));
    const projectZones = new Map<MapProjectKind, Phaser.GameObjects.Zone>();
    for (const kind of MAP_PROJECTS) {
      const { x, y } = PROJECT_POS[kind];
      const zone = this.zone(x, y, ASSET.project(kind, 0));
      this.projectPictures.set(kind, ASSET.project(kind, 0));
      projectZones.set(kind, zone);
      this.tappable(zone, () => this.ctx.actions.openProject(this.projectOf(kind)?.id ?? null));
    }
    this.refreshStaticLayer(this.ctx.net.lang, false);

    this.createTokoh();
    for (const kind of MAP_PROJECTS) {
      const { x, y } = PROJECT_POS[kind];
      const sprite = projectZones.get(kind)!;
      const frame = this.add.graphics().setDepth(DEPTH.marker).setVisible(false);
      frame.lineStyle(6, COLOUR.protest, 1);
      frame.strokeRoundedRect(
        x - sprite.displayWidth / 2 - 4,
        y - sprite.displayHeight / 2 - 4,
        sprite.displayWidth + 8,
        sprite.displayHeight + 8,
        12,
      );
      this.protestFrames.set(kind, frame);
      const marker = this.text(x, y - sprite.displayHeight / 2 - 30, NAME_FONT, DEPTH.marker).setVisible(
        false,
      );
      this.markers.set(kind, marker);
    }

    this.night = this.add
      .rectangle(MAP_WIDTH / 2, MAP_HEIGHT / 2, MAP_WIDTH, MAP_HEIGHT, 0x0b1a3a, 0.45)
      .setDepth(DEPTH.night)
      .setVisible(false);
    this.rain = this.add.particles(0, -20, ASSET.raindrop, {
      x: { min: 0, max: MAP_WIDTH + 80 },
      lifespan: 1600,
      speedY: { min: 650, max: 850 },
      speedX: { min: -90, max: -60 },
      quantity: 2,
      frequency: 20,
      alpha: { start: 0.85, end: 0.35 },
      emitting: false,
    });
    this.rain.setDepth(DEPTH.rain);

    const off = this.ctx.net.events.on("state", (state) => this.refresh(state));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    const state = this.ctx.net.state;
    if (state) this.refresh(state);
    // Render on demand: a patch asks for a frame (refresh); walking avatars and rain draw every
    // frame while they move.
    const moving = this.ctx.render.whileTrue(
      () => this.tweens.tweens.length > 0 || this.rain.emitting || this.rain.getAliveParticleCount() > 0,
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      moving();
      this.ctx.render.allowSleep(false);
    });
    this.ctx.render.request(2);
    this.ctx.render.allowSleep(true);
    // The first frame with the village on it (scripts/bench-client.ts measures up to this mark).
    const drawn = (renderer: unknown): void => {
      if (!renderer) return; // a frame that was not drawn (see RenderGate)
      this.game.events.off(Phaser.Core.Events.POST_RENDER, drawn);
      performance.mark("village-drawn");
      document.documentElement.dataset.villageDrawn = "1";
    };
    this.game.events.on(Phaser.Core.Events.POST_RENDER, drawn);
  }

  /** An SVG texture placed at world size (it was rasterised at the render resolution). */
  private image(x: number, y: number, key: string, depth: number): Phaser.GameObjects.Image {
    return this.add
      .image(x, y, key)
      .setScale(1 / this.ctx.resolution)
      .setDepth(depth);
  }

  /** An invisible tap area the size of a picture of the static layer (see drawStaticLayer). */
  private zone(x: number, y: number, key: string): Phaser.GameObjects.Zone {
    // A picture that failed to load is Phaser's small "missing" texture: the tap area still works.
    const frame = this.textures.get(key).get();
    const r = this.ctx.resolution;
    return this.add.zone(x, y, frame.width / r, frame.height / r).setDepth(DEPTH.place);
  }

  /**
   * Everything on the map that stands still — the ground, the flood while the village is flooded,
   * the gathering sites, the balai, the projects at their stage, the place names and the houses —
   * drawn into one texture, again only when one of them changes (the language, the flood, a
   * project's stage, a damaged house: a few times a game). A drawn frame then draws one picture
   * for them instead of twenty: the Canvas renderer (phones without a usable GPU, see
   * rendererChoice.ts) pays for every picture and every pixel on the main thread. They are drawn
   * in the order of their old depths; everything drawn on its own (avatars, the tokoh, markers,
   * night, rain) stands above them. Taps land on invisible zones of the same sizes.
   */
  private drawStaticLayer(): void {
    const r = this.ctx.resolution;
    const g = this.staticLayer.context;
    const draw = (key: string, x: number, y: number): void => {
      if (!this.textures.exists(key)) return; // a picture that failed to load (see art.ts)
      const frame = this.textures.get(key).get();
      g.drawImage(frame.source.image as CanvasImageSource, x * r - frame.width / 2, y * r - frame.height / 2);
    };
    // From blank: nothing of the last drawing (a flood that receded) may show through.
    g.clearRect(0, 0, this.staticLayer.width, this.staticLayer.height);
    g.globalAlpha = 1;
    draw(ASSET.ground, MAP_WIDTH / 2, MAP_HEIGHT / 2);
    if (this.flooded) draw(ASSET.banjir, MAP_WIDTH / 2, MAP_HEIGHT / 2);
    for (const site of SITE_IDS) draw(ASSET.site(site), SITE_POS[site].x, SITE_POS[site].y);
    draw(ASSET.balai, BALAI_POS.x, BALAI_POS.y);
    for (const [kind, key] of this.projectPictures) draw(key, PROJECT_POS[kind].x, PROJECT_POS[kind].y);
    g.globalAlpha = PLACE_LABEL_ALPHA;
    for (const { text } of this.placeLabels)
      g.drawImage(text.canvas, text.x * r - text.canvas.width / 2, text.y * r);
    g.globalAlpha = 1;
    this.housePictures.forEach((key, i) => {
      const pos = HOUSE_POS[i];
      if (pos) draw(key, pos.x, pos.y);
    });
    this.staticLayer.refresh();
  }

  private refreshStaticLayer(lang: Lang, flooded: boolean): void {
    if (lang !== this.labelsLang) {
      this.labelsLang = lang;
      for (const { text, key } of this.placeLabels) text.setText(shortName(translate(lang, key)));
    }
    this.flooded = flooded;
    const picture = [lang, flooded, ...this.projectPictures.values(), ...this.housePictures].join("|");
    if (picture === this.staticPicture) return;
    this.staticPicture = picture;
    this.drawStaticLayer();
  }

  /**
   * Phaser also hit-tests pointer-ups that happen on HTML above the canvas (it listens on the
   * window): only a tap that went down and up on the canvas itself counts.
   */
  private tappable(obj: Phaser.GameObjects.Zone, onTap: () => void): void {
    const canvas = this.game.canvas;
    obj
      .setInteractive({ useHandCursor: true })
      .on(Phaser.Input.Events.POINTER_UP, (pointer: Phaser.Input.Pointer) => {
        if (pointer.downElement === canvas && pointer.upElement === canvas) onTap();
      });
  }

  private textStyle(size: number): Phaser.Types.GameObjects.Text.TextStyle {
    return {
      fontFamily: "system-ui, sans-serif",
      fontSize: `${size}px`,
      fontStyle: "bold",
      color: "#1d1d1b",
      backgroundColor: "#fffdf5",
      padding: { x: 8, y: 3 },
      resolution: this.ctx.resolution,
    };
  }

  private text(x: number, y: number, size: number, depth: number): Phaser.GameObjects.Text {
    return this.add.text(x, y, "", this.textStyle(size)).setOrigin(0.5, 0).setDepth(depth);
  }

  /** A place's name: drawn into the static layer, not on its own (it is not on the display list). */
  private placeLabel(x: number, y: number): Phaser.GameObjects.Text {
    return this.make.text({ x, y, text: "", style: this.textStyle(PLACE_FONT) }, false);
  }

  /**
   * The tokoh pemuda: a figure of his own (peci, purple shirt, a "T" badge), never a villager's
   * avatar, with his name and, while he is outside, an unrest meter (bar + number + word).
   */
  private createTokoh(): void {
    const g = this.add.graphics();
    g.lineStyle(3, COLOUR.line, 1);
    g.fillStyle(COLOUR.tokoh, 1);
    g.fillRoundedRect(-24, -62, 48, 56, 12);
    g.strokeRoundedRect(-24, -62, 48, 56, 12);
    g.fillStyle(COLOUR.skin, 1);
    g.fillCircle(0, -80, 17);
    g.strokeCircle(0, -80, 17);
    g.fillStyle(COLOUR.cap, 1);
    g.fillRect(-15, -102, 30, 12);
    g.fillStyle(COLOUR.badge, 1);
    g.fillCircle(0, -36, 11);
    g.strokeCircle(0, -36, 11);
    const badge = this.add
      .text(0, -36, "T", {
        fontFamily: "system-ui, sans-serif",
        fontSize: "16px",
        fontStyle: "bold",
        color: "#1d1d1b",
        resolution: this.ctx.resolution,
      })
      .setOrigin(0.5);
    this.tokohName = this.text(0, 2, NAME_FONT, 0);
    this.tokohInfo = this.text(0, 2 + NAME_FONT + 12, PLACE_FONT - 2, 0);
    this.unrestBar = this.add.graphics();
    this.tokoh = this.add
      .container(TOKOH_POS.x, TOKOH_POS.y, [g, badge, this.tokohName, this.tokohInfo, this.unrestBar])
      .setDepth(DEPTH.avatar + TOKOH_POS.y / MAP_HEIGHT)
      .setVisible(false);
  }

  private refreshTokoh(state: VillageState): void {
    const lang = this.ctx.net.lang;
    const status = state.tokohStatus;
    this.tokoh.setVisible(status === "outside" || status === "coopted");
    if (!this.tokoh.visible) return;
    this.tokohName.setText(ui(lang, "tokoh.mapOutside"));
    this.unrestBar.clear();
    if (status === "outside") {
      const unrest = state.tokohUnrest;
      setWords(
        this.tokohInfo,
        ui(lang, "tokoh.unrest", { n: unrest }),
        unrest >= TOKOH.protestAt ? "#fde9dc" : "#fffdf5",
      );
      const top = this.tokohInfo.y + this.tokohInfo.height + 4;
      const { width, height } = UNREST_BAR;
      this.unrestBar.fillStyle(COLOUR.paper, 1);
      this.unrestBar.fillRect(-width / 2, top, width, height);
      this.unrestBar.fillStyle(COLOUR.unrest, 1);
      this.unrestBar.fillRect(-width / 2, top, (width * unrest) / 100, height);
      this.unrestBar.lineStyle(2, COLOUR.line, 1);
      this.unrestBar.strokeRect(-width / 2, top, width, height);
      this.tokoh.setPosition(TOKOH_POS.x, TOKOH_POS.y);
      return;
    }
    const position = translate(lang, `position.${state.tokohPosition}`);
    setWords(this.tokohInfo, `★ ${position.charAt(0).toUpperCase()}${position.slice(1)}`, "#f0e442");
    const project = state.projects.get(state.tokohProjectId);
    const at = project && project.kind !== "rumah" ? PROJECT_POS[project.kind as MapProjectKind] : TOKOH_POS;
    const side = at.x > MAP_WIDTH / 2 ? -TOKOH_BESIDE_PROJECT : TOKOH_BESIDE_PROJECT;
    this.tokoh.setPosition(at === TOKOH_POS ? at.x : at.x + side, at.y + 10);
    this.tokoh.setDepth(DEPTH.avatar + this.tokoh.y / MAP_HEIGHT);
  }

  /** Words on the map for the village's priority project and the project his protest stops. */
  private refreshMarkers(state: VillageState): void {
    const lang = this.ctx.net.lang;
    for (const kind of MAP_PROJECTS) {
      const p = this.projectOf(kind);
      const blocked = !!p && p.status === "open" && p.id === state.blockedProjectId;
      const priority = !!p && p.status === "open" && p.id === state.priorityProjectId;
      this.protestFrames.get(kind)!.setVisible(blocked);
      const marker = this.markers.get(kind)!;
      const words = [
        priority ? `★ ${ui(lang, "map.priority")}` : "",
        blocked ? `✋ ${ui(lang, "map.blocked")}` : "",
      ].filter(Boolean);
      marker.setVisible(words.length > 0);
      setWords(marker, words.join(" · "), blocked ? "#fde9dc" : "#f0e442");
    }
  }

  private projectOf(kind: ProjectKind): ProjectSchema | undefined {
    const state = this.ctx.net.state;
    if (!state) return undefined;
    let done: ProjectSchema | undefined;
    for (const p of state.projects.values()) {
      if (p.kind !== kind) continue;
      if (p.status === "open") return p;
      if (p.status === "done") done = p;
    }
    return done;
  }

  /**
   * What the map shows, as text: every object's place, visibility, alpha, depth, picture, words and
   * vector drawing. Most patches change nothing on the map (a hand, the log, a vote, a timer): such
   * a patch draws no frame (see RenderGate).
   */
  private picture(): string {
    const parts: (string | number)[] = [];
    const add = (list: readonly Phaser.GameObjects.GameObject[]): void => {
      for (const obj of list) {
        const o = obj as Phaser.GameObjects.GameObject &
          Partial<Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.Visible>;
        parts.push(
          obj.type,
          o.x ?? "",
          o.y ?? "",
          o.visible ? 1 : 0,
          (obj as Phaser.GameObjects.Image).alpha,
        );
        parts.push((obj as Phaser.GameObjects.Image).depth);
        if (obj instanceof Phaser.GameObjects.Image)
          parts.push(obj.texture.key, obj.frame.name, this.avatarPictures.get(obj) ?? "");
        else if (obj instanceof Phaser.GameObjects.Text)
          parts.push(obj.text, obj.style.backgroundColor ?? "");
        else if (obj instanceof Phaser.GameObjects.Graphics) parts.push(obj.commandBuffer.join());
        else if (obj instanceof Phaser.GameObjects.Container) add(obj.list);
      }
    };
    add(this.children.list);
    parts.push(this.rain.emitting ? 1 : 0, this.staticPicture);
    return parts.join("|");
  }

  private refresh(state: VillageState): void {
    this.refreshMap(state);
    const picture = this.picture();
    // A walk that has just started has not moved anything yet: it too needs the loop running.
    if (picture !== this.drawnPicture || this.tweens.tweens.length > 0) {
      this.drawnPicture = picture;
      this.ctx.render.request();
    }
  }

  private refreshMap(state: VillageState): void {
    for (const kind of MAP_PROJECTS) {
      const p = this.projectOf(kind);
      const stage = !p ? 0 : p.status === "done" ? 3 : p.stage;
      this.projectPictures.set(kind, ASSET.project(kind, stage));
    }
    const players = [...state.players.values()].sort((a, b) => a.seat - b.seat);
    players.forEach((p, i) => {
      this.drawHouse(i, p);
    });
    this.refreshStaticLayer(this.ctx.net.lang, state.flooded);
    for (const p of players) this.drawAvatar(p, state);
    this.refreshTokoh(state);
    this.refreshMarkers(state);

    this.night.setVisible(state.phase === "night");
    const raining = state.forecast[0] === "hujan" && state.phase !== "ended";
    if (raining !== this.rain.emitting) {
      if (raining) this.rain.start();
      else this.rain.stop();
    }
  }

  private drawHouse(index: number, player: PlayerSchema): void {
    const pos = HOUSE_POS[index];
    if (!pos) return;
    let house = this.houses[index];
    if (!house) {
      house = this.zone(pos.x, pos.y, ASSET.house).setDepth(DEPTH.house);
      this.tappable(house, () => {
        const seatId = house!.getData("seatId") as string | undefined;
        if (seatId) this.ctx.actions.openHouse(seatId);
      });
      this.houses[index] = house;
    }
    house.setData("seatId", player.id);
    this.housePictures[index] = player.houseDamaged ? ASSET.houseDamaged : ASSET.house;
  }

  /** Where a villager stands: at a site, a project, a neighbour's house, or at home. */
  private positionOf(player: PlayerSchema, state: VillageState): { x: number; y: number } {
    const loc = player.location;
    const spread = ((player.seat % 3) - 1) * 34;
    const row = Math.floor(player.seat / 3) * 22;
    if ((SITE_IDS as readonly string[]).includes(loc)) {
      const p = SITE_POS[loc as SiteId];
      return { x: p.x + spread, y: p.y + 10 + row };
    }
    if (loc.startsWith("project:")) {
      const project = state.projects.get(loc.slice("project:".length));
      if (project && project.kind !== "rumah") {
        const p = PROJECT_POS[project.kind as MapProjectKind];
        return { x: p.x + spread * 1.5, y: p.y - 20 + row };
      }
      if (project) return this.housePos(project.ownerId, state, spread, row);
    }
    if (loc.startsWith("house:")) return this.housePos(loc.slice("house:".length), state, spread, row);
    return this.housePos(player.id, state, 0, 0);
  }

  private housePos(
    seatId: string,
    state: VillageState,
    spread: number,
    row: number,
  ): { x: number; y: number } {
    const owner = state.players.get(seatId);
    const order = [...state.players.values()].sort((a, b) => a.seat - b.seat);
    const index = owner ? order.indexOf(owner) : 0;
    const pos = HOUSE_POS[index] ?? HOUSE_POS[0]!;
    return { x: pos.x + spread * 0.6, y: pos.y + 34 + row };
  }

  private drawAvatar(player: PlayerSchema, state: VillageState): void {
    let avatar = this.avatars.get(player.id);
    const target = this.positionOf(player, state);
    if (!avatar) {
      const textureKey = `avatar-${player.id}`;
      if (this.textures.exists(textureKey)) this.textures.remove(textureKey); // a village shown again
      const texture = this.textures.createCanvas(textureKey, 1, 1)!;
      const picture = this.add.image(target.x, target.y, texture).setScale(1 / this.ctx.resolution);
      // Neighbouring houses are close: every other villager's name sits one line lower.
      const label = this.make.text(
        { x: 0, y: 2 + (player.seat % 2) * (NAME_FONT + 8), text: "", style: this.textStyle(NAME_FONT) },
        false,
      );
      avatar = { picture, texture, label, drawn: "", role: player.role, target: "", tween: null };
      this.avatars.set(player.id, avatar);
    }
    avatar.role = player.role;
    const mine = player.id === this.ctx.net.seatId;
    const name = `${mine ? "★ " : ""}${shortName(player.name)}${player.done ? " ✓" : ""}`;
    setWords(avatar.label, name, mine ? "#f0e442" : "#fffdf5");
    this.drawAvatarPicture(avatar);
    avatar.picture.setAlpha(player.connected || player.isBot ? 1 : 0.55);

    const key = `${Math.round(target.x)},${Math.round(target.y)}`;
    if (avatar.target === key) return;
    const first = avatar.target === "";
    avatar.target = key;
    avatar.tween?.stop();
    const c = avatar.picture;
    if (first) {
      c.setPosition(target.x, target.y);
    } else {
      const distance = Phaser.Math.Distance.Between(c.x, c.y, target.x, target.y);
      avatar.tween = this.tweens.add({
        targets: c,
        x: target.x,
        y: target.y,
        duration: Math.max(300, (distance / WALK_SPEED) * 1000),
        ease: "Sine.easeInOut",
        onUpdate: () => c.setDepth(DEPTH.avatar + c.y / MAP_HEIGHT),
      });
    }
    c.setDepth(DEPTH.avatar + c.y / MAP_HEIGHT);
  }

  /**
   * A villager's body and name drawn into one picture of its own, again only when the role or the
   * name changes. Every frame then draws one picture per villager instead of two, and not from a
   * Text's own canvas: the Canvas renderer (phones without a usable GPU) copies a picture per draw,
   * and a Text's canvas is a drawing surface the browser must take a snapshot of each time, while
   * this texture's canvas is kept in plain memory (as the static layer's). The picture's point of
   * origin is the body's feet, where the villager stands.
   */
  private drawAvatarPicture(avatar: Avatar): void {
    const body = this.textures.exists(ASSET.avatar(avatar.role))
      ? this.textures.get(ASSET.avatar(avatar.role)).get()
      : null; // a picture that failed to load (see art.ts): the name alone
    const label = avatar.label;
    const drawn = `${avatar.role}|${label.text}|${label.style.backgroundColor}`;
    if (drawn === avatar.drawn) return;
    avatar.drawn = drawn;
    const r = this.ctx.resolution;
    // In texture pixels: the body at its map size, the name below it (both were made at resolution r).
    const bodyW = body ? Math.ceil(body.width * AVATAR_SCALE) : 0;
    const bodyH = body ? Math.ceil(body.height * AVATAR_SCALE) : 0;
    const labelTop = bodyH + Math.round(label.y * r);
    const width = Math.max(1, bodyW, label.canvas.width);
    const height = Math.max(1, labelTop + label.canvas.height);
    const texture = avatar.texture;
    if (texture.width !== width || texture.height !== height) texture.setSize(width, height);
    const g = texture.context;
    g.clearRect(0, 0, width, height);
    if (body) g.drawImage(body.source.image as CanvasImageSource, (width - bodyW) / 2, 0, bodyW, bodyH);
    if (label.text) g.drawImage(label.canvas, Math.round((width - label.canvas.width) / 2), labelTop);
    texture.refresh();
    avatar.picture
      .setSizeToFrame(texture.get())
      .setOrigin(0.5, bodyH / height)
      .setScale(1 / r);
    this.avatarPictures.set(avatar.picture, drawn);
  }
}

/**
 * Give a Text these words on this background, touching it only where they differ: every change
 * redraws the Text's own canvas (measure, fill, text), and a patch (several a second while bots act)
 * usually changes neither.
 */
function setWords(text: Phaser.GameObjects.Text, words: string, background: string): void {
  if (text.style.backgroundColor !== background) text.setBackgroundColor(background);
  if (text.text !== words) text.setText(words);
}

/** Keep map labels short: drop an explanation in parentheses and cap the length. */
function shortName(name: string): string {
  const plain = name.replace(/\s*\(.*\)\s*$/, "");
  return plain.length > 12 ? `${plain.slice(0, 11)}…` : plain;
}
