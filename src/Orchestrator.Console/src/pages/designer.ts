/**
 * The designer: a definition in an editor that knows `schemas/journey.schema.json` (completion, hover, squiggles);
 * validate (`POST /api/journeys/{id}/validate`: every error at its JSON pointer, highlighted in the editor), simulate a
 * scenario script (`POST /api/journeys/{id}/simulate`: the trace, and the funnel it makes drawn on the map), deploy
 * (`PUT /api/journeys/{id}`), and drain or stop versions (`POST …/versions/{n}/drain|stop`).
 */
import { json } from "@codemirror/lang-json";
import { syntaxTree } from "@codemirror/language";
import type { SyntaxNode } from "@lezer/common";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { getJsonPointers, jsonSchema, type JSONPointersMap } from "codemirror-json-schema";
import schema from "../../../../schemas/journey.schema.json";
import {
  ApiError, enc, get, post, put, type Decision, type JourneyDefinition, type JourneyDocument, type JourneySummary, type ProblemError,
} from "../api";
import { announce, field, h, replace } from "../dom";
import { time } from "../format";
import { createGraph, type GraphView, type StepCounts } from "../graph-view";
import type { Page } from "../route";
import { serverErrorHighlighting, showServerErrors, type ServerError } from "../server-errors";
import { href } from "../route";
import { explain } from "./customer";
import { confirmDialog, errorBox } from "./shared";

interface TraceEntry { at: string; input: string; effect: string; decisions: Decision[]; commands: { kind: string; [name: string]: unknown }[] }
interface SimulationAnswer {
  entries: TraceEntry[]; outcome: string | null; actions: string[]; steps: string[];
  expectations?: { met: boolean; mismatches: string[] };
}

const template = {
  $schema: "../../schemas/journey.schema.json",
  id: "welcome",
  name: "Welcome",
  entry: { event: "account.opened" },
  goal: { event: "profile.completed", within: "P7D" },
  start: "say-hello",
  steps: {
    "say-hello": { type: "send", channel: "email", action: "welcome", next: "wait-profile" },
    "wait-profile": { type: "waitFor", events: [{ event: "profile.completed", next: "done" }], timeout: "P3D", onTimeout: "nudge" },
    nudge: { type: "send", channel: "sms", action: "complete-profile", next: "done" },
    done: { type: "end", outcome: "success" },
  },
};

export const designerPage: Page = (main, route) => {
  const idInput = h("input", { type: "text", name: "journey-id", autocomplete: "off", spellcheck: "false" });
  const loadSelect = h("select", { name: "load" }, h("option", { value: "" }, "— a deployed journey —"));
  const editorHost = h("div", { class: "editor", "data-testid": "definition-editor" });
  const scriptHost = h("div", { class: "editor small", "data-testid": "script-editor" });
  const problems = h("div", { "data-testid": "problems", "aria-live": "polite" });
  const result = h("div", {});
  const versions = h("div", { "data-testid": "versions" });
  const simulationMap = h("div", { class: "graph small", role: "img", "aria-label": "Simulated funnel on the journey map" });
  let simulated: GraphView | undefined;

  const definitionEditor = new EditorView({
    parent: editorHost,
    state: EditorState.create({
      doc: JSON.stringify(template, null, 2),
      extensions: [basicSetup, jsonSchema(schema as unknown as Parameters<typeof jsonSchema>[0]), serverErrorHighlighting(), EditorView.contentAttributes.of({ "aria-label": "Journey definition (JSON)" })],
    }),
  });
  const scriptEditor = new EditorView({
    parent: scriptHost,
    state: EditorState.create({
      doc: scriptFor(template as unknown as JourneyDefinition),
      extensions: [basicSetup, json(), serverErrorHighlighting(), EditorView.contentAttributes.of({ "aria-label": "Scenario script (JSON)" })],
    }),
  });
  idInput.value = template.id;
  // The editors scroll inside their frame: keyboard users reach that region too (axe: scrollable-region-focusable).
  for (const view of [definitionEditor, scriptEditor]) view.scrollDOM.setAttribute("tabindex", "0");

  replace(main,
    h("h1", {}, "Designer"),
    h("div", { class: "toolbar" },
      field("Journey id", idInput, "the id in the address; it must equal the definition's id"),
      field("Load", loadSelect),
      h("div", { class: "buttons" },
        h("button", { type: "button", onclick: () => void validate() }, "Validate"),
        h("button", { type: "button", onclick: () => void simulate() }, "Simulate"),
        h("button", { type: "button", class: "primary", onclick: () => void deploy() }, "Deploy"))),
    h("div", { class: "designer" },
      h("section", { "aria-labelledby": "definition-title" }, h("h2", { id: "definition-title" }, "Definition"), editorHost),
      h("section", { "aria-labelledby": "script-title" },
        h("h2", { id: "script-title" }, "Scenario script"),
        h("p", { class: "muted" }, "Touchpoints at offsets from start, run with a virtual clock; nothing is stored or sent."),
        scriptHost)),
    problems, result, h("h2", {}, "Versions"), versions);

  loadSelect.addEventListener("change", () => { if (loadSelect.value) void loadDeployed(loadSelect.value); });

  async function start(): Promise<void> {
    try {
      const journeys = await get<JourneySummary[]>("/api/journeys");
      journeys.forEach((j) => loadSelect.appendChild(h("option", { value: j.id }, `${j.name} (${j.id}) v${j.version}`)));
      if (route.argument) await loadDeployed(route.argument);
      else await showVersions();
    } catch (error) {
      replace(problems, errorBox(error));
    }
  }

  async function loadDeployed(id: string): Promise<void> {
    const document = await get<JourneyDocument>(`/api/journeys/${enc(id)}`);
    setDoc(definitionEditor, JSON.stringify(document.definition, null, 2));
    setDoc(scriptEditor, scriptFor(document.definition));
    idInput.value = id;
    loadSelect.value = id;
    replace(problems);
    replace(result);
    history.replaceState(null, "", href("designer", id));
    await showVersions();
  }

  function text(): string {
    return definitionEditor.state.doc.toString();
  }

  function journeyId(): string {
    if (idInput.value.trim()) return idInput.value.trim();
    try { return String(JSON.parse(text()).id ?? ""); } catch { return ""; }
  }

  async function validate(): Promise<boolean> {
    const id = journeyId();
    if (!id) { announce("Give the journey id.", "error"); return false; }
    try {
      await post<{ valid: boolean }>(`/api/journeys/${enc(id)}/validate`, text());
      showServerErrors(definitionEditor, []);
      replace(problems, h("p", { class: "ok", role: "status" }, `${id} is valid.`));
      return true;
    } catch (error) {
      showProblems(error, definitionEditor, "");
      return false;
    }
  }

  async function simulate(): Promise<void> {
    const id = journeyId();
    let definition: unknown;
    let script: unknown;
    try { definition = JSON.parse(text()); } catch (error) { showParseError(error); return; }
    try { script = JSON.parse(scriptEditor.state.doc.toString()); } catch (error) { showParseError(error); return; }
    try {
      const answer = await post<SimulationAnswer>(`/api/journeys/${enc(id)}/simulate`, { definition, script });
      replace(problems);
      showSimulation(definition as JourneyDefinition, answer);
    } catch (error) {
      showProblems(error, definitionEditor, "/definition");
    }
  }

  async function deploy(): Promise<void> {
    const id = journeyId();
    if (!(await validate())) return;
    if (!(await confirmDialog(`Deploy ${id}?`, `Deploy this definition as the new active version of ${id}; the previous version stops taking entries.`, "Deploy"))) return;
    try {
      const deployed = await put<{ id: string; version: number }>(`/api/journeys/${enc(id)}`, text());
      replace(problems, h("p", { class: "ok", role: "status" }, `Deployed ${deployed.id} v${deployed.version}. `,
        h("a", { href: href("map", deployed.id) }, "Open its map")));
      await showVersions();
    } catch (error) {
      showProblems(error, definitionEditor, "");
    }
  }

  async function showVersions(): Promise<void> {
    const id = journeyId();
    const active = await get<JourneyDocument>(`/api/journeys/${enc(id)}`).catch(() => null);
    if (!active) { replace(versions, h("p", { class: "muted" }, `${id} is not deployed.`)); return; }
    const all = await Promise.all(Array.from({ length: active.version }, (_, i) => active.version - i).map((v) =>
      get<JourneyDocument & { instances: { running: number; completed: number } }>(`/api/journeys/${enc(id)}/versions/${v}`).catch(() => null)));
    replace(versions, h("table", { class: "grid" },
      h("thead", {}, h("tr", {}, ...["Version", "Status", "Deployed", "Running", "Completed", "Lifecycle"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...all.filter((v) => v !== null).map((v) => h("tr", { "data-version": v!.version },
        h("td", {}, `v${v!.version}`), h("td", {}, v!.status), h("td", {}, time(v!.deployedAt)),
        h("td", { class: "num" }, v!.instances.running), h("td", { class: "num" }, v!.instances.completed),
        h("td", {},
          v!.status === "Active" ? h("button", { type: "button", onclick: () => void lifecycle(id, v!.version, "drain") }, `Drain v${v!.version}`) : null,
          v!.status !== "Stopped" ? h("button", { type: "button", class: "danger", onclick: () => void lifecycle(id, v!.version, "stop") }, `Stop v${v!.version}`) : null))))));
  }

  async function lifecycle(id: string, version: number, change: "drain" | "stop"): Promise<void> {
    const text = change === "drain"
      ? `v${version} of ${id} takes no new entries; its running instances finish.`
      : `v${version} of ${id} takes no new entries, and every running instance ends with outcome 'stopped'.`;
    if (!(await confirmDialog(`${change === "drain" ? "Drain" : "Stop"} v${version}?`, text, change === "drain" ? "Drain" : "Stop"))) return;
    try {
      const changed = await post<{ status: string; stopped: number }>(`/api/journeys/${enc(id)}/versions/${version}/${change}`);
      announce(`v${version} is ${changed.status.toLowerCase()}${change === "stop" ? `; ${changed.stopped} instance(s) stopped` : ""}.`);
      await showVersions();
    } catch (error) {
      announce(error instanceof Error ? error.message : String(error), "error");
    }
  }

  function showProblems(error: unknown, view: EditorView, prefix: string): void {
    const errors = error instanceof ApiError && Array.isArray(error.problem?.errors) ? (error.problem!.errors as ProblemError[]) : [];
    if (errors.length === 0) { replace(problems, errorBox(error)); return; }
    const pointers = getJsonPointers(view.state, "json4");
    const highlighted: ServerError[] = [];
    const located = errors.map((e) => {
      const pointer = String(e.pointer ?? "");
      const local = prefix && pointer.startsWith(prefix) ? pointer.slice(prefix.length) : pointer;
      const at = locate(view.state, pointers, local);
      if (at && (!prefix || pointer.startsWith(prefix))) highlighted.push({ from: at.from, to: at.to, message: `${pointer}: ${e.message}` });
      return { pointer, message: String(e.message ?? ""), at: !prefix || pointer.startsWith(prefix) ? at : null };
    });
    showServerErrors(view, highlighted);
    replace(problems, h("div", { class: "error", role: "alert" },
      h("p", {}, (error as ApiError).problem?.title ?? "Not valid"),
      h("ul", { class: "pointers" }, ...located.map((e) => h("li", {},
        e.at ? h("button", {
          type: "button", class: "link pointer", "data-pointer": e.pointer,
          onclick: () => {
            view.dispatch({ selection: EditorSelection.range(e.at!.from, e.at!.to), scrollIntoView: true });
            view.focus();
          },
        }, e.pointer || "(document)") : h("code", { class: "pointer", "data-pointer": e.pointer }, e.pointer || "(document)"),
        " ", e.message)))));
  }

  function showParseError(error: unknown): void {
    replace(problems, h("div", { class: "error", role: "alert" }, `Not JSON: ${error instanceof Error ? error.message : String(error)}`));
  }

  function showSimulation(definition: JourneyDefinition, answer: SimulationAnswer): void {
    simulated?.destroy();
    const expectations = answer.expectations;
    replace(result,
      h("h2", {}, "Simulation"),
      h("p", { "data-testid": "simulation-outcome" }, `Outcome: ${answer.outcome ?? "still running"}. Actions: ${answer.actions.join(", ") || "none"}.`,
        expectations ? h("span", { class: expectations.met ? "ok" : "warn" }, expectations.met ? " Expectations met." : ` Expectations not met: ${expectations.mismatches.join("; ")}`) : null),
      h("div", { class: "map" }, simulationMap),
      h("ol", { class: "timeline" }, ...answer.entries.map((e) => h("li", { class: "entry" },
        h("div", { class: "when" }, time(e.at)),
        h("div", { class: "what" }, h("strong", {}, e.input), ` — ${e.effect}`),
        h("ul", { class: "decisions" }, ...e.decisions.map((d) => h("li", { "data-kind": d.kind }, explain(d))))))));
    simulated = createGraph(simulationMap, definition, () => undefined);
    simulated.paint(funnelOf(answer));
  }

  void start();
  return () => {
    simulated?.destroy();
    definitionEditor.destroy();
    scriptEditor.destroy();
  };
};

function setDoc(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/**
 * The range to highlight for a pointer: the whole property when short (`"start": "nowhere"`), its key alone when long
 * (an object, a list); a pointer to something missing is shown at the nearest parent present.
 */
function locate(state: EditorState, pointers: JSONPointersMap, pointer: string): { from: number; to: number } | null {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const found = pointers.get(p);
    if (found) {
      let node: SyntaxNode | null = syntaxTree(state).resolveInner(found.keyFrom, 1);
      while (node && node.name !== "Property") node = node.parent;
      const to = node && node.to - found.keyFrom < 160 ? node.to : found.keyTo;
      return { from: found.keyFrom, to };
    }
    if (p === "") return state.doc.length > 0 ? { from: 0, to: Math.min(1, state.doc.length) } : null;
  }
}

/** A script for a definition: its entry event at the start; the designer edits it from there. */
function scriptFor(definition: JourneyDefinition): string {
  return JSON.stringify({
    customerId: "cust-sim-1",
    start: "2026-03-02T08:00:00Z",
    events: [{ at: "PT0S", type: definition.entry?.event ?? "event.type", data: {} }],
    runFor: "P30D",
  }, null, 2);
}

/** The funnel a trace makes, keyed as the analytics key exits, so the map draws it as it draws live figures. */
function funnelOf(answer: SimulationAnswer): StepCounts[] {
  const steps = new Map<string, StepCounts>();
  const at = (id: string) => {
    let s = steps.get(id);
    if (!s) { s = { step: id, entered: 0, currentlyIn: 0, left: {}, ended: {} }; steps.set(id, s); }
    return s;
  };
  let current: string | null = null;
  for (const entry of answer.entries) {
    for (const d of entry.decisions) {
      const edge = d.kind === "eventMatched" ? `event:${d.detail}` : d.kind === "branchTaken" ? d.detail
        : d.kind === "splitAssigned" ? `arm:${d.detail}` : d.kind === "timedOut" ? "onTimeout"
        : d.kind === "actionRequested" || d.kind === "varsSet" || d.kind === "delayElapsed" ? "next" : null;
      if (d.kind === "stepEntered" && d.step) { at(d.step).entered += 1; current = d.step; }
      if (edge && d.step && d.next) at(d.step).left[edge] = (at(d.step).left[edge] ?? 0) + 1;
      if (d.kind === "completed" && current) at(current).ended[d.detail ?? "ended"] = (at(current).ended[d.detail ?? "ended"] ?? 0) + 1;
    }
  }
  if (answer.outcome === null && current) at(current).currentlyIn = 1;
  return [...steps.values()];
}
