// Settings: a sidebar with Profile, Personal Access Token and Connected
// apps, and the chosen page beside it.
import { NavLink, Outlet } from "react-router-dom";

export function SettingsLayout() {
  return (
    <div className="settings">
      <nav className="settings-sidebar" aria-label="Settings">
        <h1 className="sidebar-title">Settings</h1>
        <NavLink to="/settings/profile">Profile</NavLink>
        <NavLink to="/settings/personal-access-token">Personal Access Token</NavLink>
        <NavLink to="/settings/connected-apps">Connected apps</NavLink>
      </nav>
      <div className="settings-main">
        <Outlet />
      </div>
    </div>
  );
}
