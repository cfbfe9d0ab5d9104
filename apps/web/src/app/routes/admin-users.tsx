import { QueryState } from "../../components/ui/query-state";
import { useUsers } from "../../features/admin/api/users";
import { ApiKeysPanel } from "../../features/admin/components/api-keys-panel";
import { FirstRunPanel } from "../../features/admin/components/first-run-panel";
import { UserForm } from "../../features/admin/components/user-form";
import { UsersTable } from "../../features/admin/components/users-table";
import { useI18n } from "../../lib/i18n";

export function AdminUsersRoute() {
  const { t } = useI18n();
  const users = useUsers();
  return (
    <section>
      <h1>{t("navUsers")}</h1>
      <QueryState isPending={users.isPending} error={users.error} retry={() => users.refetch()}>
        <UsersTable users={users.data?.items ?? []} />
      </QueryState>
      <UserForm />
      <ApiKeysPanel />
      <FirstRunPanel />
    </section>
  );
}
