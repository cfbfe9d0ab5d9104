import { useUnits } from "../../lib/reference-data";
import { useUnitLabel } from "../../lib/unit-names";

/** A labelled choice of unit; `blank` is the text of the "none" option. */
export function UnitSelect({
  id,
  value,
  onChange,
  blank = "–",
  required,
  departmentsAndDistrictsOnly,
}: {
  id?: string;
  value: string;
  onChange: (code: string) => void;
  blank?: string;
  required?: boolean;
  departmentsAndDistrictsOnly?: boolean;
}) {
  const unitLabel = useUnitLabel();
  const units = (useUnits().data?.items ?? []).filter((u) => !departmentsAndDistrictsOnly || u.kind !== "division");
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={required}>
      <option value="">{blank}</option>
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {unitLabel(u)}
        </option>
      ))}
    </select>
  );
}
