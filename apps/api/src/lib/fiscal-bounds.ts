import { reasonMessage } from "@cpm/schema";
import { acceptedFiscalYears, type IsoDate, reportingWindow } from "@cpm/schema/rules";
import { invalid } from "./problems";

/** A new project or KPI belongs to a fiscal year near the current one (the rule is the schema package's). */
export function checkNewFiscalYear(fiscalYear: number, currentFiscalYear: number, field = "fiscalYear") {
  const { min, max } = acceptedFiscalYears(currentFiscalYear);
  if (fiscalYear < min || fiscalYear > max) {
    throw invalid(field, "fiscalYearRange", reasonMessage("fiscalYearRange", { min, max }));
  }
}

/** A report is dated within its project's reporting window. */
export function checkReportDate(reportDate: IsoDate, fiscalYear: number, field = "reportDate") {
  const { start, end } = reportingWindow(fiscalYear);
  if (reportDate < start || reportDate > end) {
    throw invalid(field, "outsideReportingWindow", reasonMessage("outsideReportingWindow", { fiscalYear, start, end }));
  }
}
