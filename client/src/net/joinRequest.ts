import type { Lang } from "../i18n.ts";

/** How the student chose to enter a village on the join screen. */
export type JoinRequest =
  | {
      mode: "solo";
      name: string;
      lang: Lang;
      actionSeconds?: number | undefined;
      warningSeconds?: number | undefined;
      nightSeconds?: number | undefined;
      openAllForms?: boolean | undefined;
      seed?: number | undefined;
      bots?: number | undefined;
      difficulty?: "mudah" | "sedang" | "sulit" | undefined;
      /** Show the hint card (client only: hints read public state and my own hand). */
      hints: boolean;
    }
  /** A practice village found by its code (the code was resolved to the room id first). */
  | { mode: "code"; roomId: string; name: string; lang: Lang; seatKey: string }
  /** A seat the student's class reserved in their village. */
  | { mode: "seat"; reservation: unknown; lang: Lang }
  | { mode: "reconnect"; token: string; lang: Lang };
