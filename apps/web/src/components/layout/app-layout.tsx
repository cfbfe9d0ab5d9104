import { NavLink, Outlet } from "react-router";
import { useSession, useSignOut } from "../../features/auth/api/session";
import { type Locale, useI18n } from "../../lib/i18n";

export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession().data;
  const signOut = useSignOut();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {locale === "th" ? "ข้ามไปยังเนื้อหา" : "Skip to content"}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t("appName")}
        </NavLink>
        <nav aria-label={locale === "th" ? "เมนูหลัก" : "Main"}>
          <NavLink to="/dashboard">{t("navDashboard")}</NavLink>
          <NavLink to="/projects">{t("navProjects")}</NavLink>
          {session?.user.role === "admin" && <NavLink to="/admin/users">{t("navUsers")}</NavLink>}
        </nav>
        <div className="topbar-tools">
          <label className="sr-only" htmlFor="locale">
            {t("language")}
          </label>
          <select id="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="th">ไทย</option>
            <option value="en">English</option>
          </select>
          {session ? (
            <>
              <span className="user-name">{session.user.displayName}</span>
              <button type="button" className="link-button" onClick={() => signOut.mutate(false)}>
                {t("signOut")}
              </button>
              <button type="button" className="link-button" onClick={() => signOut.mutate(true)}>
                {t("signOutEverywhere")}
              </button>
            </>
          ) : (
            <NavLink to="/sign-in">{t("signIn")}</NavLink>
          )}
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </div>
  );
}
