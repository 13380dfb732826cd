import * as Phaser from "phaser";

/** Frames without anything to draw before the loop goes to sleep (half a second at 60 fps). */
const IDLE_FRAMES_BEFORE_SLEEP = 30;

/**
 * Render on demand. The village map is still most of the time: redrawing an unchanged picture 60
 * times a second costs a phone's GPU, battery and (without a GPU) the main thread for nothing.
 * Phaser draws a frame only when
 * - something asked for it (`request`: the map changed on a state patch, a resize, the tab shown
 *   again), or
 * - something is moving (`whileTrue`: a walking avatar's tween, the rain), plus one last frame
 *   after it stops, so its end position is drawn.
 * A frame with nothing to draw still runs Phaser's update (tweens, particles, scene changes); once
 * the scene allows it (`allowSleep`, the village) and nothing has been drawn for half a second, the
 * game loop itself sleeps (no requestAnimationFrame at all) until the next request, a resize of the
 * canvas's box or a touch on it. Taps work while it sleeps: Phaser handles DOM input events as they
 * come. The canvas keeps showing the last frame drawn (the browser composites it as it is).
 */
export class RenderGate {
  private pending = 0;
  private moving = false;
  private idleFrames = 0;
  private sleepAllowed = false;
  private waking = false;
  private game: Phaser.Game | null = null;
  private readonly checks = new Set<() => boolean>();
  /** Frames Phaser actually drew (scripts/bench-client.ts reads it to tell drawn frames apart). */
  drawn = 0;
  /** Draw every frame, as before render on demand (scripts/bench-client.ts measures that cost). */
  private everyFrame = false;

  /** Draw the next `frames` frames. */
  request(frames = 1): void {
    this.pending = Math.max(this.pending, frames);
    this.wake();
  }

  /** Draw every frame while `check()` is true (and one more after); returns the unregister call. */
  whileTrue(check: () => boolean): () => void {
    this.checks.add(check);
    this.wake();
    return () => {
      this.checks.delete(check);
      this.request();
    };
  }

  /** Let the loop sleep when idle (the village; scenes that load or change must keep it running). */
  allowSleep(allowed: boolean): void {
    this.sleepAllowed = allowed;
    if (!allowed) this.wake();
  }

  /** Draw every frame, as before render on demand (scripts/bench-client.ts measures that cost). */
  setDrawEveryFrame(on: boolean): void {
    this.everyFrame = on;
    this.wake();
  }

  /**
   * Whether this frame is drawn (decided before its update: a tween that ends in this update is
   * still running when asked, and the frame after the last movement is drawn as well).
   */
  private shouldDraw(): boolean {
    let moving = false;
    for (const check of this.checks) {
      if (check()) {
        moving = true;
        break;
      }
    }
    const draw = moving || this.moving || this.pending > 0 || this.everyFrame;
    this.moving = moving;
    if (this.pending > 0) this.pending--;
    return draw;
  }

  /** Restart a sleeping loop at the next animation frame (never inside the caller's own work). */
  private wake(): void {
    this.idleFrames = 0;
    const game = this.game;
    if (!game || game.loop.running || this.waking) return;
    this.waking = true;
    requestAnimationFrame(() => {
      this.waking = false;
      if (game.loop.running || !game.isRunning) return;
      // No catch-up after the pause: tweens go on from where they were.
      game.loop.resetDelta();
      game.loop.wake();
    });
  }

  /**
   * Replace the game's step (at the end of its boot, before the loop starts): a drawn frame runs
   * Phaser's step as it is (update, then render); any other frame runs Phaser's own update-only
   * step (`headlessStep`, whose PRE/POST_RENDER events carry no renderer).
   */
  install(game: Phaser.Game): void {
    this.game = game;
    const draw = game.step.bind(game);
    const skip = game.headlessStep.bind(game);
    game.step = (time: number, delta: number): void => {
      if (this.shouldDraw()) {
        this.idleFrames = 0;
        this.drawn++;
        draw(time, delta);
        return;
      }
      skip(time, delta);
      if (this.sleepAllowed && ++this.idleFrames >= IDLE_FRAMES_BEFORE_SLEEP) game.loop.sleep();
    };
    game.scale.on(Phaser.Scale.Events.RESIZE, () => this.request(2));
    game.events.on(Phaser.Core.Events.VISIBLE, () => this.request(2));
    game.renderer?.on(Phaser.Renderer.Events.RESTORE_WEBGL, () => this.request(2));
    // The Scale Manager notices a new size of the canvas's box in its update: wake it for that.
    const parent = game.canvas.parentElement;
    if (parent && "ResizeObserver" in window) new ResizeObserver(() => this.request(2)).observe(parent);
    window.addEventListener("resize", () => this.request(2));
    // Input works asleep, but a press may start something (and hover cursors are cheap to update).
    game.canvas.addEventListener("pointerdown", () => this.request(), { passive: true });
  }
}
