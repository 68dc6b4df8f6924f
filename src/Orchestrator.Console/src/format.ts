/** Number, time and duration formatting shared by the pages. */

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : value.toLocaleString("en");
}

export function percent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)} %`;
}

export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : value.toFixed(1);
}

export function signed(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return "–";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(digits)}`;
}

/** Seconds as the largest fitting unit: the time figures are log₂ buckets, exact to a factor of two, so one unit is enough. */
export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (value < 1) return "<1s";
  const units: [number, string][] = [[86400, "d"], [3600, "h"], [60, "m"]];
  for (const [size, unit] of units) {
    if (value >= size) return `${Math.round(value / size)}${unit}`;
  }
  return `${Math.round(value)}s`;
}

export function time(value: string | null | undefined): string {
  if (!value) return "–";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}

export function since(value: string | null | undefined, now = Date.now()): string {
  if (!value) return "–";
  return seconds(Math.max(0, (now - new Date(value).getTime()) / 1000));
}
