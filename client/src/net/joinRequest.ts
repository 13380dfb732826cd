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
  | { mode: "code"; code: string; name: string; lang: Lang }
  | { mode: "reconnect"; token: string; lang: Lang };
