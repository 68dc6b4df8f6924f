/**
 * One customer: search by id or alias (`GET /api/customers/{id}/identity`), the profile (`GET /api/customers/{id}`:
 * attributes, consent per channel, the latest touchpoint and recent outcomes), the customer's journeys
 * (`…/journeys`; for a running one, what it waits for from `GET /runtime/webhooks/durabletask/instances/{id}`), the
 * timeline (`…/timeline`) with every decision explained from the values the engine recorded, the actions sent and
 * withheld, and the ops actions (suspend, resume, terminate, raise an event), each confirmed first.
 */
import {
  enc, get, post, request, type CustomerIdentity, type CustomerJourney, type CustomerProfile, type Decision, type InstanceStatus, type TimelineEntry,
} from "../api";
import { announce, field, h, replace } from "../dom";
import { time } from "../format";
import type { Page } from "../route";
import { href } from "../route";
import { confirmDialog, errorBox } from "./shared";

export const customerPage: Page = (main, route) => {
  const input = h("input", { type: "search", name: "customer", value: route.argument ?? "", autocomplete: "off", placeholder: "cust-001 or email:ann@example.com" });
  const form = h("form", { class: "toolbar", role: "search" },
    field("Customer id or alias", input),
    h("button", { type: "submit", class: "primary" }, "Search"));
  const body = h("div", {});
  replace(main, h("h1", {}, "Customer"), form, body);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const term = input.value.trim();
    if (term) location.hash = href("customer", term);
  });

  if (route.argument) void load(route.argument);

  async function load(term: string): Promise<void> {
    replace(body, h("p", { "aria-busy": "true" }, "Loading…"));
    try {
      const identity = await get<CustomerIdentity>(`/api/customers/${enc(term)}/identity`);
      const id = identity.customerId;
      const [journeys, timeline, profile] = await Promise.all([
        get<CustomerJourney[]>(`/api/customers/${enc(id)}/journeys`),
        get<TimelineEntry[]>(`/api/customers/${enc(id)}/timeline`),
        get<CustomerProfile>(`/api/customers/${enc(id)}`),
      ]);
      const statuses = await Promise.all(journeys.map((j) => isActive(j.runtimeStatus)
        ? request<InstanceStatus>("GET", `/runtime/webhooks/durabletask/instances/${enc(j.instanceId)}`).catch(() => null)
        : Promise.resolve(null)));
      const active = journeys.map((j, i) => ({ j, s: statuses[i] })).filter((x) => isActive(x.j.runtimeStatus));
      const past = journeys.filter((j) => !isActive(j.runtimeStatus));
      replace(body,
        h("p", { class: "lead", "data-testid": "identity" }, identity.isAlias
          ? `${identity.subject} is an alias${identity.linked ? ` linked to customer ${id}` : " not linked to a customer yet"}.`
          : `Customer ${id}`),
        h("h2", {}, "Profile"),
        profileView(profile),
        h("h2", {}, `Active journeys (${active.length})`),
        active.length === 0 ? h("p", { class: "muted" }, "None.") : h("div", { class: "cards" }, ...active.map((x) => activeCard(x.j, x.s))),
        h("h2", {}, `Past journeys (${past.length})`),
        past.length === 0 ? h("p", { class: "muted" }, "None.") : pastTable(past),
        h("h2", {}, "Timeline"),
        timeline.length === 0 ? h("p", { class: "muted" }, "Nothing has happened to this customer yet.") :
          h("ol", { class: "timeline", "data-testid": "timeline" }, ...timeline.slice().reverse().map(entry)));
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  function activeCard(j: CustomerJourney, status: InstanceStatus | null): HTMLElement {
    const custom = status?.customStatus;
    const waits = custom?.awaiting.filter((a) => a.purpose === "step") ?? [];
    const others = custom?.awaiting.filter((a) => a.purpose !== "step") ?? [];
    const eventName = h("input", { type: "text", name: "event", autocomplete: "off", placeholder: "payment.completed" });
    const eventData = h("textarea", { name: "data", rows: 2, placeholder: '{ "invoiceId": "INV-1" }' });
    return h("section", { class: "card", "data-instance": j.instanceId, "aria-label": `${j.journey} instance ${j.instanceId}` },
      h("h3", {}, h("a", { href: href("map", j.journey, { step: j.currentStep }) }, j.journey), ` v${j.version}`),
      h("dl", { class: "figures" },
        h("dt", {}, "Instance"), h("dd", {}, j.instanceId),
        h("dt", {}, "Status"), h("dd", { class: "runtime-status" }, j.runtimeStatus),
        h("dt", {}, "Current step"), h("dd", { class: "current-step" }, j.currentStep ?? "–"),
        h("dt", {}, "Waits for"), h("dd", { class: "waits" }, describeWait(custom?.waiting, waits.map((w) => `${w.event} → ${w.next}`), custom?.wakeUpAt)),
        others.length > 0 ? [h("dt", {}, "Also listens for"), h("dd", {}, others.map((o) => `${o.event} (${o.purpose})`).join(", "))] : null,
        h("dt", {}, "Started"), h("dd", {}, time(j.createdTime))),
      h("div", { class: "actions" },
        j.runtimeStatus === "Suspended"
          ? h("button", { type: "button", onclick: () => operate(j, "resume") }, "Resume")
          : h("button", { type: "button", onclick: () => operate(j, "suspend") }, "Suspend"),
        h("button", { type: "button", class: "danger", onclick: () => operate(j, "terminate") }, "Terminate")),
      h("details", {}, h("summary", {}, "Raise an event"),
        h("form", { class: "raise", onsubmit: (event: Event) => { event.preventDefault(); void raise(j, eventName.value.trim(), eventData.value.trim()); } },
          field("Event type", eventName), field("Event data (JSON, optional)", eventData),
          h("button", { type: "submit" }, "Raise event"))));
  }

  async function operate(j: CustomerJourney, operation: "suspend" | "resume" | "terminate"): Promise<void> {
    const consequences = {
      suspend: "Its touchpoints are kept, in order, until it is resumed.",
      resume: "It applies the touchpoints kept while it was suspended, in order.",
      terminate: "It ends at once with outcome 'stopped'; this cannot be undone.",
    };
    const verb = operation[0].toUpperCase() + operation.slice(1);
    if (!(await confirmDialog(`${verb} ${j.journey}?`, `${verb} instance ${j.instanceId}. ${consequences[operation]}`, verb))) return;
    try {
      await post(`/runtime/webhooks/durabletask/instances/${enc(j.instanceId)}/${operation}?reason=${enc("console")}`);
      announce(`${verb} accepted for ${j.instanceId}.`);
      await reloadUntil(j.instanceId, operation);
    } catch (error) {
      announce(error instanceof Error ? error.message : String(error), "error");
    }
  }

  async function raise(j: CustomerJourney, eventType: string, data: string): Promise<void> {
    if (!eventType) { announce("Give the event type to raise.", "error"); return; }
    let body: unknown;
    try { body = data ? JSON.parse(data) : undefined; } catch { announce("The event data is not valid JSON.", "error"); return; }
    if (!(await confirmDialog(`Raise ${eventType}?`, `Deliver ${eventType} to instance ${j.instanceId}.`, "Raise event"))) return;
    try {
      await post(`/runtime/webhooks/durabletask/instances/${enc(j.instanceId)}/raiseEvent/${enc(eventType)}`, body);
      announce(`${eventType} raised on ${j.instanceId}.`);
      await reloadUntil(j.instanceId, "raise");
    } catch (error) {
      announce(error instanceof Error ? error.message : String(error), "error");
    }
  }

  /** The operations are accepted (202) and applied right after; read again until the change shows, for a few seconds. */
  async function reloadUntil(instanceId: string, operation: string): Promise<void> {
    const wanted: Record<string, (s: string) => boolean> = {
      suspend: (s) => s === "Suspended", resume: (s) => s === "Running" || s === "Completed", terminate: (s) => s !== "Running" && s !== "Suspended",
      raise: () => true,
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      const status = await request<InstanceStatus>("GET", `/runtime/webhooks/durabletask/instances/${enc(instanceId)}`).catch(() => null);
      if (status && wanted[operation](status.runtimeStatus)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (route.argument) await load(route.argument);
  }
};

function profileView(p: CustomerProfile): HTMLElement {
  const attributes = Object.entries(p.attributes);
  const consent = Object.entries(p.consent);
  const facts = p.facts;
  return h("dl", { class: "figures", "data-testid": "profile" },
    h("dt", {}, "Attributes"),
    h("dd", { class: "attributes" }, attributes.length === 0 ? "None." : attributes.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(", ")),
    h("dt", {}, "Consent"),
    h("dd", { class: "consent" }, consent.length === 0 ? "None recorded." : consent.map(([channel, c]) =>
      `${channel}: ${c.status === "optIn" ? "opted in" : "opted out"} ${time(c.at)}${c.source ? ` (${c.source})` : ""}`).join("; ")),
    h("dt", {}, "Last touchpoint"),
    h("dd", {}, facts.lastTouchpointAt ? `${facts.lastTouchpointType ?? "?"} from ${facts.lastChannel ?? "?"}, ${time(facts.lastTouchpointAt)}` : "–"),
    facts.recentOutcomes.length > 0 ? [h("dt", {}, "Recent outcomes"),
      h("dd", {}, facts.recentOutcomes.slice().reverse().map((o) => `${o.journeyId}: ${o.outcome}`).join(", "))] : null);
}

function isActive(status: string): boolean {
  return status === "Running" || status === "Suspended" || status === "Pending";
}

function describeWait(waiting: string | undefined, events: string[], wakeUpAt: string | null | undefined): string {
  const parts: string[] = [];
  if (events.length > 0) parts.push(events.join(", "));
  if (wakeUpAt) parts.push(`${waiting === "events" ? "times out" : "wakes"} at ${time(wakeUpAt)}`);
  return parts.join("; ") || waiting || "–";
}

function pastTable(past: CustomerJourney[]): HTMLElement {
  return h("table", { class: "grid" },
    h("thead", {}, h("tr", {}, ...["Journey", "Instance", "Status", "Outcome", "Last step", "Ended"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...past.map((j) => h("tr", { "data-instance": j.instanceId },
      h("td", {}, h("a", { href: href("map", j.journey) }, j.journey), ` v${j.version}`), h("td", {}, j.instanceId), h("td", {}, j.runtimeStatus),
      h("td", {}, j.outcome ?? "–"), h("td", {}, j.currentStep ?? "–"), h("td", {}, time(j.lastUpdatedTime))))));
}

function entry(e: TimelineEntry): HTMLElement {
  const what = e.touchpoint ? `${e.touchpoint.type} from ${e.touchpoint.source} (${e.touchpoint.id})` : e.kind;
  return h("li", { class: "entry", "data-sequence": e.sequence },
    h("div", { class: "when" }, time(e.at)),
    h("div", { class: "what" }, h("strong", {}, what),
      e.touchpoint?.data !== undefined ? h("details", {}, h("summary", {}, "data"), h("pre", {}, JSON.stringify(e.touchpoint.data, null, 2))) : null),
    e.notes.length > 0 ? h("ul", { class: "notes" }, ...e.notes.map((n) => h("li", {}, n))) : null,
    e.decisions.length > 0 ? h("ul", { class: "decisions" }, ...e.decisions.map((d) =>
      h("li", { class: `decision ${d.decision.kind}`, "data-kind": d.decision.kind }, h("span", { class: "journey" }, d.journeyId), " ", explain(d.decision)))) : null,
    e.actions.length > 0 ? h("ul", { class: "actions-sent" }, ...e.actions.map((a) =>
      h("li", {}, `Sent ${a.channel}/${a.action} from step ${a.stepId} (${a.journeyId})`))) : null,
    e.withheld.length > 0 ? h("ul", { class: "withheld" }, ...e.withheld.map((w) =>
      h("li", {}, `Withheld ${w.channel}/${w.action} (${w.journeyId}): ${w.verdict}${w.reason ? ` — ${w.reason}` : ""}${w.deferredUntil ? `, tried again at ${time(w.deferredUntil)}` : ""}`))) : null);
}

/** One decision in words, with the values that chose it, as the engine recorded them. */
export function explain(d: Decision): string {
  const values = d.values && Object.keys(d.values).length > 0
    ? ` because ${Object.entries(d.values).map(([f, v]) => `${f} = ${v}`).join(", ")}` : "";
  const to = d.next ? ` → ${d.next}` : "";
  switch (d.kind) {
    case "started": return `started (entry event ${d.detail ?? ""})${values}`;
    case "stepEntered": return `entered step ${d.step}`;
    case "eventMatched": return `at ${d.step}, ${d.detail} matched${to}${values}`;
    case "branchTaken": return `at ${d.step}, took ${d.detail}${to}${values}`;
    case "splitAssigned": return `at ${d.step}, assigned to arm ${d.detail}${to}${values}`;
    case "varsSet": return `at ${d.step}, set ${d.detail}${to}`;
    case "actionRequested": return `at ${d.step}, asked to send ${d.detail}${to}`;
    case "delayStarted": return `at ${d.step}, waits ${d.detail ?? ""}`.trimEnd();
    case "delayElapsed": return `at ${d.step}, the delay elapsed${to}`;
    case "timedOut": return `at ${d.step}, timed out${to}`;
    case "goalReached": return `reached the goal (${d.detail ?? ""})${values}`;
    case "exited": return `exited (${d.detail ?? ""})${values}`;
    case "expired": return `expired: maxDuration elapsed`;
    case "stopped": return `stopped by an operator${d.detail ? ` (${d.detail})` : ""}`;
    case "guardTripped": return `step guard stopped a run of steps at ${d.step}`;
    case "completed": return `completed with outcome ${d.detail ?? ""}`;
    case "migrated": return `migrated from v${d.values?.fromVersion ?? "?"} step ${d.step ?? "?"} to v${d.values?.toVersion ?? "?"} step ${d.next ?? "?"}${d.detail === "waitKept" ? ", still waiting" : ""}`;
    default: return `${d.kind}${d.step ? ` at ${d.step}` : ""}${d.detail ? ` (${d.detail})` : ""}${to}${values}`;
  }
}
