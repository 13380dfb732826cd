import type { UiKey } from "../i18n.ts";
import type { Network } from "../net/Network.ts";

/** What a panel needs from the HUD that hosts it. */
export interface PanelHost {
  readonly net: Network;
  /** A UI string (client dictionary). */
  t(key: UiKey, params?: Record<string, string | number>): string;
  /** A game string (shared dictionary). */
  g(key: string, params?: Record<string, string | number>): string;
  toast(text: string, kind: string): void;
  /** Re-render the open sheet (after a local choice such as a stepper press). */
  rerender(): void;
}
