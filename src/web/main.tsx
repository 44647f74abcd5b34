import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { LanguageProvider } from "./language.js";

// Shade 8 of indigo keeps white button text above the WCAG AA contrast ratio.
const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  fontFamily: "system-ui, sans-serif",
});
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <LanguageProvider>
          <Notifications position="top-right" />
          <App />
        </LanguageProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
