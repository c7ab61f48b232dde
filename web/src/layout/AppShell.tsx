// The frame of every signed-in page: a narrow rail on the left with the
// home link and, at the bottom-left, the user's avatar, whose menu holds
// Settings and Sign out. While the server does not answer, a notice says
// so above every page, and goes when it answers again.
import { Link, Outlet, useNavigate } from "react-router-dom";

import { useReachable } from "../api/connection";

import { useSession } from "../auth/session";
import { Menu } from "../components/Menu";

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

export function AppShell() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const reachable = useReachable();
  if (!user) return null;
  return (
    <div className="shell">
      <nav className="rail" aria-label="Main">
        <Link to="/" className="rail-logo" aria-label="Tessera home" title="Home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
        </Link>
        <Menu
          label={`Account menu for ${user.name}`}
          className="rail-avatar"
          placement="above"
          align="start"
          button={
            <span className="avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
          }
          items={[
            { label: "Settings", onSelect: () => navigate("/settings/profile") },
            ...(user.isAdmin ? [{ label: "Administration", onSelect: () => navigate("/admin/apps") }] : []),
            {
              label: "Sign out",
              onSelect: () => {
                void signOut().then(() => navigate("/signin"));
              },
            },
          ]}
        />
      </nav>
      <main className="shell-main">
        {!reachable && (
          <p className="connection-notice" role="status">
            Tessera is not answering right now. Your last change may not be saved; retrying…
          </p>
        )}
        <Outlet />
      </main>
    </div>
  );
}
