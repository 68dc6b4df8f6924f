/** Poison: touchpoints kept aside with the reason (`GET /api/poison`), and replay once the cause is fixed (`POST /api/poison/{id}/replay`). */
import { enc, get, post, type PoisonEntry } from "../api";
import { announce, h, replace } from "../dom";
import { time } from "../format";
import type { Page } from "../route";
import { confirmDialog, errorBox } from "./shared";

export const poisonPage: Page = (main) => {
  const body = h("div", { "aria-busy": "true" }, "Loading…");
  replace(main,
    h("h1", {}, "Poison"),
    h("p", { class: "lead" }, "Touchpoints that could not be processed are kept aside here with the reason, never lost. Replay one once its cause is fixed; it is deleted when it applies."),
    body);

  async function load(): Promise<void> {
    try {
      const entries = await get<PoisonEntry[]>("/api/poison?top=200");
      replace(body, entries.length === 0 ? h("p", { class: "ok" }, "Nothing is kept aside.") : h("table", { class: "grid", "data-testid": "poison" },
        h("thead", {}, h("tr", {}, ...["Kept at", "Source", "Attempts", "Reason", "Touchpoint", "Action"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, ...entries.map((e) => h("tr", { "data-poison": e.id },
          h("td", {}, time(e.at)), h("td", {}, e.source), h("td", { class: "num" }, e.attempts), h("td", {}, e.reason),
          h("td", {}, h("details", {}, h("summary", {}, "body"), h("pre", {}, pretty(e.body)))),
          h("td", {}, h("button", { type: "button", onclick: () => void replay(e) }, "Replay")))))));
      body.removeAttribute("aria-busy");
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  async function replay(entry: PoisonEntry): Promise<void> {
    if (!(await confirmDialog("Replay this touchpoint?", `Submit entry ${entry.id} again through the touchpoint ingress.`, "Replay"))) return;
    try {
      await post(`/api/poison/${enc(entry.id)}/replay`);
      announce(`Entry ${entry.id} replayed.`);
    } catch (error) {
      announce(error instanceof Error ? error.message : String(error), "error");
    }
    await load();
  }

  void load();
};

function pretty(body: string): string {
  try { return JSON.stringify(JSON.parse(body), null, 2); } catch { return body; }
}
