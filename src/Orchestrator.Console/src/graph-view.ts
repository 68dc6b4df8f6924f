/**
 * The drawn journey graph (cytoscape, laid out by dagre): nodes by step type, edges labelled with their event, case,
 * arm or timeout. `paint` puts figures on it — instances now and entered per step, exits per edge (thickness by volume),
 * ends per step — from the analytics funnel or from a simulation's trace alike.
 */
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import type { JourneyDefinition } from "./api";
import { count } from "./format";
import { edgesOf, stepsOf } from "./graph";

cytoscape.use(dagre);

/** The figures the graph shows per step; a subset of the analytics funnel's. */
export interface StepCounts { step: string; entered: number; currentlyIn: number; left: Record<string, number>; ended: Record<string, number> }

export interface GraphView {
  paint(steps: StepCounts[]): void;
  select(step: string | null): void;
  destroy(): void;
}

const colours: Record<string, string> = {
  send: "#dbeafe", waitFor: "#fef3c7", delay: "#ede9fe", branch: "#dcfce7", split: "#fce7f3", optimize: "#fbcfe8", set: "#f3f4f6", end: "#e5e7eb",
};
const shapes: Record<string, cytoscape.Css.NodeShape> = {
  send: "round-rectangle", waitFor: "round-rectangle", delay: "round-rectangle", branch: "diamond", split: "hexagon", optimize: "hexagon", set: "rectangle", end: "ellipse",
};

export function createGraph(container: HTMLElement, definition: JourneyDefinition, onSelect: (step: string) => void): GraphView {
  const steps = stepsOf(definition);
  const edges = edgesOf(definition);
  const graph = cytoscape({
    container,
    elements: [
      { data: { id: "__entry", label: `entry: ${definition.entry?.event ?? ""}`, type: "entry" } },
      ...steps.map((s) => ({ data: { id: s.id, label: `${s.id}\n${s.summary}`, type: s.type } })),
      ...(definition.steps?.[definition.start] ? [{ data: { id: "__start", source: "__entry", target: definition.start, label: "" } }] : []),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: e.label } })),
    ],
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)", "text-wrap": "wrap", "text-valign": "center", "text-halign": "center", "font-size": 11,
          "font-family": "system-ui, sans-serif", width: 180, height: 62, "border-width": 1, "border-color": "#6b7280",
          "background-color": "#ffffff", shape: "round-rectangle",
        },
      },
      ...Object.keys(colours).map((type) => ({
        selector: `node[type = "${type}"]`,
        style: { "background-color": colours[type], shape: shapes[type] },
      })),
      { selector: 'node[type = "branch"], node[type = "split"], node[type = "optimize"]', style: { width: 200, height: 80 } },
      { selector: 'node[type = "entry"]', style: { shape: "tag", "background-color": "#111827", color: "#ffffff", height: 30 } },
      { selector: "node.busy", style: { "border-width": 3, "border-color": "#b45309" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#1d4ed8" } },
      {
        selector: "edge",
        style: {
          "curve-style": "bezier", "target-arrow-shape": "triangle", label: "data(label)", "font-size": 10, "text-background-color": "#ffffff",
          "text-background-opacity": 1, "text-background-padding": "2px", "line-color": "#9ca3af", "target-arrow-color": "#9ca3af", width: 1.5,
        },
      },
      { selector: "edge.used", style: { "line-color": "#2563eb", "target-arrow-color": "#2563eb" } },
    ] as cytoscape.StylesheetJson,
    layout: { name: "dagre", rankDir: "TB", nodeSep: 40, rankSep: 55, edgeSep: 12 } as cytoscape.LayoutOptions,
    boxSelectionEnabled: false,
    autoungrabify: true,
    userZoomingEnabled: false,
  });
  // Tall journeys get a taller canvas rather than unreadably small text: size it to the laid-out graph at ~85 % zoom.
  const box = graph.elements().boundingBox();
  const width = container.clientWidth || 1000;
  const zoom = Math.min(1, 0.85, (width - 40) / Math.max(1, box.w));
  container.style.height = `${Math.round(Math.min(2400, Math.max(360, box.h * zoom + 60)))}px`;
  graph.resize();
  graph.fit(undefined, 24);
  graph.on("tap", "node", (event) => {
    const id = event.target.id() as string;
    if (!id.startsWith("__")) onSelect(id);
  });

  return {
    paint(figures) {
      const byStep = new Map(figures.map((s) => [s.step, s]));
      const max = Math.max(1, ...edges.map((e) => byStep.get(e.from)?.left[e.key] ?? 0));
      graph.batch(() => {
        for (const step of steps) {
          const f = byStep.get(step.id);
          const ended = Object.entries(f?.ended ?? {}).map(([o, n]) => `${o} ${n}`).join(", ");
          const node = graph.getElementById(step.id);
          node.data("label", `${step.id}\n${step.summary}\nnow ${count(f?.currentlyIn ?? 0)} · in ${count(f?.entered ?? 0)}${ended ? `\nended: ${ended}` : ""}`);
          node.toggleClass("busy", (f?.currentlyIn ?? 0) > 0);
        }
        edges.forEach((e, i) => {
          const n = byStep.get(e.from)?.left[e.key] ?? 0;
          const edge = graph.getElementById(`e${i}`);
          edge.data("label", `${e.label}${e.label ? " · " : ""}${count(n)}`);
          edge.style("width", 1.5 + (8 * n) / max);
          edge.toggleClass("used", n > 0);
        });
      });
    },
    select(step) {
      graph.elements().unselect();
      if (step) graph.getElementById(step).select();
    },
    destroy() {
      graph.destroy();
    },
  };
}
