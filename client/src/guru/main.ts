/**
 * Entry of the teacher page (`/guru`): plain HTML, the "Buat kelas" screen and the language
 * toggle. The Colyseus SDK, the schema and the live views load (`./live.ts`) only once there is a
 * class to join: right after it is created, or at once when this browser already has one.
 */
import "./guru.css";
import type { CreatedClass } from "@bangun-desa/shared";
import { ApiError, type ClassInfo, classInfo, createClass } from "./api.ts";
import { renderPastClasses } from "./history.ts";
import { applyLang, byId, errorText, onLangChange, page, setLang, showError, showScreen, t } from "./page.ts";
import { CLASS_KEY, PAST_KEY, pastClasses, rememberClass, storeClass, storedClass } from "./store.ts";

const info: Promise<ClassInfo> = classInfo();
let liveModule: Promise<typeof import("./live.ts")> | null = null;
const loadLive = () => {
  liveModule ??= import("./live.ts");
  return liveModule;
};

function showCreate(message?: string): void {
  showScreen("create-screen");
  byId("create-error").textContent = message ?? "";
  byId("code-corner").hidden = true;
  byId("projector-link").hidden = true;
  renderPastClasses();
  void info.then((i) => {
    byId("password-field").hidden = !i.passwordRequired;
  });
  // Warm the live chunk while the teacher reads the form.
  window.setTimeout(() => void loadLive().catch(() => undefined), 300);
}

function showProjectorMessage(text: string): void {
  showScreen("connecting-screen");
  byId("connecting-text").textContent = text;
  byId("retry").hidden = true;
  let link = document.getElementById("teacher-link") as HTMLAnchorElement | null;
  if (!link) {
    link = document.createElement("a");
    link.id = "teacher-link";
    link.className = "btn btn-primary";
    byId("connecting-screen").append(link);
  }
  // The same page without `?tampilan=proyektor`.
  link.href = location.pathname;
  link.textContent = t("app.heading");
}

/** Join the stored class (as host) and hand the page to the live views. */
async function enter(created: CreatedClass): Promise<void> {
  showScreen("connecting-screen");
  byId("connecting-text").textContent = t("connect.busy");
  byId("retry").hidden = true;
  try {
    const [live, classInfoNow] = await Promise.all([loadLive(), info]);
    try {
      await live.startClass(created, classInfoNow, {
        exit(message) {
          storeClass(null);
          if (page.projector) showProjectorMessage(message ?? t("projector.noClass"));
          else showCreate(message);
        },
      });
    } catch (error) {
      if (error instanceof live.JoinFailure && error.gone) {
        storeClass(null);
        const known = errorText(error.code);
        const message = known === t("error.unknown") ? t("create.gone") : known;
        if (page.projector) showProjectorMessage(message);
        else showCreate(message);
        return;
      }
      throw error;
    }
  } catch {
    // The server is unreachable (or the chunk failed to load): keep the class, offer a retry.
    showScreen("connecting-screen");
    byId("connecting-text").textContent = t("connect.failed");
    byId("retry").hidden = false;
    byId("retry").focus();
  }
}

async function onCreate(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const button = byId<HTMLButtonElement>("create-class");
  const password = byId<HTMLInputElement>("password-input");
  const needsPassword = !byId("password-field").hidden;
  byId("create-error").textContent = "";
  if (needsPassword && password.value === "") {
    byId("create-error").textContent = errorText("badPassword");
    password.setAttribute("aria-invalid", "true");
    password.focus();
    return;
  }
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    const created = await createClass(needsPassword ? password.value : undefined);
    password.value = "";
    password.removeAttribute("aria-invalid");
    storeClass(created);
    rememberClass(created);
    await enter(created);
  } catch (error) {
    const code = error instanceof ApiError ? error.code : "network";
    byId("create-error").textContent =
      code === "network"
        ? t("create.failed")
        : errorText(code, error instanceof ApiError ? error.params : undefined);
    if (code === "badPassword") {
      password.setAttribute("aria-invalid", "true");
      password.focus();
    }
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

function init(): void {
  applyLang();
  byId("lang-toggle").addEventListener("click", () => {
    setLang(page.lang === "id" ? "en" : "id");
    showError(null);
  });
  byId("create-form").addEventListener("submit", (e) => void onCreate(e as SubmitEvent));
  byId("retry").addEventListener("click", () => {
    const created = storedClass();
    if (created) void enter(created);
    else showCreate();
  });
  // Another tab (the teacher page or the projector) changed the language or the class.
  window.addEventListener("storage", (e) => {
    if (e.key === "bangun-desa.lang" && (e.newValue === "en" || e.newValue === "id"))
      setLang(e.newValue, false);
    if (e.key === CLASS_KEY && page.projector) location.reload();
    if (e.key === PAST_KEY && !page.projector) renderPastClasses();
  });

  const created = storedClass();
  if (page.projector) {
    document.body.classList.add("projector-mode");
    if (created) void enter(created);
    else showProjectorMessage(t("projector.noClass"));
    return;
  }
  // A class created before the list existed joins it (its date is corrected from its report).
  if (created && !pastClasses().some((c) => c.roomId === created.roomId)) rememberClass(created);
  onLangChange(() => renderPastClasses());
  if (created) void enter(created);
  else showCreate();
}

init();
