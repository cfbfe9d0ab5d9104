import { apiKeyCreate, requiredText, unitCode } from "@cpm/schema";
import { FormProvider, useForm } from "react-hook-form";
import { z } from "zod";
import { SelectField, TextField } from "../../../components/form/fields";
import { QueryState } from "../../../components/ui/query-state";
import { ApiError } from "../../../lib/api-client";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useUnits } from "../../../lib/reference-data";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "../api/api-keys";

/** The form's one unit becomes the key's list of units, then the shared schema checks the whole key (its issues beside the unit). */
const keyForm = z
  .object({ name: requiredText(200), scope: z.enum(["read", "write"]), unitCode: unitCode.nullable() })
  .transform(({ unitCode: unit, ...key }, ctx) => {
    const parsed = apiKeyCreate.safeParse({ ...key, unitCodes: key.scope === "write" && unit ? [unit] : [] });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = issue.path[0] === "unitCodes" ? ["unitCode"] : issue.path;
      ctx.addIssue({ code: "custom", path, params: "params" in issue ? issue.params : undefined });
    }
    return z.NEVER;
  });

/** Keys for other city systems: read-only, or write for named units. A new key is shown once. */
export function ApiKeysPanel() {
  const { t, date } = useI18n();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  return (
    <section aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">{t("apiKeys")}</h2>
      <QueryState isPending={keys.isPending} error={keys.error} retry={() => keys.refetch()}>
        <div className="table-wrap">
          <table data-testid="api-keys">
            <thead>
              <tr>
                <th scope="col">{t("displayName")}</th>
                <th scope="col">{t("keyPrefix")}</th>
                <th scope="col">{t("scope")}</th>
                <th scope="col">{t("units")}</th>
                <th scope="col">{t("active")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data?.items.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.scope === "read" ? t("scopeRead") : t("scopeWrite")}</td>
                  <td>{key.unitCodes.join(", ") || "–"}</td>
                  <td>
                    {key.revokedAt ? (
                      `${t("revoked")} ${date(key.revokedAt)}`
                    ) : (
                      <button type="button" className="link-button" onClick={() => revoke.mutate(key.id)}>
                        {t("revoke")} {key.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      <ApiKeyForm />
    </section>
  );
}

/** A new key for another system: read-only, or write for a named unit; the key is shown once. */
function ApiKeyForm() {
  const { t } = useI18n();
  const localized = useLocalized();
  const create = useCreateApiKey();
  const units = useUnits().data?.items ?? [];
  const form = useForm<z.input<typeof keyForm>, unknown, z.output<typeof keyForm>>({
    resolver: schemaResolver(keyForm),
    defaultValues: { name: "", scope: "read", unitCode: null },
  });
  const scope = form.watch("scope");
  const error = create.error instanceof ApiError ? create.error : null;
  return (
    <FormProvider {...form}>
      <form
        className="card form"
        aria-label={t("newApiKey")}
        noValidate
        onSubmit={form.handleSubmit((input) =>
          create.mutate(input, {
            onError: (failure) => {
              if (failure instanceof ApiError) showServerErrors(failure.fieldErrors, form.setError, ["name"]);
            },
          }),
        )}
      >
        <div className="form-row two">
          <TextField name="name" label={t("displayName")} idPrefix="key" required />
          <SelectField
            name="scope"
            label={t("scope")}
            idPrefix="key"
            options={[
              { value: "read", label: t("scopeRead") },
              { value: "write", label: t("scopeWrite") },
            ]}
          />
        </div>
        {scope === "write" && (
          <SelectField
            name="unitCode"
            label={t("unit")}
            idPrefix="key"
            required
            nullWhenEmpty
            options={[{ value: "", label: "–" }, ...units.map((unit) => ({ value: unit.code, label: unit.name }))]}
          />
        )}
        {error && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {t("newApiKey")}
        </button>
        {create.data && (
          <p className="note" role="status">
            {t("keyShownOnce")} <code data-testid="new-key">{create.data.key}</code>
          </p>
        )}
      </form>
    </FormProvider>
  );
}
