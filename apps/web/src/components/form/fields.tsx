import "./form.css";
import type { ReactNode } from "react";
import { Controller, type FieldValues, type Path, useFormContext } from "react-hook-form";
import { messageText } from "../../lib/form";
import { useI18n } from "../../lib/i18n";
import { DateField } from "../ui/date-field";

interface FieldProps<T extends FieldValues> {
  name: Path<T>;
  label: ReactNode;
  /** Marked with * and announced as required. */
  required?: boolean;
  /** What the field means, under its label. */
  hint?: ReactNode;
  /** Prefix of the ids (label, hint, error), so that two forms on one page never share one. */
  idPrefix?: string;
}

const idOf = (prefix: string | undefined, name: string) => `${prefix ?? "field"}-${name.replaceAll(".", "-")}`;

/** A label (with * when required), the control, its hint and its error, tied together for screen readers. */
function FieldFrame({
  id,
  label,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="form-row">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" title={t("required")}>
            {" "}
            *
          </span>
        )}
      </label>
      {hint && (
        <p className="muted small field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function useFieldState<T extends FieldValues>(name: Path<T>) {
  const { locale } = useI18n();
  const form = useFormContext<T>();
  const message = form.getFieldState(name, form.formState).error?.message;
  return { form, error: messageText(message, locale) };
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** Free text on one line. */
export function TextField<T extends FieldValues>({
  name,
  label,
  required,
  hint,
  idPrefix,
  type = "text",
  autoComplete,
}: FieldProps<T> & { type?: "text" | "search" | "password"; autoComplete?: string }) {
  const { form, error } = useFieldState<T>(name);
  const id = idOf(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        aria-required={required}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name)}
      />
    </FieldFrame>
  );
}

/** Free text over several lines. */
export function TextAreaField<T extends FieldValues>({
  name,
  label,
  required,
  hint,
  idPrefix,
  rows = 3,
}: FieldProps<T> & { rows?: number }) {
  const { form, error } = useFieldState<T>(name);
  const id = idOf(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-required={required}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name)}
      />
    </FieldFrame>
  );
}

/** A number (percent, score, baht): empty is "not given", or null with `emptyIsNull`. */
export function NumberField<T extends FieldValues>({
  name,
  label,
  required,
  hint,
  idPrefix,
  min,
  max,
  emptyIsNull,
  disabled,
}: FieldProps<T> & { min?: number; max?: number; emptyIsNull?: boolean; disabled?: boolean }) {
  const { form, error } = useFieldState<T>(name);
  const id = idOf(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step="0.01"
        min={min}
        max={max}
        disabled={disabled}
        aria-required={required}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name, {
          setValueAs: (value: unknown) =>
            value === "" || value === null || value === undefined ? (emptyIsNull ? null : undefined) : Number(value),
        })}
      />
    </FieldFrame>
  );
}

/** One of a few choices. */
export function SelectField<T extends FieldValues>({
  name,
  label,
  required,
  hint,
  idPrefix,
  options,
  asNumber,
  nullWhenEmpty,
}: FieldProps<T> & {
  options: { value: string | number; label: string }[];
  asNumber?: boolean;
  /** The empty choice ("none") is null. */
  nullWhenEmpty?: boolean;
}) {
  const { form, error } = useFieldState<T>(name);
  const id = idOf(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <select
        id={id}
        aria-required={required}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name, {
          setValueAs: (value: string) =>
            nullWhenEmpty && (value === "" || value === null) ? null : asNumber ? Number(value) : value,
        })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A yes/no choice: the box first, its label beside it. */
export function CheckboxField<T extends FieldValues>({ name, label, hint, idPrefix }: Omit<FieldProps<T>, "required">) {
  const { form, error } = useFieldState<T>(name);
  const id = idOf(idPrefix, name);
  return (
    <div className="form-row checkbox-row">
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          aria-invalid={!!error}
          aria-describedby={describedBy(id, hint, error)}
          {...form.register(name)}
        />{" "}
        {label}
      </label>
      {hint && (
        <p className="muted small field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A date typed or picked, in the page's calendar (Buddhist era in Thai); the value is YYYY-MM-DD or null. */
export function DateInputField<T extends FieldValues>({ name, label, required, hint, idPrefix }: FieldProps<T>) {
  const { form, error } = useFieldState<T>(name);
  const id = idOf(idPrefix, name);
  return (
    <div className="form-row">
      <label htmlFor={id}>
        {label}
        {required && <span className="required-mark"> *</span>}
      </label>
      {hint && (
        <p className="muted small field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <DateField
            id={id}
            value={(field.value as string | null) ?? ""}
            onChange={(value) => field.onChange(value === "" ? (required ? "" : null) : value)}
            required={required}
            error={error}
          />
        )}
      />
    </div>
  );
}

/** Where a saved form tells the user so, in words they can check (what was saved). */
export function SavedNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="saved-notice" role="status" data-testid="saved-notice">
      {text}
    </p>
  );
}
