/** What the views of a joined class share (kept apart so the views do not import the SDK module). */
import type { CreatedClass, HostMessageName, HostPayload } from "@bangun-desa/shared";
import type { ClassState } from "@bangun-desa/shared/schema";

/** A host message's payload without the secret (the connection adds it). */
export type HostFields<N extends HostMessageName> = Omit<HostPayload<N>, "hostSecret">;

export interface ClassContext {
  readonly created: CreatedClass;
  /** The address students open (`…/?kode=CODE`). */
  readonly joinUrl: string;
  state(): ClassState;
  /**
   * Send a host message. A refusal is shown, translated, in the page's alert region; success is
   * announced with `done` (or a short "done"). Resolves to whether the server agreed.
   */
  act<N extends HostMessageName>(name: N, fields: HostFields<N>, done?: string): Promise<boolean>;
  /** Draw again now (after a local change such as opening an inline form). */
  rerender(): void;
  /** Leave this class and go back to "Buat kelas". */
  newClass(): void;
}
