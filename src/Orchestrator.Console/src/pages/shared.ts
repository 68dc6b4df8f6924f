/** Pieces several pages use: the window picker, error boxes, the confirmation dialog. */
import { ApiError } from "../api";
import { h } from "../dom";

export const windows = ["1h", "24h", "7d", "30d"];

export function windowPicker(current: string, changed: (value: string) => void): HTMLSelectElement {
  const select = h("select", { name: "window" }, ...windows.map((w) => h("option", { value: w, selected: w === current }, `last ${w}`)));
  select.addEventListener("change", () => changed(select.value));
  return select;
}

export function errorBox(error: unknown): HTMLElement {
  const text = error instanceof ApiError
    ? `${error.problem?.title ?? `HTTP ${error.status}`}: ${error.problem?.detail ?? error.message}`
    : error instanceof Error ? error.message : String(error);
  return h("div", { class: "error", role: "alert" }, text);
}

/** Asks to confirm an operation in a modal dialog; resolves true when confirmed. */
export function confirmDialog(title: string, text: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "confirm", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-text" },
      h("form", { method: "dialog" },
        h("h2", { id: "confirm-title" }, title),
        h("p", { id: "confirm-text" }, text),
        h("div", { class: "actions" },
          h("button", { type: "submit", value: "cancel" }, "Cancel"),
          h("button", { type: "submit", value: "confirm", class: "primary" }, confirmLabel))));
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "confirm");
      dialog.remove();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
