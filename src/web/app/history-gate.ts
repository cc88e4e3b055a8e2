// The browser's back and forward buttons pass through here before the router sees them, so
// a form with unsaved changes can ask first; so do the moves the app makes itself
// (mayLeave). The router handles a history step in its own popstate listener, and the page
// it leaves unmounts at once: a listener added later, by the form itself, would run too late
// (in Chromium a capture listener on window ran after the router's earlier one). This one is added when the module loads, before the
// router is made (router.tsx imports it), so it runs first.
type Ask = () => boolean;

interface Guard {
  /** The router's number (state.idx) of the history entry the form is on. */
  entry: number | null;
  ask: Ask;
}

const guards = new Set<Guard>();
let undoing = false;

function historyIndex(state: unknown): number | null {
  const idx = (state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' ? idx : null;
}

window.addEventListener('popstate', (event) => {
  if (undoing) {
    // The step back to the form: the router never saw the person leave.
    undoing = false;
    event.stopImmediatePropagation();
    return;
  }
  const [guard] = guards;
  if (!guard) return;
  const entry = historyIndex(event.state);
  const steps = entry === null || guard.entry === null ? -1 : entry - guard.entry;
  if (steps === 0 || guard.ask()) return;
  event.stopImmediatePropagation();
  undoing = true;
  window.history.go(-steps);
});

/** While registered, a history step away from the current entry asks first; returns the unregistering. */
export function guardHistory(ask: Ask): () => void {
  const guard: Guard = { entry: historyIndex(window.history.state), ask };
  guards.add(guard);
  return () => guards.delete(guard);
}

/**
 * For a move the app makes itself (a search hit, signing out): true when no form holds
 * unsaved changes, or the person agrees to leave them.
 */
export function mayLeave(): boolean {
  const [guard] = guards;
  return !guard || guard.ask();
}
