import { Anchor, Box, Container, Group, Text } from "@mantine/core";
import { Suspense, useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { useLanguage } from "../language.js";
import { useSession } from "../session.js";
import { PageLoader } from "../ui/page.js";
import { LanguageSwitcher } from "./language-switcher.js";
import { ServerStatus } from "./server-status.js";
import { GuestButtons, UserMenu } from "./user-menu.js";

/** Move focus to the main region after a client-side navigation, as a page load would. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must run on each new path.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);
  return main;
}

/** Header (name, navigation, language, user menu), skip link, main region and footer of every page. */
export function AppLayout() {
  const { t } = useLanguage();
  const { account } = useSession();
  const main = useFocusMainOnNavigation();
  return (
    // A fixed header above the page (styles.css), as Mantine's AppShell draws it without its code for
    // navbars, asides and resizing. `right-scroll-bar-position` keeps the header in place while a
    // dialog locks the page's scrolling (react-remove-scroll, as AppShell does).
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t("web.skip_to_content")}
      </a>
      <header className="app-header right-scroll-bar-position">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor
              component={Link}
              to="/"
              aria-label={t("web.nav.home")}
              fw={700}
              fz="xl"
              c="indigo.8"
              underline="never"
            >
              {t("app.name")}
            </Anchor>
            {account !== undefined && (
              <Box component="nav" aria-label={t("web.nav.label")} visibleFrom="sm">
                <Group gap="xs" wrap="nowrap">
                  {account && (
                    <NavLink to="/plans" className="nav-link">
                      {t("web.nav.plans")}
                    </NavLink>
                  )}
                  <NavLink to="/public" className="nav-link">
                    {t("web.nav.public")}
                  </NavLink>
                </Group>
              </Box>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            {account ? <UserMenu account={account} /> : account === null ? <GuestButtons /> : null}
          </Group>
        </Group>
      </header>
      <div className="app-body">
        <Box component="main" id="main" ref={main} tabIndex={-1} className="main-region" py="xl">
          <Container size="lg">
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </Container>
        </Box>
        <Box component="footer" className="site-footer" py="md">
          <Container size="lg">
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="gray.7">
                {t("app.tagline")}
              </Text>
              <ServerStatus />
            </Group>
          </Container>
        </Box>
      </div>
    </div>
  );
}
