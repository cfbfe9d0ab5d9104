import type { ProjectDetail, ProjectSummary } from "@cpm/schema";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, searchParams } from "../../../lib/api-client";

export interface ProjectFilters {
  fiscalYear?: number;
  unit?: string;
  status?: string;
  reportedThisMonth?: boolean;
  q?: string;
  sort?: string;
  order?: "asc" | "desc";
  page?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** more than `total` match: a text search counts up to a cap */
  moreThanTotal?: boolean;
  page: number;
  pageSize: number;
}

export const projectsQuery = (filters: ProjectFilters) =>
  queryOptions({
    queryKey: ["projects", filters],
    queryFn: () => api<Page<ProjectSummary>>(`/projects${searchParams({ ...filters, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

export const projectQuery = (code: string) =>
  queryOptions({ queryKey: ["project", code], queryFn: () => api<ProjectDetail>(`/projects/${code}`) });

export const useProjects = (filters: ProjectFilters) => useQuery(projectsQuery(filters));
export const useProject = (code: string) => useQuery(projectQuery(code));
