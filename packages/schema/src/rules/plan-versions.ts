import type { IsoDate } from "./dates";
import { plannedCompletion } from "./progress";

export interface VersionStep {
  name: string;
  weight: number;
  plannedStart: IsoDate | null;
  plannedEnd: IsoDate | null;
}

export type StepChange =
  | { kind: "added"; name: string; weight: number }
  | { kind: "removed"; name: string; weight: number }
  | {
      kind: "changed";
      name: string;
      fields: {
        field: "weight" | "plannedStart" | "plannedEnd";
        from: number | string | null;
        to: number | string | null;
      }[];
    };

/**
 * What changed from one plan version to another, step by step, matched by name (a renamed step is
 * one removed and one added): steps added, removed, and those whose weight or planned dates moved.
 */
export function planDifference(from: readonly VersionStep[], to: readonly VersionStep[]): StepChange[] {
  const changes: StepChange[] = [];
  for (const step of to) {
    const old = from.find((s) => s.name === step.name);
    if (!old) {
      changes.push({ kind: "added", name: step.name, weight: step.weight });
      continue;
    }
    const fields = (["weight", "plannedStart", "plannedEnd"] as const)
      .filter((field) => old[field] !== step[field])
      .map((field) => ({ field, from: old[field], to: step[field] }));
    if (fields.length) changes.push({ kind: "changed", name: step.name, fields });
  }
  for (const step of from) {
    if (!to.some((s) => s.name === step.name)) changes.push({ kind: "removed", name: step.name, weight: step.weight });
  }
  return changes;
}

/**
 * The plan version in force at `day`: the last one recorded on or before it, or the first when the
 * plan was made later. The baseline is the version in force on the fiscal year's first day.
 */
export function versionInForce<T extends { at: string }>(versions: readonly T[], day: IsoDate): T | undefined {
  const before = versions.filter((v) => v.at.slice(0, 10) <= day);
  return before.at(-1) ?? versions[0];
}

/** The planned-completion curve of a plan at each of some days (month ends). */
export function plannedCurve(steps: readonly VersionStep[], days: readonly IsoDate[]): number[] {
  return days.map((day) => plannedCompletion(steps, day));
}
