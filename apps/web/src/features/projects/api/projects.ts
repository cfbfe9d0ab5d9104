import { endpoints, type QueryOf } from "@cpm/schema/contract";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";

/** A list's filters, sort and page, as the API's list query takes them. */
export type ProjectListQuery = NonNullable<QueryOf<typeof endpoints.projects>>;

export const projectsQuery = (filters: ProjectListQuery) =>
  queryOptions({
    queryKey: ["projects", filters],
    queryFn: () => call(endpoints.projects, { query: { pageSize: 20, ...filters } }),
    placeholderData: keepPreviousData,
  });

export const projectQuery = (code: string) =>
  queryOptions({ queryKey: ["project", code], queryFn: () => call(endpoints.project, { params: { code } }) });

export const useProjects = (filters: ProjectListQuery, enabled = true) =>
  useQuery({ ...projectsQuery(filters), enabled });
export const useProject = (code: string) => useQuery(projectQuery(code));
