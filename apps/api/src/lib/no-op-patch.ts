/**
 * Whether a partial update would leave a record as it is: every stored field sent equals the
 * stored value (arrays of codes compared as sets); an empty patch is a no-op too. Such a write is
 * answered with the record unchanged: no version bump, no history event.
 */
export function isNoOpPatch(current: Record<string, unknown>, patch: Record<string, unknown>): boolean {
  return Object.entries(patch).every(([key, value]) => {
    if (value === undefined || !(key in current)) return true;
    const stored = current[key];
    if (Array.isArray(value) && Array.isArray(stored)) {
      return JSON.stringify([...value].sort()) === JSON.stringify([...stored].sort());
    }
    return JSON.stringify(value) === JSON.stringify(stored);
  });
}
