import { type NotificationSettings, notificationSettings } from "@cpm/schema";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { CheckboxField, SavedNotice, SelectField, TextField } from "../../../components/form/fields";
import { ApiError } from "../../../lib/api-client";
import { schemaResolver, showServerErrors } from "../../../lib/form";
import { useI18n, useLocalized } from "../../../lib/i18n";
import { useUpdateNotificationSettings } from "../api/notifications";

const FIELDS = ["email", "language", "emailReminders"] as const;

/** The signed-in user's own reminder settings: e-mail address, the e-mails' language, e-mail on or off. */
export function NotificationSettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const update = useUpdateNotificationSettings();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<z.input<typeof notificationSettings>, unknown, z.output<typeof notificationSettings>>({
    resolver: schemaResolver(notificationSettings),
    defaultValues: settings,
  });
  const error = update.error instanceof ApiError ? update.error : null;
  const save = form.handleSubmit((input) => {
    setSaved(null);
    update.mutate(input, {
      onSuccess: (next) => {
        form.reset(next);
        const language = next.language === "th" ? "ไทย" : "English";
        setSaved(
          `${t("settingsSaved")}: ${next.email || "–"} · ${language} · ${t("emailReminders")} ${next.emailReminders ? t("on") : t("off")}`,
        );
      },
      onError: (failure) => {
        if (failure instanceof ApiError) showServerErrors(failure.fieldErrors, form.setError, FIELDS);
      },
    });
  });
  return (
    <FormProvider {...form}>
      <form className="card form" aria-labelledby="notification-settings-title" onSubmit={save} noValidate>
        <h2 id="notification-settings-title">{t("notificationSettings")}</h2>
        <TextField
          name="email"
          label={t("notificationEmail")}
          hint={t("notificationEmailHint")}
          idPrefix="notify"
          autoComplete="email"
        />
        <SelectField
          name="language"
          label={t("notificationLanguage")}
          idPrefix="notify"
          options={[
            { value: "th", label: "ไทย" },
            { value: "en", label: "English" },
          ]}
        />
        <CheckboxField
          name="emailReminders"
          label={t("emailReminders")}
          hint={t("emailRemindersHint")}
          idPrefix="notify"
        />
        {error && error.fieldErrors.length === 0 && (
          <p className="field-error" role="alert">
            {localized(error.localized)}
          </p>
        )}
        <button type="submit" disabled={update.isPending}>
          {t("saveSettings")}
        </button>
        <SavedNotice text={saved} />
      </form>
    </FormProvider>
  );
}
