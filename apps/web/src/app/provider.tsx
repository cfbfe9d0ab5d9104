import { createTheme, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nProvider } from "../lib/i18n";
import { queryClient } from "../lib/query-client";

/** The city's blue (#0b5a8a at shade 7) and the Sarabun typeface of Thai official documents. */
const theme = createTheme({
  colors: {
    brand: [
      "#e6f2fa",
      "#cde3f2",
      "#9cc6e5",
      "#67a8d8",
      "#3d8ecd",
      "#2381c7",
      "#0f6fb0",
      "#0b5a8a",
      "#084a73",
      "#063a5b",
    ],
  },
  primaryColor: "brand",
  primaryShade: 7,
  fontFamily: '"Sarabun", "Noto Sans Thai", "TH Sarabun New", system-ui, sans-serif',
  defaultRadius: "sm",
});

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <I18nProvider>{children}</I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
