/**
 * The journey's graph, drawn from its definition: one node per step, one edge per way out of it, each edge keyed
 * exactly as the analytics name the exits (`next`, `event:{type}`, `onTimeout`, `case N`, `default`, `arm:{label}`),
 * so the figures of `GET /api/journeys/{id}/analytics` land on the edges they count.
 */
import type { JourneyDefinition, StepDefinition } from "./api";

export interface GraphEdge { from: string; to: string; key: string; label: string }
export interface GraphStep { id: string; type: string; summary: string }

export function stepsOf(definition: JourneyDefinition): GraphStep[] {
  return Object.entries(definition.steps ?? {}).map(([id, step]) => ({ id, type: step.type, summary: summarize(step) }));
}

export function edgesOf(definition: JourneyDefinition): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const [id, step] of Object.entries(definition.steps ?? {})) {
    const add = (to: string | undefined, key: string, label: string) => {
      if (to && definition.steps[to]) edges.push({ from: id, to, key, label });
    };
    switch (step.type) {
      case "waitFor":
        (step.events ?? []).forEach((e) => add(e.next, `event:${e.event}`, e.event));
        add(step.onTimeout, "onTimeout", `timeout ${step.timeout ?? ""}`.trim());
        break;
      case "branch":
        (step.cases ?? []).forEach((c, i) => add(c.next, `case ${i}`, `case ${i}: ${shorten(describeCondition(c.when), 36)}`));
        add(step.default, "default", "default");
        break;
      case "split": {
        const total = (step.branches ?? []).reduce((sum, b) => sum + (b.weight ?? 0), 0) || 1;
        (step.branches ?? []).forEach((b) => add(b.next, `arm:${b.label ?? b.next}`, `${b.label ?? b.next} ${Math.round((100 * b.weight) / total)} %`));
        break;
      }
      case "optimize":
        // An optimize step learns its shares: the edges name the arms; only the holdout's share is fixed.
        (step.arms ?? []).forEach((a) => add(a.next, `arm:${a.label ?? a.next}`, a.label ?? a.next));
        if (step.holdout) {
          const label = step.holdout.label ?? "holdout";
          add(step.holdout.next, `arm:${label}`, `${label} ${Math.round(100 * step.holdout.share)} %`);
        }
        break;
      case "end":
        break;
      default:
        add(step.next, "next", "");
    }
  }
  return edges;
}

function summarize(step: StepDefinition): string {
  switch (step.type) {
    case "send": return `${step.channel ?? "?"}/${step.action ?? "?"}`;
    case "delay": return step.duration ? `wait ${step.duration}` : "delay";
    case "waitFor": return `waits ${(step.events ?? []).map((e) => e.event).join(", ")}${step.timeout ? ` (≤ ${step.timeout})` : ""}`;
    case "end": return `outcome ${step.outcome ?? "?"}`;
    default: return step.type;
  }
}

/** A condition in one short line: `field op value`, `all(…)`, `any(…)`, `not …`. */
export function describeCondition(condition: unknown): string {
  if (!condition || typeof condition !== "object") return "";
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return c.all.map(describeCondition).join(" and ");
  if (Array.isArray(c.any)) return c.any.map(describeCondition).join(" or ");
  if (c.not) return `not (${describeCondition(c.not)})`;
  if (typeof c.field === "string") return `${c.field} ${c.op ?? ""}${c.value === undefined ? "" : ` ${JSON.stringify(c.value)}`}`;
  return "";
}

function shorten(text: string, most: number): string {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}
