import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "../components/layout/app-layout";
import { useI18n } from "../lib/i18n";
import { DashboardRoute } from "./routes/dashboard";
import { NewProjectRoute } from "./routes/new-project";
import { ProjectPageRoute } from "./routes/project-page";
import { ProjectsListRoute } from "./routes/projects-list";
import { RouteError } from "./routes/route-error";
import { SignInRoute } from "./routes/sign-in";

const AdminUsersRoute = lazy(() => import("./routes/admin-users").then((m) => ({ default: m.AdminUsersRoute })));

function NotFound() {
  const { t } = useI18n();
  return <h1>{t("notFound")}</h1>;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: "dashboard", element: <DashboardRoute /> },
      { path: "dashboard/:unitCode", element: <DashboardRoute /> },
      { path: "projects", element: <ProjectsListRoute /> },
      { path: "projects/new", element: <NewProjectRoute /> },
      { path: "projects/:code", element: <ProjectPageRoute /> },
      { path: "sign-in", element: <SignInRoute /> },
      { path: "admin/users", element: <AdminUsersRoute /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
