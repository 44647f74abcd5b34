import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import { type CSSVariablesResolver, createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { loadCatalogue } from "./catalogues.js";
import { initialLanguage, LanguageProvider } from "./language.js";

// Shade 8 of indigo keeps white button text above the WCAG AA contrast ratio.
const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  fontFamily: "system-ui, sans-serif",
});
// Mantine's "dimmed" grey (hints, descriptions) and error red are below the AA contrast ratio on white; darken them.
const cssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": current.colors.gray[7] ?? "#495057",
    "--mantine-color-error": current.colors.red[9] ?? "#c92a2a",
  },
  dark: {},
});
// The interface language's messages load while React starts (LanguageProvider waits for them).
loadCatalogue(initialLanguage()).catch(() => {});
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <LanguageProvider>
          <Notifications position="top-right" />
          <App />
        </LanguageProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
