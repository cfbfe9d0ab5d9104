/** How much to generate: units that own projects, projects per unit and fiscal year, fiscal years. */
export interface GenerateSize {
  /** Units that own projects: the known departments and district offices first, then generated units. */
  units: number;
  /** Projects per unit and fiscal year. */
  projectsPerUnit: number;
  /** The fiscal year of "today" and the ones before it. */
  fiscalYears: number;
}

export const PRESET_NAMES = ["demo", "city", "nation"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * `demo` is the app's own demo data (seedDemoData: the 36 known units, 3–6 projects each, three
 * fiscal years). `city` is Bangkok at full size (50 district offices and 20 departments); `nation`
 * is the country's 7,850 local administrations under one root.
 */
export const PRESET_SIZES: Record<Exclude<PresetName, "demo">, GenerateSize> = {
  city: { units: 70, projectsPerUnit: 150, fiscalYears: 3 },
  nation: { units: 7_850, projectsPerUnit: 200, fiscalYears: 1 },
};

export const isPresetName = (value: string): value is PresetName => (PRESET_NAMES as readonly string[]).includes(value);

export function checkSize(size: GenerateSize): GenerateSize {
  const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (!whole(size.units, 1, 500_000)) throw new Error(`units must be a whole number from 1 to 500,000`);
  if (!whole(size.projectsPerUnit, 1, 3_000))
    throw new Error(`projects per unit must be a whole number from 1 to 3,000`);
  if (!whole(size.fiscalYears, 1, 10)) throw new Error(`fiscal years must be a whole number from 1 to 10`);
  return size;
}
