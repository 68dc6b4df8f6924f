import "./style.css";
import { forgetKey, onKeyNeeded, storeKey } from "./api";
import { field, h, replace } from "./dom";
import { customerPage } from "./pages/customer";
import { designerPage } from "./pages/designer";
import { journeysPage } from "./pages/journeys";
import { mapPage } from "./pages/map";
import { poisonPage } from "./pages/poison";
import type { Page, Route } from "./route";
import { parseRoute } from "./route";

const pages: Record<string, Page> = {
  journeys: journeysPage,
  map: mapPage,
  customer: customerPage,
  designer: designerPage,
  poison: poisonPage,
};

const main = document.getElementById("page") as HTMLElement;
let leave: (() => void) | undefined;
let pendingKey: Promise<string> | undefined;

/** Asks for the management key in a modal dialog; one prompt however many requests are waiting. */
function promptForKey(): Promise<string> {
  pendingKey ??= new Promise<string>((resolve) => {
    const input = h("input", { type: "password", name: "key", autocomplete: "off", required: true });
    const dialog = h("dialog", { class: "key", "aria-labelledby": "key-title" },
      h("form", { method: "dialog" },
        h("h2", { id: "key-title" }, "Management key"),
        h("p", {}, "The console calls the runtime's API with its management key (x-api-key). It is kept for this browser tab only."),
        field("Management key", input),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Use key"))));
    dialog.addEventListener("cancel", (event) => event.preventDefault());
    dialog.querySelector("form")!.addEventListener("submit", (event) => {
      if (!input.value.trim()) { event.preventDefault(); return; }
      storeKey(input.value.trim());
      dialog.close();
      dialog.remove();
      pendingKey = undefined;
      resolve(input.value.trim());
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
  });
  return pendingKey;
}

onKeyNeeded(promptForKey);

document.getElementById("change-key")!.addEventListener("click", () => {
  forgetKey();
  void promptForKey().then(() => render());
});

function render(): void {
  leave?.();
  leave = undefined;
  const route: Route = parseRoute(location.hash);
  const page = pages[route.page] ?? journeysPage;
  document.querySelectorAll<HTMLAnchorElement>("[data-nav]").forEach((a) => {
    if (a.dataset.nav === route.page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  replace(main);
  leave = page(main, route) ?? undefined;
}

window.addEventListener("hashchange", () => {
  render();
  main.focus({ preventScroll: true });
});
render();
