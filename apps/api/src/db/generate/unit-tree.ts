import type { UnitKind } from "../../generated/prisma/client";
import { nameColumns } from "../../lib/text-columns";
import type { NamePools } from "./name-pools";
import type { Prng } from "./prng";
import type { Row } from "./tables";
import { DEPARTMENT_NAMES, DIVISION_NAMES } from "./vocabulary";

export interface KnownUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

/** A unit that owns generated projects. */
export interface OwnerUnit {
  id: number;
  code: string;
  /** the name without "สำนักงาน", as project names carry it: "เขตวังทองหลาง" */
  shortName: string;
  /** units a project may name as responsible or budget unit: the unit's divisions, or itself */
  subUnits: number[];
}

export interface UnitTreePlan {
  owners: OwnerUnit[];
  /** org_unit rows to add beyond the known units (ids assigned) */
  newUnits: Row[];
}

/** Bangkok's top level: 50 district offices (50NN0000) and 20 departments. */
const TOP_LEVEL_UNITS = 70;
const DISTRICTS = 50;

const shortNameOf = (name: string) => name.replace(/^สำนักงาน(?=เขต)/, "");

/**
 * The units that own the generated projects: the known departments and district offices (by code)
 * first, then generated ones up to Bangkok's 70, then divisions spread over those 70.
 */
export function planUnitTree(
  known: KnownUnit[],
  ownerCount: number,
  nextId: number,
  pools: NamePools,
  prng: Prng,
): UnitTreePlan {
  const city = known.find((unit) => unit.kind === "city");
  if (!city) throw new Error("The city unit (root) is missing");
  const usedCodes = new Set(known.map((unit) => unit.code));
  const usedNames = new Set(known.map((unit) => unit.name));
  const top = known
    .filter((unit) => unit.kind === "department" || unit.kind === "district")
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const subUnitsOf = new Map<number, number[]>(top.map((unit) => [unit.id, []]));
  for (const unit of known) if (unit.parentId !== null) subUnitsOf.get(unit.parentId)?.push(unit.id);

  const newUnits: Row[] = [];
  const addUnit = (code: string, name: string, kind: UnitKind, parentId: number): KnownUnit => {
    const unit = { id: nextId++, code, name, kind, parentId };
    const columns = nameColumns(name);
    newUnits.push([unit.id, code, name, columns.nameSearch, columns.nameSortKey, kind, parentId]);
    usedCodes.add(code);
    usedNames.add(name);
    return unit;
  };

  const topCount = Math.min(ownerCount, Math.max(TOP_LEVEL_UNITS, top.length));
  const places = prng.sample(pools.places, pools.places.length);
  for (let nn = 1; nn <= DISTRICTS && top.length < topCount; nn++) {
    const code = `50${String(nn).padStart(2, "0")}0000`;
    if (usedCodes.has(code)) continue;
    const place = places.find((p) => !usedNames.has(`สำนักงานเขต${p}`)) ?? `ที่ ${nn}`;
    top.push(addUnit(code, `สำนักงานเขต${place}`, "district", city.id));
  }
  const departmentNames = DEPARTMENT_NAMES.filter((name) => !usedNames.has(name));
  for (let dd = 10; dd <= 99 && top.length < topCount; dd++) {
    const code = `${dd}000000`;
    if (dd === 50 || usedCodes.has(code)) continue;
    top.push(addUnit(code, departmentNames.shift() ?? `สำนักที่ ${dd}`, "department", city.id));
  }
  top.sort((a, b) => (a.code < b.code ? -1 : 1));

  // divisions: round-robin over the top level, codes sharing the parent's first four digits
  const divisionCount = Math.max(0, ownerCount - top.length);
  const perParent = Math.ceil(divisionCount / Math.max(1, top.length));
  const step = perParent <= 99 ? 100 : 1;
  if (top.length * Math.floor(9_999 / step) < divisionCount) throw new Error(`Too many units: ${ownerCount}`);
  const nextSeq = new Map<number, number>();
  const divisions: OwnerUnit[] = [];
  for (let i = 0; i < divisionCount; i++) {
    const parent = top[i % top.length] as KnownUnit;
    const round = Math.floor(i / top.length);
    let seq = nextSeq.get(parent.id) ?? step;
    let code = `${parent.code.slice(0, 4)}${String(seq).padStart(4, "0")}`;
    while (usedCodes.has(code)) {
      seq += step;
      code = `${parent.code.slice(0, 4)}${String(seq).padStart(4, "0")}`;
    }
    nextSeq.set(parent.id, seq + step);
    const base = DIVISION_NAMES[round % DIVISION_NAMES.length] as string;
    const lap = Math.floor(round / DIVISION_NAMES.length);
    const name = `${base}${lap > 0 ? ` ${lap + 1}` : ""} ${shortNameOf(parent.name)}`;
    const unit = addUnit(code, name, "division", parent.id);
    divisions.push({ id: unit.id, code, shortName: name, subUnits: [unit.id, parent.id] });
    subUnitsOf.set(parent.id, [...(subUnitsOf.get(parent.id) ?? []), unit.id]);
  }
  const owners: OwnerUnit[] = top.slice(0, ownerCount).map((unit) => {
    const subUnits = subUnitsOf.get(unit.id) ?? [];
    return {
      id: unit.id,
      code: unit.code,
      shortName: shortNameOf(unit.name),
      subUnits: subUnits.length ? subUnits : [unit.id],
    };
  });
  return { owners: [...owners, ...divisions], newUnits };
}
