import "@mantine/core/styles.css";
import { createTheme, MantineProvider } from "@mantine/core";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { LanguageProvider } from "./language.js";

const theme = createTheme({ primaryColor: "indigo", fontFamily: "system-ui, sans-serif" });
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <LanguageProvider>
          <App />
        </LanguageProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
