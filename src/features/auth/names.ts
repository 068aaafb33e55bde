import type { AppDeps } from '../../deps.js';

// A display name is text a person wrote: it is sealed under their own key like everything else.
const nameContext = (userId: string) => ({ table: 'users', column: 'name', rowId: userId });

export function sealName(deps: AppDeps, userId: string, name: string): Promise<string> {
  return deps.sealer.seal(userId, nameContext(userId), name);
}

export function openName(deps: AppDeps, userId: string, sealed: string): Promise<string> {
  return deps.sealer.open(userId, nameContext(userId), sealed);
}
