/** Scene keys: exported constants, never repeated literals. */
export const SCENE = {
  boot: "Boot",
  preloader: "Preloader",
  village: "Village",
} as const;
