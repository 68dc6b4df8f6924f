/**
 * The journey map: the graph laid out from the definition (`GET /api/journeys/{id}` or `…/versions/{n}`), with the live
 * figures of `GET /api/journeys/{id}/analytics?window=&version=` on it, read again every few seconds: instances now at each
 * step, entries, exits by edge (edge thickness by volume), drop-off by outcome, time in step, split arms. Selecting a step
 * lists the customers now in it (`GET /api/journeys/{id}/versions/{n}/instances?step=`).
 */
import {
  ApiError, enc, get, type JourneyAnalytics, type JourneyDocument, type JourneySummary, type Report, type StepFigures, type StepOccupant,
} from "../api";
import { field, h, replace } from "../dom";
import { count, percent, score, seconds, signed, since } from "../format";
import { createGraph, type GraphView } from "../graph-view";
import type { Page } from "../route";
import { href } from "../route";
import { errorBox, windowPicker } from "./shared";

const pollMilliseconds = 3000;

export const mapPage: Page = (main, route) => {
  let journeyId = route.argument;
  let span = route.query.get("window") ?? "24h";
  let version = route.query.get("version") ?? "";
  let selected: string | null = route.query.get("step");
  let live = true;
  let timer: number | undefined;
  let graph: GraphView | undefined;
  let latestVersion = 0;
  let figures: Report | undefined;
  let left = false;

  const journeySelect = h("select", { name: "journey" });
  const versionSelect = h("select", { name: "version" });
  const picker = windowPicker(span, (value) => { span = value; remember(); void refresh(); });
  const liveBox = h("input", { type: "checkbox", name: "live", checked: true });
  const canvas = h("div", { class: "graph", "data-testid": "graph", role: "img", "aria-label": "Journey map" });
  const side = h("aside", { class: "side", "aria-label": "Selected step" }, h("p", { class: "muted" }, "Select a step to see its figures and the customers now in it."));
  const totals = h("div", { class: "totals", "data-testid": "totals" });
  const table = h("div", {});
  const arms = h("div", {});
  const updated = h("span", { class: "muted", "data-testid": "updated" });
  const title = h("h1", {}, "Journey map");

  replace(main,
    title,
    h("div", { class: "toolbar" },
      field("Journey", journeySelect), field("Version", versionSelect), field("Window", picker),
      h("div", { class: "field inline" }, liveBox, h("label", { for: (liveBox.id = "live-updates") }, `Live (every ${pollMilliseconds / 1000} s)`)),
      updated),
    totals,
    h("div", { class: "map" }, canvas, side),
    h("h2", {}, "Steps"), table, arms);

  journeySelect.addEventListener("change", () => { journeyId = journeySelect.value; version = ""; selected = null; remember(); void start(); });
  versionSelect.addEventListener("change", () => { version = versionSelect.value; remember(); void drawDefinition().then(refresh); });
  liveBox.addEventListener("change", () => { live = liveBox.checked; schedule(); });

  function remember(): void {
    history.replaceState(null, "", href("map", journeyId, { window: span, version, step: selected }));
  }

  async function start(): Promise<void> {
    try {
      const journeys = await get<JourneySummary[]>("/api/journeys");
      if (journeys.length === 0) { replace(totals, h("p", {}, "No journey is deployed yet: deploy one from the Designer.")); return; }
      journeyId ??= journeys[0].id;
      replace(journeySelect, ...journeys.map((j) => h("option", { value: j.id, selected: j.id === journeyId }, `${j.name} (${j.id})`)));
      const summary = journeys.find((j) => j.id === journeyId);
      latestVersion = summary?.version ?? 0;
      replace(versionSelect,
        h("option", { value: "", selected: version === "" }, "All versions"),
        ...Array.from({ length: latestVersion }, (_, i) => latestVersion - i).map((v) =>
          h("option", { value: String(v), selected: String(v) === version }, `v${v}${v === latestVersion ? ` (${summary?.status.toLowerCase()})` : ""}`)));
      title.textContent = `Journey map: ${summary?.name ?? journeyId}`;
      await drawDefinition();
      await refresh();
    } catch (error) {
      replace(totals, errorBox(error));
    }
  }

  async function drawDefinition(): Promise<void> {
    const document = version
      ? await get<JourneyDocument>(`/api/journeys/${enc(journeyId!)}/versions/${enc(version)}`)
      : await get<JourneyDocument>(`/api/journeys/${enc(journeyId!)}`);
    graph?.destroy();
    graph = createGraph(canvas, document.definition, select);
    graph.select(selected);
  }

  async function refresh(): Promise<void> {
    cancelRefresh();
    if (!journeyId || left) return;
    try {
      const analytics = await get<JourneyAnalytics>(
        `/api/journeys/${enc(journeyId)}/analytics?window=${enc(span)}${version ? `&version=${enc(version)}` : ""}`);
      if (left) return;
      figures = analytics.report;
      paint(analytics);
      updated.textContent = `Updated ${new Date().toLocaleTimeString("en-GB")} · ${analytics.grain} buckets from ${analytics.from.slice(0, 16).replace("T", " ")}`;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) replace(totals, errorBox(error));
      else updated.textContent = `Update failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    schedule();
  }

  function cancelRefresh(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    cancelRefresh();
    if (live && !left) timer = setTimeout(() => void refresh(), pollMilliseconds) as unknown as number;
  }

  function paint(analytics: JourneyAnalytics): void {
    const report = analytics.report;
    graph?.paint(report.steps);

    const t = report.totals;
    const outcomes = Object.entries(t.ended).map(([o, n]) => `${o} ${n}`).join(", ") || "none";
    replace(totals,
      h("dl", { class: "figures" },
        pair("Started", count(t.started)), pair("Ended", `${count(t.endedTotal)} (${outcomes})`),
        pair("Goal rate", percent(t.goalRate, 1)), pair("Score / target", `${score(report.score.score)} / ${report.score.target}`),
        pair("Trend", signed(report.trend)), pair("Now in journey", count(report.steps.reduce((sum, s) => sum + s.currentlyIn, 0))),
        pair("Sent", Object.entries(t.sent).map(([c, n]) => `${c} ${n}`).join(", ") || "none")));

    // Rows are updated in place while the steps stay the same, so a focused step keeps its focus across refreshes.
    const body = table.querySelector("tbody");
    const rows = body ? [...body.querySelectorAll<HTMLElement>("tr[data-step]")] : [];
    if (body && rows.length === report.steps.length && rows.every((r, i) => r.dataset.step === report.steps[i].step)) {
      rows.forEach((row, i) => fillRow(row, report.steps[i]));
    } else {
      replace(table, h("table", { class: "grid", "data-testid": "steps" },
        h("caption", {}, "Each step's figures; select a step for the customers now in it"),
        h("thead", {}, h("tr", {}, ...["Step", "Type", "Entered", "Now", "Left by edge", "Ended here", "Timed out", "Time in step p50 / p90 / p99"]
          .map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, ...report.steps.map((s) => stepRow(s)))));
    }

    if (report.arms.length > 0) {
      replace(arms, h("h2", {}, "Split and optimize arms"), h("table", { class: "grid", "data-testid": "arms" },
        h("thead", {}, h("tr", {}, ...["Split", "Arm", "Ended", "Goals", "Conversion (95 % interval)", "Uplift vs control", "p-value"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, ...report.arms.map((a) => h("tr", {},
          h("td", {}, a.split), h("td", {}, a.arm, a.control ? " (control)" : ""), h("td", { class: "num" }, count(a.instances)),
          h("td", { class: "num" }, count(a.goals)),
          h("td", { class: "num" }, `${percent(a.rate, 1)} (${percent(a.low, 1)} – ${percent(a.high, 1)})`),
          h("td", { class: "num" }, a.uplift === null ? "–" : `${signed(a.uplift * 100)} pts`),
          h("td", { class: "num" }, a.pValue === null ? "–" : a.pValue.toFixed(3)))))));
    } else {
      replace(arms);
    }
    if (selected) void showStep(selected, false);
  }

  function stepRow(s: StepFigures): HTMLElement {
    const row = h("tr", { "data-step": s.step, class: s.step === selected ? "selected" : "" },
      h("th", { scope: "row" }, h("button", { type: "button", class: "link", onclick: () => select(s.step), "aria-label": `Show step ${s.step}` }, s.step)),
      h("td", {}, s.type),
      h("td", { class: "num entered" }), h("td", { class: "num now" }), h("td", { class: "left" }), h("td", { class: "ended" }),
      h("td", { class: "num timed-out" }), h("td", { class: "num time" }));
    fillRow(row, s);
    return row;
  }

  function fillRow(row: HTMLElement, s: StepFigures): void {
    const t = s.timeInStepSeconds;
    const set = (selector: string, text: string) => { row.querySelector(selector)!.textContent = text; };
    set(".entered", count(s.entered));
    set(".now", count(s.currentlyIn));
    set(".left", Object.entries(s.left).map(([edge, n]) => `${edge} ${n}`).join(", ") || "–");
    set(".ended", Object.entries(s.ended).map(([o, n]) => `${o} ${n}`).join(", ") || "–");
    set(".timed-out", count(s.timedOut));
    set(".time", `${seconds(t.p50)} / ${seconds(t.p90)} / ${seconds(t.p99)}`);
  }

  function select(step: string): void {
    selected = step;
    remember();
    graph?.select(step);
    table.querySelectorAll("tr[data-step]").forEach((r) => r.classList.toggle("selected", (r as HTMLElement).dataset.step === step));
    void showStep(step, true);
  }

  let occupantsFor = "";
  const stepFigures = h("div", {});
  const occupants = h("div", { "data-testid": "occupants" });

  /** Draws the selected step's panel; on a refresh only its figures change, so the customer links keep their focus. */
  async function showStep(step: string, reloadOccupants: boolean): Promise<void> {
    const f = figures?.steps.find((s) => s.step === step);
    replace(stepFigures, f ? h("dl", { class: "figures" },
      pair("Type", f.type), pair("Now in step", count(f.currentlyIn)), pair("Entered", count(f.entered)),
      pair("Left", Object.entries(f.left).map(([e, n]) => `${e} ${n}`).join(", ") || "–"),
      pair("Ended here", Object.entries(f.ended).map(([o, n]) => `${o} ${n}`).join(", ") || "–"),
      pair("Time in step", `p50 ${seconds(f.timeInStepSeconds.p50)}, p90 ${seconds(f.timeInStepSeconds.p90)}, p99 ${seconds(f.timeInStepSeconds.p99)}`))
      : h("p", {}, "No figures for this step."));
    if (!reloadOccupants && occupantsFor === step) return;
    occupantsFor = step;
    replace(side, h("h2", {}, `Step ${step}`), stepFigures,
      h("h3", {}, "Customers now in this step"),
      h("button", { type: "button", class: "quiet-light", onclick: () => void showStep(step, true) }, "Reload the list"),
      occupants);
    replace(occupants, "Loading customers…");
    occupants.setAttribute("aria-busy", "true");
    try {
      const versions = version ? [Number(version)] : Array.from({ length: latestVersion }, (_, i) => latestVersion - i);
      const lists = await Promise.all(versions.map((v) =>
        get<StepOccupant[]>(`/api/journeys/${enc(journeyId!)}/versions/${v}/instances?step=${enc(step)}&top=50`).catch(() => [] as StepOccupant[])));
      const all = lists.flat();
      replace(occupants, all.length === 0 ? h("p", { class: "muted" }, "Nobody is in this step now.") :
        h("ul", { class: "occupants" }, ...all.map((o) => h("li", {},
          h("a", { href: href("customer", o.customerId) }, o.customerId),
          ` · v${o.version} · ${o.runtimeStatus.toLowerCase()} · here for ${since(o.stepEnteredAt ?? o.lastUpdatedTime)}`))));
    } catch (error) {
      replace(occupants, errorBox(error));
    }
    occupants.removeAttribute("aria-busy");
  }

  void start();
  return () => {
    left = true;
    cancelRefresh();
    graph?.destroy();
  };
};

function pair(term: string, value: string): HTMLElement[] {
  return [h("dt", {}, term), h("dd", {}, value)];
}
