import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('documents every setting in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing = describeConfig().filter((s) => !readme.includes(`| \`${s.env}\` |`));
    expect(missing.map((s) => s.env)).toEqual([]);
  });

  it('uses the defaults for unset or empty variables and reads the set ones', () => {
    const config = loadConfig({ PORT: '', GRAAFWERK_BATCH_SIZE: '500', GRAAFWERK_CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.port).toBe(4000);
    expect(config.writeBatchSize).toBe(500);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses a value out of range, naming the variable and the range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAAFWERK_BATCH_SIZE: 'many' })).toThrow(/GRAAFWERK_BATCH_SIZE must be a whole number from 1 to 100000, got "many"/);
  });
});
