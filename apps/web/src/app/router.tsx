import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "../components/layout/app-layout";
import { useI18n } from "../lib/i18n";
import { AdminUsersRoute } from "./routes/admin-users";
import { ProjectPageRoute } from "./routes/project-page";
import { ProjectsListRoute } from "./routes/projects-list";
import { SignInRoute } from "./routes/sign-in";

function NotFound() {
  const { t } = useI18n();
  return <h1>{t("notFound")}</h1>;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: "projects", element: <ProjectsListRoute /> },
      { path: "projects/:code", element: <ProjectPageRoute /> },
      { path: "sign-in", element: <SignInRoute /> },
      { path: "admin/users", element: <AdminUsersRoute /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
