import { useState } from "react";
import { useNavigate } from "react-router";
import { useSignIn } from "../../features/auth/api/session";
import { landingPath } from "../../features/auth/lib/landing";
import { ApiError } from "../../lib/api-client";
import { useI18n, useLocalized } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";

export function SignInRoute() {
  const { t } = useI18n();
  usePageTitle(t("signIn"));
  const localized = useLocalized();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  return (
    <form
      className="card form narrow"
      aria-labelledby="sign-in-title"
      onSubmit={(e) => {
        e.preventDefault();
        signIn.mutate({ username, password }, { onSuccess: (session) => navigate(landingPath(session)) });
      }}
    >
      <h1 id="sign-in-title">{t("signIn")}</h1>
      <div className="form-row">
        <label htmlFor="username">{t("username")}</label>
        <input
          id="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </div>
      <div className="form-row">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </div>
      {signIn.error instanceof ApiError && (
        <p className="field-error" role="alert">
          {localized(signIn.error.localized)}
        </p>
      )}
      <button type="submit" disabled={signIn.isPending}>
        {t("signIn")}
      </button>
    </form>
  );
}
