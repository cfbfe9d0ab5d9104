import type { User } from "@cpm/schema";
import { ROLES } from "@cpm/schema/roles";
import { useI18n } from "../../../lib/i18n";
import { useUpdateUser } from "../api/users";

/** Every user, with their role and whether they may sign in; changes apply at once. */
export function UsersTable({ users }: { users: User[] }) {
  const { t } = useI18n();
  const update = useUpdateUser();
  return (
    <div className="table-wrap">
      <table data-testid="users">
        <thead>
          <tr>
            <th scope="col">{t("username")}</th>
            <th scope="col">{t("displayName")}</th>
            <th scope="col">{t("unit")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("active")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.unitName ?? "–"}</td>
              <td>
                <select
                  aria-label={`${t("role")} ${user.username}`}
                  value={user.role}
                  onChange={(e) =>
                    update.mutate({ username: user.username, patch: { role: e.target.value as User["role"] } })
                  }
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`role_${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t("active")} ${user.username}`}
                  checked={!user.disabled}
                  onChange={(e) => update.mutate({ username: user.username, patch: { disabled: !e.target.checked } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
