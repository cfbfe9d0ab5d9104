import { createBrowserRouter } from "react-router";
import { PageSkeleton } from "../components/ui/query-state";
import { sessionQuery } from "../features/auth/api/session";
import { dashboardQuery } from "../features/dashboard/api/dashboard";
import { projectQuery } from "../features/projects/api/projects";
import { useI18n } from "../lib/i18n";
import { queryClient } from "../lib/query-client";
import { fiscalYearsQuery, unitsQuery } from "../lib/reference-data";
import { AppLayout } from "./app-layout";
import { HomeRoute } from "./routes/home";
import { RouteError } from "./routes/route-error";

function NotFound() {
  const { t } = useI18n();
  return <h1>{t("notFound")}</h1>;
}

// Loaders start the page's requests while its lazy chunk downloads; they do not wait for them,
// so the page shows its own skeleton and error states.
const started = (..._requests: Promise<void>[]) => null;

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSkeleton />,
    loader: () => started(queryClient.prefetchQuery(sessionQuery), queryClient.prefetchQuery(fiscalYearsQuery)),
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: "dashboard/:unitCode?",
        loader: ({ params, request }) => {
          const search = new URL(request.url).searchParams;
          const fiscalYear = Number(search.get("fiscalYear")) || undefined;
          const quarter = Number(search.get("quarter")) || undefined;
          return fiscalYear
            ? started(queryClient.prefetchQuery(dashboardQuery(params.unitCode, fiscalYear, quarter)))
            : null;
        },
        lazy: async () => ({ Component: (await import("./routes/dashboard")).DashboardRoute }),
      },
      {
        path: "projects",
        loader: () => started(queryClient.prefetchQuery(unitsQuery)),
        lazy: async () => ({ Component: (await import("./routes/projects-list")).ProjectsListRoute }),
      },
      {
        path: "projects/new",
        loader: () => started(queryClient.prefetchQuery(unitsQuery)),
        lazy: async () => ({ Component: (await import("./routes/new-project")).NewProjectRoute }),
      },
      {
        path: "projects/:code",
        loader: ({ params }) => started(queryClient.prefetchQuery(projectQuery(params.code ?? ""))),
        lazy: async () => ({ Component: (await import("./routes/project-page")).ProjectPageRoute }),
      },
      {
        path: "my-unit",
        lazy: async () => ({ Component: (await import("./routes/my-unit")).MyUnitRoute }),
      },
      {
        path: "evaluations",
        lazy: async () => ({ Component: (await import("./routes/pending-evaluations")).PendingEvaluationsRoute }),
      },
      {
        path: "notifications",
        lazy: async () => ({ Component: (await import("./routes/notifications")).NotificationsRoute }),
      },
      { path: "sign-in", lazy: async () => ({ Component: (await import("./routes/sign-in")).SignInRoute }) },
      {
        path: "admin/users",
        lazy: async () => ({ Component: (await import("./routes/admin-users")).AdminUsersRoute }),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    // the print view: A4, no navigation
    path: "projects/:code/print",
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSkeleton />,
    loader: ({ params }) => started(queryClient.prefetchQuery(projectQuery(params.code ?? ""))),
    lazy: async () => ({ Component: (await import("./routes/project-print")).ProjectPrintRoute }),
  },
]);
