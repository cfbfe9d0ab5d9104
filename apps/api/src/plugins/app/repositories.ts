import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { type DashboardRepository, dashboardRepository } from "../../repositories/dashboard-repository";
import { type IndicatorsRepository, indicatorsRepository } from "../../repositories/indicators-repository";
import {
  type ProjectActivityRepository,
  projectActivityRepository,
} from "../../repositories/project-activity-repository";
import { type ProjectsRepository, projectsRepository } from "../../repositories/projects-repository";
import { type UnitsRepository, unitsRepository } from "../../repositories/units-repository";
import { type UsersRepository, usersRepository } from "../../repositories/users-repository";
import { type WorkListsRepository, workListsRepository } from "../../repositories/work-lists-repository";

declare module "fastify" {
  interface FastifyInstance {
    repos: {
      units: UnitsRepository;
      projects: ProjectsRepository;
      activity: ProjectActivityRepository;
      indicators: IndicatorsRepository;
      dashboard: DashboardRepository;
      users: UsersRepository;
      workLists: WorkListsRepository;
    };
  }
}

/** One repository per resource; routes call these and never touch the database. */
export default fp(
  async (app: FastifyInstance) => {
    const prisma = app.db.prisma;
    const laggingReads = () => app.db.laggingReads();
    app.decorate("repos", {
      units: unitsRepository(prisma),
      projects: projectsRepository(prisma, laggingReads),
      activity: projectActivityRepository(prisma),
      indicators: indicatorsRepository(prisma),
      dashboard: dashboardRepository(prisma, laggingReads),
      users: usersRepository(prisma),
      workLists: workListsRepository(prisma),
    });
  },
  { name: "repositories", dependencies: ["db"] },
);
