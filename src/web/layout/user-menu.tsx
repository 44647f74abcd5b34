import { Avatar, Button, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import type { Account } from "../../contract/accounts.js";
import { useAccountApi } from "../api/use-api.js";
import { useLanguage } from "../language.js";
import { clearSession, useQueryClient } from "../session.js";
import { errorMessage } from "../ui/errors.js";
import { useNotify } from "../ui/notify.js";

/** The signed-in user's menu: account, API tokens, sign out. */
export function UserMenu({ account }: { account: Account }) {
  const { t } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [signedOut, setSignedOut] = useState(false);
  const signOut = useMutation({
    mutationFn: () => api.signOut(),
    onSuccess: () => {
      setSignedOut(true);
      navigate("/");
    },
    onError: (error) => notify.failure(errorMessage(error, t)),
  });
  // The session is forgotten once the landing page shows: on a protected page, it would redirect to sign-in.
  useEffect(() => {
    if (!signedOut || pathname !== "/") return;
    clearSession(client);
    notify.success(t("web.signed_out"));
  }, [signedOut, pathname, client, notify, t]);
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("web.user_menu.label", { name: account.displayName })}>
          <Group gap="xs" wrap="nowrap">
            {/* No initials inside: the visible text must stay part of the button's name. */}
            <Avatar size="sm" color="indigo" aria-hidden="true" />
            <Text size="sm" fw={500} visibleFrom="sm" aria-hidden="true">
              {account.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("web.user_menu.signed_in_as", { email: account.email })}</Menu.Label>
        <Menu.Item component={Link} to="/plans">
          {t("web.nav.plans")}
        </Menu.Item>
        <Menu.Item component={Link} to="/account">
          {t("web.nav.account")}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/tokens">
          {t("web.nav.tokens")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red.8" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t("web.user_menu.sign_out")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Sign-in and sign-up buttons for anonymous visitors. */
export function GuestButtons() {
  const { t } = useLanguage();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component={Link} to="/sign-in" variant="subtle" size="sm">
        {t("web.nav.sign_in")}
      </Button>
      <Button component={Link} to="/sign-up" size="sm" visibleFrom="sm">
        {t("web.nav.sign_up")}
      </Button>
    </Group>
  );
}
