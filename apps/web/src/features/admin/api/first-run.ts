import { endpoints } from "@cpm/schema/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type CallArgs, call } from "../../../lib/api-client";
import { fiscalYearsQuery, unitsQuery } from "../../../lib/reference-data";

/** Units from a CSV file (all or nothing); the units and fiscal years everyone reads are refreshed after. */
export function useImportUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallArgs<typeof endpoints.importUnits>["body"]) => call(endpoints.importUnits, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey }),
  });
}

export function useAddFiscalYears() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallArgs<typeof endpoints.addFiscalYears>["body"]) => call(endpoints.addFiscalYears, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscalYearsQuery.queryKey }),
  });
}
