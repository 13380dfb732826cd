/**
 * Prefetch the game while the join screen waits for the student (imported by main.ts; tiny and
 * free of dependencies: it must not pull anything into the join screen's chunk).
 *
 * The build lists the chunks that playing needs in `<meta name="bangun-desa-prefetch">` (see
 * client/vite.config.ts). Once the join screen is usable and its page has loaded, and the browser
 * is idle, each is requested as a low-priority `<link rel="modulepreload">`: downloaded (and
 * compiled) but not run, so the screen stays responsive, and the `import()` of "Latihan sendiri"
 * or "Gabung" finds it there (Vite's own preload skips a link that already exists). A phone that
 * asks to save data gets nothing ahead of time.
 */
export function prefetchGame(): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="bangun-desa-prefetch"]');
  const files = meta?.content.split(/\s+/).filter(Boolean) ?? [];
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (files.length === 0 || connection?.saveData) return;
  const start = (): void => {
    for (const file of files) {
      const href = new URL(file, document.baseURI).href;
      if ([...document.querySelectorAll<HTMLLinkElement>("link")].some((l) => l.href === href)) continue;
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "";
      link.fetchPriority = "low";
      link.href = href;
      document.head.append(link);
    }
  };
  const whenIdle = (): void => {
    if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
