import type { UserCreate } from "@cpm/schema";
import { ROLES } from "@cpm/schema/roles";
import { useState } from "react";
import { FieldErrorText } from "../../../components/ui/field-error";
import { UnitSelect } from "../../../components/ui/unit-select";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useCreateUser } from "../api/users";

const EMPTY = { username: "", displayName: "", password: "", role: "officer" as UserCreate["role"], unitCode: "" };

export function UserForm() {
  const { t } = useI18n();
  const create = useCreateUser();
  const [form, setForm] = useState(EMPTY);
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : [];
  const field = (name: keyof typeof EMPTY, label: string, type = "text") => (
    <div className="form-row">
      <label htmlFor={`user-${name}`}>{label}</label>
      <input
        id={`user-${name}`}
        type={type}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        aria-describedby={`user-${name}-error`}
      />
      <FieldErrorText errors={errors} path={name} id={`user-${name}-error`} />
    </div>
  );
  return (
    <form
      className="card form"
      aria-labelledby="user-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ ...form, unitCode: form.unitCode || null }, { onSuccess: () => setForm(EMPTY) });
      }}
    >
      <h2 id="user-form-title">{t("addUser")}</h2>
      {field("username", t("username"))}
      {field("displayName", t("displayName"))}
      {field("password", t("password"), "password")}
      <div className="form-row">
        <label htmlFor="user-role">{t("role")}</label>
        <select
          id="user-role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as UserCreate["role"] })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role_${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="user-unit">{t("unit")}</label>
        <UnitSelect id="user-unit" value={form.unitCode} onChange={(unitCode) => setForm({ ...form, unitCode })} />
        <FieldErrorText errors={errors} path="unitCode" id="user-unitCode-error" />
      </div>
      <button type="submit" disabled={create.isPending}>
        {t("save")}
      </button>
    </form>
  );
}
