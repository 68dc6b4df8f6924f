/**
 * The console's only way to the runtime: the public HTTP API, with the management key in `x-api-key`.
 * The key is asked for once and kept in sessionStorage (this browser tab only), never put in a URL.
 */

const keyStorage = "journey-console.management-key";

export interface ProblemError {
  pointer?: string;
  message?: string;
  [name: string]: unknown;
}

export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemError[] | Record<string, string[]>;
}

/** An answer other than 2xx, with its problem document when there is one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export function storedKey(): string | null {
  return sessionStorage.getItem(keyStorage);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(keyStorage, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(keyStorage);
}

let askForKey: () => Promise<string> = () => Promise.reject(new Error("no key prompt"));

/** Sets how the console asks for the key when it has none or the API refused it. */
export function onKeyNeeded(prompt: () => Promise<string>): void {
  askForKey = prompt;
}

async function key(): Promise<string> {
  return storedKey() ?? (await askForKey());
}

/** Sends a request; asks for the key again on 401; throws ApiError for any other non-2xx. */
export async function request<T>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { "x-api-key": await key(), accept: "application/json, application/problem+json" };
    let payload: string | undefined;
    if (body !== undefined) {
      headers["content-type"] = contentType;
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers, body: payload });
    if (response.status === 401 && attempt < 2) {
      forgetKey();
      continue;
    }
    const text = await response.text();
    const json = text.length > 0 && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json as Problem | null);
    return json as T;
  }
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body);
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, body);

export const enc = encodeURIComponent;

// The API's shapes, as far as the console reads them.

export interface JourneySummary { id: string; version: number; name: string; category?: string; deployedAt: string; status: string }
export interface JourneyRank {
  journeyId: string; name: string; volume: number; score: number | null; target: number; previousScore: number | null;
  trend: number | null; noise: number | null; opportunity: number; belowTarget: boolean; falling: boolean; underPerforming: boolean;
}
export interface Percentiles { p50?: number; p90?: number; p99?: number }
export interface StepFigures {
  step: string; type: string; entered: number; currentlyIn: number; left: Record<string, number>; ended: Record<string, number>;
  timedOut: number; timeInStepSeconds: Percentiles;
}
export interface ArmFigures {
  split: string; arm: string; instances: number; goals: number; rate: number | null; low: number | null; high: number | null;
  control: boolean; uplift: number | null; pValue: number | null; test: string;
}
export interface Totals {
  started: number; refused: Record<string, number>; ended: Record<string, number>; endedTotal: number; goalReached: number;
  goalRate: number | null; timeToGoalSeconds: Percentiles; sent: Record<string, number>; withheld: Record<string, number>;
}
export interface ScoreFigures { score: number | null; goal: number | null; speed: number | null; effort: number | null; survey: number | null; target: number }
export interface SignalFigures { signal: string; instances: number; successes: number; rate: number; lift: number | null; z: number; trusted: boolean }
export interface Report {
  totals: Totals; steps: StepFigures[]; arms: ArmFigures[]; score: ScoreFigures; previousScore: number | null; trend: number | null;
  signals: SignalFigures[];
}
export interface SeriesPoint { start: string; started: number; ended: number; succeeded: number; goalRate: number | null; score: number | null }
export interface JourneyAnalytics { journeyId: string; version: number | null; from: string; to: string; grain: string; report: Report; series: SeriesPoint[] }
export interface JourneyDocument { id: string; version: number; status: string; deployedAt: string; definition: JourneyDefinition }
export interface StepOccupant {
  instanceId: string; customerId: string; version: number; runtimeStatus: string; step: string | null; stepEnteredAt?: string | null;
  createdTime: string; lastUpdatedTime: string;
}
export interface CustomerIdentity { subject: string; customerId: string; isAlias: boolean; linked: boolean }
export interface ChannelConsent { status: "optIn" | "optOut"; at: string; source: string | null }
export interface CustomerProfile {
  customerId: string;
  attributes: Record<string, unknown>;
  consent: Record<string, ChannelConsent>;
  facts: {
    lastTouchpointAt: string | null; lastTouchpointType: string | null; lastChannel: string | null;
    journeys: { journeyId: string; instanceId: string; step: string | null }[];
    recentOutcomes: { journeyId: string; instanceId: string; outcome: string; at: string }[];
  };
}
export interface CustomerJourney {
  instanceId: string; journey: string; version: number; runtimeStatus: string; currentStep: string | null; outcome: string | null;
  createdTime: string; lastUpdatedTime: string;
}
export interface AwaitedEvent { event: string; purpose: string; filter: unknown; next: string | null }
export interface InstanceStatus {
  instanceId: string; runtimeStatus: string;
  customStatus: { step: string | null; waiting: string; awaiting: AwaitedEvent[]; wakeUpAt: string | null } | null;
  output: { outcome: string; reason?: string | null } | null;
}
export interface Decision { at: string; kind: string; step: string | null; next: string | null; detail: string | null; values: Record<string, string> | null }
export interface TimelineDecision { instanceId: string; journeyId: string; decision: Decision }
export interface SentAction { channel: string; action: string; instanceId: string; journeyId: string; stepId: string; createdAt: string; data?: unknown }
export interface Withheld { instanceId: string; journeyId: string; channel: string; action: string; verdict: string; reason: string | null; deferredUntil?: string | null }
export interface TimelineEntry {
  sequence: number; at: string; kind: string;
  touchpoint: { id: string; type: string; source: string; customerId: string; time: string; data?: unknown } | null;
  decisions: TimelineDecision[]; actions: SentAction[]; notes: string[]; withheld: Withheld[];
}
export interface PoisonEntry { id: string; body: string; reason: string; source: string; attempts: number; at: string }

// A journey definition, as far as the map draws it.
export interface Condition { [name: string]: unknown }
export interface StepDefinition {
  type: string; next?: string; description?: string; channel?: string; action?: string;
  events?: { event: string; next: string; when?: Condition }[]; timeout?: string; onTimeout?: string;
  cases?: { when: Condition; next: string }[]; default?: string;
  branches?: { weight: number; next: string; label?: string }[]; outcome?: string; duration?: string;
  arms?: { next: string; label?: string }[]; explore?: number; horizon?: string; holdout?: { next: string; label?: string; share: number };
}
export interface JourneyDefinition { id: string; name: string; start: string; steps: Record<string, StepDefinition>; entry?: { event?: string }; [name: string]: unknown }
