import { useState } from "react";
import { FieldErrorText } from "../../../components/ui/field-error";
import { QueryState } from "../../../components/ui/query-state";
import { UnitSelect } from "../../../components/ui/unit-select";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "../api/api-keys";

/** Keys for other city systems: read-only, or write for named units. A new key is shown once. */
export function ApiKeysPanel() {
  const { t, date } = useI18n();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const [unitCode, setUnitCode] = useState("");
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : [];
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
      <form
        className="card form"
        aria-label={t("newApiKey")}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, scope, unitCodes: scope === "write" && unitCode ? [unitCode] : [] });
        }}
      >
        <div className="form-row two">
          <div>
            <label htmlFor="key-name">{t("displayName")}</label>
            <input id="key-name" value={name} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div>
            <label htmlFor="key-scope">{t("scope")}</label>
            <select id="key-scope" value={scope} onChange={(e) => setScope(e.target.value as "read" | "write")}>
              <option value="read">{t("scopeRead")}</option>
              <option value="write">{t("scopeWrite")}</option>
            </select>
          </div>
        </div>
        {scope === "write" && (
          <div className="form-row">
            <label htmlFor="key-unit">{t("unit")}</label>
            <UnitSelect id="key-unit" value={unitCode} onChange={setUnitCode} />
            <FieldErrorText errors={errors} path="unitCodes" id="key-units-error" />
          </div>
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
    </section>
  );
}
