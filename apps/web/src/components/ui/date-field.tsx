import "@mantine/core/styles/Input.css";
import "@mantine/core/styles/Popover.css";
import "@mantine/core/styles/UnstyledButton.css";
import "@mantine/core/styles/CloseButton.css";
import "@mantine/dates/styles.css";
import { DateInput } from "@mantine/dates";
import { CalendarDays } from "lucide-react";
import { useI18n } from "../../lib/i18n";
import { parseTypedDate } from "../../lib/typed-date";

/**
 * A date typed or picked from a calendar, shown in the current language: Buddhist-era years in
 * Thai (20 ก.ย. 2564), Common-era in English. The value is always `YYYY-MM-DD`, or "" when empty.
 */
export function DateField({
  id,
  value,
  onChange,
  required,
  error,
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** The API's message for this field, shown under it and announced. */
  error?: string;
}) {
  const { locale, date } = useI18n();
  const calendarLocale = locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB";
  const format = (options: Intl.DateTimeFormatOptions) => {
    const formatter = new Intl.DateTimeFormat(calendarLocale, { ...options, timeZone: "UTC" });
    return (iso: string) => formatter.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  };
  const year = format({ year: "numeric" });
  const th = locale === "th";
  return (
    <DateInput
      // the field keeps the text it shows: a new language starts it afresh
      key={locale}
      id={id}
      value={value || null}
      onChange={(next) => onChange(next ?? "")}
      dateParser={parseTypedDate}
      valueFormat={(iso) => date(iso)}
      monthLabelFormat={format({ month: "long", year: "numeric" })}
      yearLabelFormat={year}
      decadeLabelFormat={(start, end) => `${year(start)} – ${year(end)}`}
      monthsListFormat={format({ month: "short" })}
      yearsListFormat={year}
      weekdayFormat={format({ weekday: "narrow" })}
      firstDayOfWeek={0}
      placeholder={th ? "วว/ดด/ปปปป (พ.ศ.)" : "dd/mm/yyyy"}
      clearable={!required}
      clearButtonProps={{ "aria-label": th ? "ล้างวันที่" : "Clear the date" }}
      getDayAriaLabel={format({ day: "numeric", month: "long", year: "numeric" })}
      required={required}
      error={error ? <span role="alert">{error}</span> : undefined}
      leftSection={<CalendarDays size={16} aria-hidden />}
      nextLabel={th ? "ถัดไป" : "Next"}
      previousLabel={th ? "ก่อนหน้า" : "Previous"}
      ariaLabels={{
        monthLevelControl: th ? "เลือกเดือน" : "Choose a month",
        yearLevelControl: th ? "เลือกปี" : "Choose a year",
        nextMonth: th ? "เดือนถัดไป" : "Next month",
        previousMonth: th ? "เดือนก่อนหน้า" : "Previous month",
        nextYear: th ? "ปีถัดไป" : "Next year",
        previousYear: th ? "ปีก่อนหน้า" : "Previous year",
        nextDecade: th ? "ทศวรรษถัดไป" : "Next decade",
        previousDecade: th ? "ทศวรรษก่อนหน้า" : "Previous decade",
      }}
      popoverProps={{ withinPortal: true, transitionProps: { duration: 0 } }}
      styles={{ input: { fontSize: "1rem" } }}
    />
  );
}
