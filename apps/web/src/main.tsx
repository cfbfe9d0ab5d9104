import "@fontsource/sarabun/thai-400.css";
import "@fontsource/sarabun/thai-600.css";
import "@fontsource/sarabun/latin-400.css";
import "@fontsource/sarabun/latin-600.css";
import "@mantine/core/styles/default-css-variables.css";
import "@mantine/core/styles/global.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { config as zodConfig } from "zod";
import { AppProvider } from "./app/provider";
import { router } from "./app/router";

// zod compiles its object parsers with new Function unless told not to; the Content-Security-Policy
// (script-src 'self') refuses eval, and the browser reports every attempt
zodConfig({ jitless: true });

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
