import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { registrySchema, type CompanyEntry, type CompanyRegistry } from './schema.js';

/** The registry file shipped with the project. */
const BUNDLED_REGISTRY = fileURLToPath(new URL('./registry.yaml', import.meta.url));

export class RegistryError extends Error {
  override name = 'RegistryError';
}

const LIMIT = 5_000_000;

/** Parses one registry file's text (YAML or JSON); throws a RegistryError naming the file and the first problem. */
export function parseCompanyRegistry(text: string, where: string): CompanyRegistry {
  if (text.length > LIMIT) throw new RegistryError(`${where}: the registry is larger than ${LIMIT} characters`);
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new RegistryError(`${where}: not valid YAML or JSON: ${(error as Error).message}`);
  }
  const result = registrySchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new RegistryError(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** Joins an entry from a later file onto an earlier one with the same id: lists concatenate, single facts are replaced. */
function mergeEntry(a: CompanyEntry, b: CompanyEntry): CompanyEntry {
  return {
    ...a,
    ...b,
    aliases: [...a.aliases, ...b.aliases],
    legalNames: [...a.legalNames, ...b.legalNames],
    registryIds: [...a.registryIds, ...b.registryIds],
    lists: [...a.lists, ...b.lists],
    notes: [...a.notes, ...b.notes],
    owners: [...a.owners, ...b.owners],
  };
}

/** Checks that every owner and every list an entry names is known. */
function checkReferences(registry: CompanyRegistry): void {
  const ids = new Set(registry.companies.map((c) => c.id));
  for (const c of registry.companies) {
    for (const o of c.owners) if (!ids.has(o.owner)) throw new RegistryError(`company ${c.id}: unknown owner ${JSON.stringify(o.owner)}`);
    for (const l of c.lists) if (!registry.lists[l.list]) throw new RegistryError(`company ${c.id}: unknown list ${JSON.stringify(l.list)}`);
  }
}

/** Loads the bundled registry plus the user's files (later files extend or add entries). */
export async function loadCompanyRegistry(paths: readonly string[] = []): Promise<CompanyRegistry> {
  const merged: CompanyRegistry = { lists: {}, companies: [] };
  const byId = new Map<string, number>();
  for (const path of [BUNDLED_REGISTRY, ...paths]) {
    const registry = parseCompanyRegistry(await readFile(path, 'utf8'), path);
    Object.assign(merged.lists, registry.lists);
    for (const entry of registry.companies) {
      const at = byId.get(entry.id);
      if (at === undefined) {
        byId.set(entry.id, merged.companies.length);
        merged.companies.push(entry);
      } else merged.companies[at] = mergeEntry(merged.companies[at]!, entry);
    }
  }
  checkReferences(merged);
  return merged;
}
