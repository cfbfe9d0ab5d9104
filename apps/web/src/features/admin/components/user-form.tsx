import { userCreate } from "@cpm/schema";
import { ROLES } from "@cpm/schema/roles";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { SavedNotice, SelectField, TextField } from "../../../components/form/fields";
import { ApiError } from "../../../lib/api-client";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useUnits } from "../../../lib/reference-data";
import { useCreateUser } from "../api/users";

const EMPTY = { username: "", displayName: "", password: "", role: "officer", unitCode: null } as const;

/** A new user, checked by the shared schema (an officer belongs to a unit) before it is sent. */
export function UserForm() {
  const { t } = useI18n();
  const localized = useLocalized();
  const create = useCreateUser();
  const units = useUnits().data?.items ?? [];
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<z.input<typeof userCreate>, unknown, z.output<typeof userCreate>>({
    resolver: schemaResolver(userCreate),
    defaultValues: EMPTY,
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const save = form.handleSubmit((input) => {
    setSaved(null);
    create.mutate(input, {
      onSuccess: (user) => {
        form.reset(EMPTY);
        setSaved(`${t("saved")}: ${user.username}`);
      },
      onError: (failure) => {
        if (failure instanceof ApiError)
          showServerErrors(failure.fieldErrors, form.setError, [
            "username",
            "displayName",
            "password",
            "role",
            "unitCode",
          ]);
      },
    });
  });
  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby="user-form-title" onSubmit={save} noValidate>
        <h2 id="user-form-title">{t("addUser")}</h2>
        <TextField name="username" label={t("username")} idPrefix="user" autoComplete="off" required />
        <TextField name="displayName" label={t("displayName")} idPrefix="user" required />
        <TextField
          name="password"
          label={t("password")}
          idPrefix="user"
          type="password"
          autoComplete="new-password"
          required
        />
        <SelectField
          name="role"
          label={t("role")}
          idPrefix="user"
          required
          options={ROLES.map((role) => ({ value: role, label: t(`role_${role}`) }))}
        />
        <SelectField
          name="unitCode"
          label={t("unit")}
          idPrefix="user"
          nullWhenEmpty
          options={[{ value: "", label: "–" }, ...units.map((unit) => ({ value: unit.code, label: unit.name }))]}
        />
        {error && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {t("save")}
        </button>
        <SavedNotice text={saved} />
      </form>
    </FormProvider>
  );
}
