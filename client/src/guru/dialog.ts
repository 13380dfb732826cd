/** A yes/no question in a modal `<dialog>` (keyboard, Esc and focus handling come with it). */
import { byId } from "./page.ts";

let pending: ((yes: boolean) => void) | null = null;

export function confirmAction(text: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>("confirm-dialog");
  byId("confirm-text").textContent = text;
  pending?.(false);
  return new Promise((resolve) => {
    pending = resolve;
    dialog.returnValue = "";
    dialog.addEventListener(
      "close",
      () => {
        if (pending === resolve) pending = null;
        resolve(dialog.returnValue === "yes");
      },
      { once: true },
    );
    if (!dialog.open) dialog.showModal();
    // The safe answer has the focus: Enter does not end a game by accident.
    byId("confirm-no").focus();
  });
}
