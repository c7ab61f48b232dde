// The app's pages and which of them need a signed-in user.
import { Navigate, Route, Routes, useLocation } from "react-router-dom";

import { AdminAppsPage } from "./admin/AdminAppsPage";
import { useSession } from "./auth/session";
import { AppShell } from "./layout/AppShell";
import { BasePage } from "./pages/BasePage";
import { ConsentPage } from "./pages/ConsentPage";
import { DocsPage } from "./pages/DocsPage";
import { HomePage } from "./pages/HomePage";
import { InvitePage } from "./pages/InvitePage";
import { ForgotPasswordPage, ResetPasswordPage } from "./pages/PasswordResetPages";
import { SignInPage, SignUpPage } from "./pages/AuthPages";
import { ConnectedAppsPage } from "./settings/ConnectedAppsPage";
import { ProfilePage } from "./settings/ProfilePage";
import { SettingsLayout } from "./settings/SettingsLayout";
import { TokensPage } from "./settings/TokensPage";

function RequireSession() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <p className="loading">Loading…</p>;
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <AppShell />;
}

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/oauth/authorize" element={<ConsentPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route path="base/:baseId" element={<BasePage />} />
        <Route path="base/:baseId/table/:tableId" element={<BasePage />} />
        <Route path="docs/:name" element={<DocsPage />} />
        <Route path="admin/apps" element={<AdminAppsPage />} />
        <Route path="settings" element={<SettingsLayout />}>
          <Route index element={<Navigate to="profile" replace />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="personal-access-token" element={<TokensPage />} />
          <Route path="connected-apps" element={<ConnectedAppsPage />} />
        </Route>
        <Route path="*" element={<p className="page-message">This page does not exist.</p>} />
      </Route>
    </Routes>
  );
}
