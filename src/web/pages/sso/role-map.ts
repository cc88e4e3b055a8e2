import { SSO_MAPPED_ROLES, type SsoMappedRole } from '../../../core/sso.ts';

/** The role map as the form writes it: one `group = role` a line. */
export const roleMapText = (map: Record<string, string>): string =>
  Object.entries(map)
    .map(([group, role]) => `${group} = ${role}`)
    .join('\n');

/** The lines read back; the first line (1-based) that is no `group = role` instead. */
export function parseRoleMap(text: string): { map: Record<string, SsoMappedRole> } | { badLine: number } {
  const map: Record<string, SsoMappedRole> = {};
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const at = line.lastIndexOf('=');
    const group = line.slice(0, at).trim();
    const role = line.slice(at + 1).trim();
    if (at < 0 || !group || !(SSO_MAPPED_ROLES as readonly string[]).includes(role)) return { badLine: index + 1 };
    map[group] = role as SsoMappedRole;
  }
  return { map };
}
