/** Narrow screens show one pane at a time; the tab buttons in the top bar switch between them. */
export function setupTabs(): { show(tab: "app" | "chat"): void } {
  const layout = document.querySelector<HTMLElement>(".layout");
  const tabs = {
    app: document.getElementById("tab-app"),
    chat: document.getElementById("tab-chat"),
  };
  const show = (tab: "app" | "chat") => {
    if (layout) layout.dataset.tab = tab;
    tabs.app?.setAttribute("aria-selected", String(tab === "app"));
    tabs.chat?.setAttribute("aria-selected", String(tab === "chat"));
  };
  tabs.app?.addEventListener("click", () => show("app"));
  tabs.chat?.addEventListener("click", () => show("chat"));
  return { show };
}
