// How often each unit checks in: a unit may set its own cadence, and a unit that sets none
// follows its nearest ancestor that does, else the organisation's (DESIGN.md: check-in rhythm).

export interface UnitCadence {
  id: string;
  parentId: string | null;
  /** The unit's own cadence in days, or null to follow its parent. */
  cadenceDays: number | null;
}

/**
 * Each unit's effective cadence in days. Units whose effective cadence is the
 * organisation's are left out, so the map stays small where few units differ.
 */
export function effectiveCadences(units: readonly UnitCadence[], orgDays: number): Map<string, number> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const resolved = new Map<string, number>();
  const resolve = (id: string): number => {
    const known = resolved.get(id);
    if (known !== undefined) return known;
    // Walk up to the nearest unit with a cadence (or a known answer); a step limit guards
    // against a damaged tree, which the unit rules never allow.
    const path: string[] = [];
    let days = orgDays;
    for (
      let current = byId.get(id);
      current && path.length <= units.length;
      current = byId.get(current.parentId ?? '')
    ) {
      const cached = resolved.get(current.id);
      if (cached !== undefined) {
        days = cached;
        break;
      }
      path.push(current.id);
      if (current.cadenceDays !== null) {
        days = current.cadenceDays;
        break;
      }
    }
    for (const step of path) resolved.set(step, days);
    return days;
  };
  for (const unit of units) resolve(unit.id);
  for (const [id, days] of resolved) if (days === orgDays) resolved.delete(id);
  return resolved;
}
