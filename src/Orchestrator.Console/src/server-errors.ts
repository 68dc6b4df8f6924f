/**
 * The API's validation errors, highlighted in the editor at their JSON pointers. Kept apart from the schema linter's
 * diagnostics, which the linter replaces on every edit: these stay (moved along with edits) until the next validation.
 */
import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";

export interface ServerError { from: number; to: number; message: string }

const setServerErrors = StateEffect.define<ServerError[]>();

const serverErrors = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setServerErrors)) {
        next = Decoration.set(
          effect.value
            .filter((e) => e.to > e.from)
            .map((e) => Decoration.mark({ class: "cm-server-error", attributes: { title: e.message } }).range(e.from, e.to)),
          true);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The extension an editor needs to show server errors. */
export function serverErrorHighlighting(): Extension {
  return [
    serverErrors,
    EditorView.baseTheme({ ".cm-server-error": { textDecoration: "underline wavy #b91c1c", backgroundColor: "#fee2e2" } }),
  ];
}

/** Replaces the highlighted errors. */
export function showServerErrors(view: EditorView, errors: ServerError[]): void {
  view.dispatch({ effects: setServerErrors.of(errors) });
}
