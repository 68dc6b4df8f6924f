/**
 * Journeys: every deployed journey, ranked by the fix-first order of `GET /api/analytics/journeys` (opportunity, then
 * under-performers, then volume), with its active version and status (`GET /api/journeys`) and a sparkline of its
 * score, or of its starts while nothing has ended, per hour or day (`GET /api/journeys/{id}/analytics?interval=`).
 */
import { enc, get, type JourneyAnalytics, type JourneyRank, type JourneySummary } from "../api";
import { field, h, replace, svg } from "../dom";
import { count, score, signed } from "../format";
import type { Page } from "../route";
import { href, replaceQuery } from "../route";
import { errorBox, windowPicker } from "./shared";

export const journeysPage: Page = (main, route) => {
  let span = route.query.get("window") ?? "7d";
  const body = h("div", { "aria-busy": "true" }, "Loading…");
  const picker = windowPicker(span, (value) => {
    span = value;
    replaceQuery(route, { window: span });
    void load();
  });
  replace(main,
    h("h1", {}, "Journeys"),
    h("p", { class: "lead" }, "Every deployed journey, the ones to fix first at the top: opportunity is volume × distance below the target score."),
    h("div", { class: "toolbar" }, field("Window", picker)),
    body);

  async function load(): Promise<void> {
    try {
      const [summaries, ranking] = await Promise.all([
        get<JourneySummary[]>("/api/journeys"),
        get<JourneyRank[]>(`/api/analytics/journeys?window=${enc(span)}`),
      ]);
      // Hours while they are kept (8 days), days beyond.
      const interval = span.endsWith("h") || ["1d", "2d", "3d", "4d", "5d", "6d", "7d"].includes(span) ? "hour" : "day";
      const series = await Promise.all(ranking.map((r) =>
        get<JourneyAnalytics>(`/api/journeys/${enc(r.journeyId)}/analytics?window=${enc(span)}&interval=${interval}`).catch(() => null)));
      const byId = new Map(summaries.map((s) => [s.id, s]));
      const rows = ranking.map((rank, index) => row(index + 1, rank, byId.get(rank.journeyId), series[index]));
      replace(body,
        h("table", { class: "grid", "data-testid": "journeys" },
          h("caption", {}, `Ranked over the last ${span}`),
          h("thead", {}, h("tr", {},
            ...["#", "Journey", "Version", "Status", "Started", "Ended", "Score / target", "Trend", interval === "hour" ? "By hour" : "By day", "Flag"]
              .map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, rows)));
      body.removeAttribute("aria-busy");
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  void load();
};

function row(rank: number, r: JourneyRank, summary: JourneySummary | undefined, analytics: JourneyAnalytics | null): HTMLElement {
  const flags = [r.belowTarget ? "below target" : null, r.falling ? "falling" : null].filter(Boolean).join(", ");
  return h("tr", { class: r.underPerforming ? "under" : "", "data-journey": r.journeyId },
    h("td", {}, rank),
    h("td", {}, h("a", { href: href("map", r.journeyId) }, r.name), h("div", { class: "muted" }, r.journeyId)),
    h("td", {}, summary ? `v${summary.version}` : "–"),
    h("td", {}, h("span", { class: `badge ${summary?.status.toLowerCase() ?? ""}` }, summary?.status ?? "–")),
    h("td", { class: "num" }, count(analytics?.report.totals.started)),
    h("td", { class: "num" }, count(r.volume)),
    h("td", { class: "num" }, `${score(r.score)} / ${r.target}`),
    h("td", { class: "num" }, signed(r.trend)),
    h("td", {}, sparkline(analytics)),
    h("td", {}, r.underPerforming ? h("span", { class: "badge warn" }, `Under-performing: ${flags}`) : h("span", { class: "muted" }, "ok")));
}

/**
 * The score per interval (blue; intervals where nothing ended have no score and are skipped), or, while nothing has
 * ended, the starts per interval (grey).
 */
function sparkline(analytics: JourneyAnalytics | null): Element {
  const points = analytics?.series ?? [];
  const scored = points.some((p) => p.score !== null);
  const values = points.map((p) => (scored ? p.score : p.started));
  const width = 120;
  const height = 28;
  const max = scored ? 100 : Math.max(1, ...values.map((v) => v ?? 0));
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const coordinates = values
    .map((v, i) => (v === null ? null : [i * step, height - 2 - (v / max) * (height - 4)] as const))
    .filter((c): c is readonly [number, number] => c !== null);
  const shown = values.filter((v): v is number => v !== null);
  const label = shown.length === 0
    ? "no data yet"
    : `${scored ? "score" : "starts"} per ${analytics?.grain ?? "interval"}, oldest first: ${shown.map((v) => Math.round(v)).join(", ")}`;
  const colour = scored ? "#2563eb" : "#6b7280";
  const marks: SVGElement[] = coordinates.length > 1
    ? [svg("polyline", { points: coordinates.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "), fill: "none", stroke: colour, "stroke-width": 2 })]
    : [];
  const last = coordinates.at(-1);
  if (last) marks.push(svg("circle", { cx: last[0] || width / 2, cy: last[1], r: 2.5, fill: colour }));
  return svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "spark", "aria-label": label }, ...marks);
}
