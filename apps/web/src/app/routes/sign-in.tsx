import { signInInput } from "@cpm/schema";
import { FormProvider, useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { TextField } from "../../components/form/fields";
import { useSignIn } from "../../features/auth/api/session";
import { landingPath } from "../../features/auth/lib/landing";
import { ApiError } from "../../lib/api-client";
import { schemaResolver } from "../../lib/form";
import { useI18n, useLocalized } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";
import styles from "./sign-in.module.css";

export function SignInRoute() {
  const { t } = useI18n();
  usePageTitle(t("signIn"));
  const localized = useLocalized();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const form = useForm({ resolver: schemaResolver(signInInput), defaultValues: { username: "", password: "" } });
  return (
    <FormProvider {...form}>
      <form
        className={`card form ${styles.narrow}`}
        aria-labelledby="sign-in-title"
        onSubmit={form.handleSubmit((input) =>
          signIn.mutate(input, { onSuccess: (session) => navigate(landingPath(session)) }),
        )}
      >
        <h1 id="sign-in-title">{t("signIn")}</h1>
        <TextField name="username" label={t("username")} idPrefix="sign-in" autoComplete="username" required />
        <TextField
          name="password"
          label={t("password")}
          idPrefix="sign-in"
          type="password"
          autoComplete="current-password"
          required
        />
        {signIn.error instanceof ApiError && (
          <p className="field-error" role="alert">
            {localized(signIn.error.localized)}
          </p>
        )}
        <button type="submit" disabled={signIn.isPending}>
          {t("signIn")}
        </button>
      </form>
    </FormProvider>
  );
}
