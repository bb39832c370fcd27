import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompanyRegistry, parseCompanyRegistry, RegistryError } from '../../ingest/companies/load.js';
import { registryToFragment } from '../../ingest/companies/to-fragment.js';
import { validateFragment } from '../../src/model/fragment.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('companies');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the bundled company registry', () => {
  it('holds the vendors the domain needs, each fact with a source URL and a date', async () => {
    const registry = await loadCompanyRegistry();
    const ids = registry.companies.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['hikvision', 'dahua', 'huawei', 'zte', 'hytera', 'nuctech', 'dji', 'connection-systems']));
    const hik = registry.companies.find((c) => c.id === 'hikvision')!;
    expect(hik.legalNames[0]?.name).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(hik.lists.map((l) => [l.list, l.since])).toEqual([['us-entity-list', '2019-10-09'], ['fcc-covered-list', '2021-03-12']]);
    expect(hik.owners).toEqual([expect.objectContaining({ owner: 'cetc', share: 0.42, source: 'https://zoek.officielebekendmakingen.nl/h-tk-20182019-97-36.html' })]);
    const cs = registry.companies.find((c) => c.id === 'connection-systems')!;
    expect(cs.notes[0]?.text).toMatch(/700 Dahua cameras in June 2021/);
  });

  it('becomes Company nodes with aliases and sourced facts, and OWNS edges, that pass the model check', async () => {
    const body = registryToFragment(await loadCompanyRegistry());
    validateFragment({ source: { id: 's', url: 'registry', fetchedAt: '2026-01-01T00:00:00Z', parser: 'companies', parserVersion: '1' }, ...body });
    const dahua = body.nodes.find((n) => n.id === 'dahua')!;
    expect(dahua.props).toMatchObject({ name: 'Dahua', country: 'CN', lists: ['us-entity-list', 'fcc-covered-list'], legalNames: ['Zhejiang Dahua Technology Co., Ltd.'] });
    expect((dahua.props.facts as string[]).every((f) => /\(https?:\/\/\S+, \d{4}(-\d{2}){0,2}\)$/.test(f))).toBe(true);
    expect(body.edges.filter((e) => e.type === 'OWNS').map((e) => `${e.from.value}→${e.to.value}`).sort()).toEqual(['air-france-klm→klm', 'cetc→hikvision', 'exxonmobil→nam', 'shell→nam']);
  });
});

describe('user registry files', () => {
  it('adds entries and extends existing ones, from YAML or JSON, named by GRAAFWERK_COMPANIES', async () => {
    const yaml = file('extra.yaml', 'companies:\n  - id: acme-camera\n    name: Acme Camera\n    country: { value: NL, source: https://acme.example, date: 2024-05-01 }\n  - id: dahua\n    name: Dahua\n    aliases: [Dahua Vision]\n');
    const json = file('extra.json', JSON.stringify({ companies: [{ id: 'acme-two', name: 'Acme Two', owners: [{ owner: 'acme-camera', source: 'https://acme.example/2', date: '2024' }] }] }));
    const config = loadConfig({ GRAAFWERK_COMPANIES: `${yaml}, ${json}` });
    expect(config.companiesFiles).toEqual([yaml, json]);
    const registry = await loadCompanyRegistry(config.companiesFiles);
    expect(registry.companies.find((c) => c.id === 'acme-camera')?.country?.value).toBe('NL');
    expect(registry.companies.find((c) => c.id === 'dahua')?.aliases).toEqual(expect.arrayContaining(['Dahua Technology', 'Dahua Vision']));
    expect(registry.companies.filter((c) => c.id === 'dahua')).toHaveLength(1);
  });

  it('refuses a fact without a source, an unknown owner and broken YAML, naming the file and the field', async () => {
    expect(() => parseCompanyRegistry('companies:\n  - id: x\n    name: X\n    country: { value: NL }\n', 'a.yaml')).toThrow(/a\.yaml: companies\.0\.country\.source/);
    expect(() => parseCompanyRegistry('companies:\n  - id: Not A Slug\n    name: X\n', 'b.yaml')).toThrow(/b\.yaml: companies\.0\.id: a lower-case slug/);
    expect(() => parseCompanyRegistry('companies: [ {', 'c.yaml')).toThrow(RegistryError);
    const orphan = file('orphan.yaml', 'companies:\n  - id: y\n    name: Y\n    owners: [{ owner: nobody, source: https://y.example, date: 2024 }]\n');
    await expect(loadCompanyRegistry([orphan])).rejects.toThrow(/company y: unknown owner "nobody"/);
  });
});
