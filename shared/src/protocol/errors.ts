/**
 * Every reason an action or message can be refused. The value is the i18n key suffix
 * (`error.<code>`), so the client can show it in the student's language.
 */
export const ERROR_CODES = {
  badMessage: "badMessage",
  wrongPhase: "wrongPhase",
  notYourTurnOver: "notYourTurnOver",
  unknownPlayer: "unknownPlayer",
  unknownSite: "unknownSite",
  unknownProject: "unknownProject",
  projectClosed: "projectClosed",
  notEnoughTenaga: "notEnoughTenaga",
  notEnoughResources: "notEnoughResources",
  nothingToGive: "nothingToGive",
  projectNeedsNothingMore: "projectNeedsNothingMore",
  labourCapReached: "labourCapReached",
  seasonLabourCapReached: "seasonLabourCapReached",
  ownerCannotHelp: "ownerCannotHelp",
  cannotAidSelf: "cannotAidSelf",
  gameOver: "gameOver",
  protocolMismatch: "protocolMismatch",
  roomFull: "roomFull",
  badName: "badName",
  tooFast: "tooFast",
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
