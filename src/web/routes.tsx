import { Alert, Button, Stack, Text } from "@mantine/core";
import { Component, lazy, type ReactNode } from "react";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { editorPageCode } from "./features/editor/prefetch.js";
import { useLanguage } from "./language.js";
import { AppLayout } from "./layout/app-layout.js";
import { afterSignIn } from "./navigation.js";
import { useSession } from "./session.js";
import { LazyPage } from "./ui/lazy-page.js";
import { PageLoader, PageTitle } from "./ui/page.js";

// Each screen is its own chunk: the landing page does not ship the account or token screens.
const LandingPage = lazy(() =>
  import("./features/landing/landing-page.js").then((m) => ({ default: m.LandingPage })),
);
const SignInPage = lazy(() =>
  import("./features/auth/sign-in-page.js").then((m) => ({ default: m.SignInPage })),
);
const SignUpPage = lazy(() =>
  import("./features/auth/sign-up-page.js").then((m) => ({ default: m.SignUpPage })),
);
const AcceptInvitationPage = lazy(() =>
  import("./features/auth/accept-invitation-page.js").then((m) => ({ default: m.AcceptInvitationPage })),
);
const ForgotPasswordPage = lazy(() =>
  import("./features/auth/forgot-password-page.js").then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import("./features/auth/reset-password-page.js").then((m) => ({ default: m.ResetPasswordPage })),
);
const AccountPage = lazy(() =>
  import("./features/account/account-page.js").then((m) => ({ default: m.AccountPage })),
);
const TokensPage = lazy(() =>
  import("./features/tokens/tokens-page.js").then((m) => ({ default: m.TokensPage })),
);
const MyPlansPage = lazy(() =>
  import("./features/plans/my-plans-page.js").then((m) => ({ default: m.MyPlansPage })),
);
const NewPlanPage = lazy(() =>
  import("./features/new-plan/new-plan-page.js").then((m) => ({ default: m.NewPlanPage })),
);
const PublicPlansPage = lazy(() =>
  import("./features/public-plans/public-plans-page.js").then((m) => ({ default: m.PublicPlansPage })),
);
// Read-only view of a plan, for anonymous readers of public plans (signed-in users get the editor).
const PlanViewPage = lazy(() =>
  import("./features/plan-view/plan-view-page.js").then((m) => ({ default: m.PlanViewPage })),
);
const NotFoundPage = lazy(() =>
  import("./features/landing/not-found-page.js").then((m) => ({ default: m.NotFoundPage })),
);

/** Show the nested route to signed-in users; send others to sign in, then back here. */
function RequireAccount() {
  const { account, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!account) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace state={{ needed: true }} />;
  }
  return <Outlet />;
}

/** A plan: the editor (read-only when the role says so) for a signed-in user, the plain view otherwise. */
function PlanPage() {
  const { account, loading } = useSession();
  if (loading) return <PageLoader />;
  // The editor's code starts loading with the page when it is a plan's editor (prefetch.ts).
  return account ? <LazyPage code={editorPageCode} /> : <PlanViewPage />;
}

/** Pages for anonymous visitors (sign in, sign up): a signed-in user goes on to the app. */
function GuestOnly() {
  const { account, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (account) return <Navigate to={afterSignIn(location.search)} replace />;
  return <Outlet />;
}

/** Shown when a route fails to render or its code cannot be loaded (e.g. after a deployment). */
function RouteError() {
  const { t } = useLanguage();
  return (
    <Stack p="xl" maw={640} mx="auto">
      <PageTitle>{t("web.error.page")}</PageTitle>
      <Alert color="red" role="alert">
        <Text>{t("web.error.unexpected")}</Text>
      </Alert>
      <Button onClick={() => window.location.reload()} w="fit-content">
        {t("web.error.reload")}
      </Button>
    </Stack>
  );
}

/**
 * Catches what a route throws while rendering, or a route chunk that cannot be loaded (e.g. after a
 * deployment), and shows `RouteError` in place of the whole layout; navigating elsewhere tries again.
 */
class RouteErrorCatcher extends Component<{ pathname: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(previous: { pathname: string }) {
    if (this.state.failed && previous.pathname !== this.props.pathname) this.setState({ failed: false });
  }
  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

function RouteErrorBoundary({ children }: { children: ReactNode }) {
  return <RouteErrorCatcher pathname={useLocation().pathname}>{children}</RouteErrorCatcher>;
}

/** The client-side routes of the web app (inside a `BrowserRouter`). */
export function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<LandingPage />} />
          <Route element={<GuestOnly />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="sign-up" element={<SignUpPage />} />
          </Route>
          <Route element={<RequireAccount />}>
            <Route path="invitations/accept" element={<AcceptInvitationPage />} />
            <Route path="plans" element={<MyPlansPage />} />
            <Route path="plans/new" element={<NewPlanPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="account/tokens" element={<TokensPage />} />
          </Route>
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="plans/:id" element={<PlanPage />} />
          <Route path="public" element={<PublicPlansPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
