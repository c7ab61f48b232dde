// Profile: who the signed-in user is.
import { useSession } from "../auth/session";
import { initials } from "../layout/AppShell";
import { exactDate } from "../lib/time";

export function ProfilePage() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <div className="page">
      <h2>Profile</h2>
      <div className="profile">
        <span className="avatar avatar-large" aria-hidden="true">
          {initials(user.name)}
        </span>
        <dl>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Member since</dt>
          <dd>{exactDate(user.createdTime)}</dd>
          {user.isAdmin && (
            <>
              <dt>Instance role</dt>
              <dd>Administrator</dd>
            </>
          )}
        </dl>
      </div>
    </div>
  );
}
