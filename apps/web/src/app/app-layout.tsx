import {
  ClipboardCheck,
  ClipboardList,
  FolderKanban,
  Languages,
  LayoutDashboard,
  LogIn,
  LogOut,
  Users,
} from "lucide-react";
import { NavLink, Outlet } from "react-router";
import { useSession, useSignOut } from "../features/auth/api/session";
import { type Locale, useI18n } from "../lib/i18n";

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
          <NavLink to="/dashboard">
            <LayoutDashboard size={16} aria-hidden /> {t("navDashboard")}
          </NavLink>
          <NavLink to="/projects">
            <FolderKanban size={16} aria-hidden /> {t("navProjects")}
          </NavLink>
          {session?.user.role === "officer" && session.user.unitCode && (
            <NavLink to="/my-unit">
              <ClipboardList size={16} aria-hidden /> {t("navMyUnit")}
            </NavLink>
          )}
          {session?.user.role === "evaluator" && (
            <NavLink to="/evaluations">
              <ClipboardCheck size={16} aria-hidden /> {t("navPendingEvaluations")}
            </NavLink>
          )}
          {session?.user.role === "admin" && (
            <NavLink to="/admin/users">
              <Users size={16} aria-hidden /> {t("navUsers")}
            </NavLink>
          )}
        </nav>
        <div className="topbar-tools">
          <Languages size={18} aria-hidden />
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
                <LogOut size={16} aria-hidden /> {t("signOut")}
              </button>
              <button type="button" className="link-button" onClick={() => signOut.mutate(true)}>
                {t("signOutEverywhere")}
              </button>
            </>
          ) : (
            <NavLink to="/sign-in">
              <LogIn size={16} aria-hidden /> {t("signIn")}
            </NavLink>
          )}
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </div>
  );
}
