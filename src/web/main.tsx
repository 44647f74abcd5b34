import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import {
  type ComboboxProps,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  rgba,
  type VariantColorsResolver,
} from "@mantine/core";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { LanguageProvider } from "./language.js";
import { NotificationsOnDemand } from "./ui/notifications.js";

// Mantine paints a "light" badge, button or alert given a shade (`color="indigo.9"`) with that shade
// as its background and the colour's light text over it: unreadable. Here such a component gets a
// faint tint of the shade and text a darker shade of it (above the WCAG AA contrast ratio).
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== "light" || !input.color) return resolved;
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade === undefined) return resolved;
  return {
    ...resolved,
    background: rgba(parsed.value, 0.1),
    hover: rgba(parsed.value, 0.16),
    color: darken(parsed.value, 0.3),
  };
};

// Shade 8 of indigo keeps white button text above the WCAG AA contrast ratio.
const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  variantColorResolver,
  fontFamily: "system-ui, sans-serif",
  // Those who ask their system for less motion get none from Mantine's transitions (notifications,
  // dialogs, menus): they appear and go at once; styles.css stops the CSS ones.
  respectReducedMotion: true,
  components: {
    // A closed select's options are not rendered (Mantine keeps them by default): an editor section
    // holds dozens of selects, some over large vocabularies. `aria-controls` is only set while open.
    // A plain object (what `Combobox.extend` returns), so that the first chunk does not ship Combobox.
    Combobox: { defaultProps: { keepMounted: false } satisfies Partial<ComboboxProps> },
  },
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
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <LanguageProvider>
          <NotificationsOnDemand />
          <App />
        </LanguageProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
