/** The duties that open the administration console (`/admin`); the API checks them again on every call. */
const ADMINISTRATOR_DUTIES: readonly string[] = ['PENTADBIR_SISTEM', 'PENTADBIR_PTJ'];

/** Whether an officer holding these duties today (the session's `user.roles`) administers users. */
export function isAdministrator(roles: readonly string[]): boolean {
  return roles.some((role) => ADMINISTRATOR_DUTIES.includes(role));
}

/** Whether the session's duties (`user.roles`) make a system administrator, who decides at once and alone. */
export function isSystemAdministrator(roles: readonly string[]): boolean {
  return roles.includes('PENTADBIR_SISTEM');
}
