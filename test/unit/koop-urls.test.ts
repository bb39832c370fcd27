import { describe, expect, it } from 'vitest';
import { parseKoopId } from '../../src/model/koop-id.js';
import { koopDocumentUrls, koopIdFromUrl } from '../../ingest/officielebekendmakingen/urls.js';

describe('KOOP ids and URLs', () => {
  it('lists the XML first, the HTML as fallback, then metadata.xml', () => {
    expect(koopDocumentUrls('kv-tk-2022Z04510', 'http://127.0.0.1:9/base/')).toEqual([
      { kind: 'xml', url: 'http://127.0.0.1:9/base/kv-tk-2022Z04510.xml' },
      { kind: 'html', url: 'http://127.0.0.1:9/base/kv-tk-2022Z04510.html' },
      { kind: 'metadata', url: 'http://127.0.0.1:9/base/kv-tk-2022Z04510/metadata.xml' },
    ]);
    expect(koopDocumentUrls('kst-30821-84')[0]?.url).toBe('https://zoek.officielebekendmakingen.nl/kst-30821-84.xml');
  });

  it('refuses what is not an id, so no path can be smuggled into a URL', () => {
    expect(() => koopDocumentUrls('../etc/passwd', 'http://x')).toThrow(TypeError);
    expect(() => koopDocumentUrls('kst-1/../../x', 'http://x')).toThrow(TypeError);
  });

  it('finds the id in publication, metadata and repository URLs and in bare ids', () => {
    expect(koopIdFromUrl('https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04510.html')).toBe('kv-tk-2022Z04510');
    expect(koopIdFromUrl('https://zoek.officielebekendmakingen.nl/kst-21501-32-1604/metadata.xml')).toBe('kst-21501-32-1604');
    expect(koopIdFromUrl('https://repository.officiele-overheidspublicaties.nl/officielepublicaties/ah-tk-20212022-3019/ah-tk-20212022-3019.xml')).toBe('ah-tk-20212022-3019');
    expect(koopIdFromUrl('ah-tk-20212022-3019')).toBe('ah-tk-20212022-3019');
    expect(koopIdFromUrl('/data/motions/2023D48275.xml')).toBeUndefined();
    expect(koopIdFromUrl('https://www.ftm.nl/artikelen/x')).toBeUndefined();
  });

  it('takes ids apart', () => {
    expect(parseKoopId('kv-tk-2022Z04510')).toMatchObject({ kind: 'question', questionNumber: '2022Z04510' });
    expect(parseKoopId('ah-tk-20212022-3019')).toMatchObject({ kind: 'answer', parliamentaryYear: '2021-2022', appendixNumber: '3019' });
    expect(parseKoopId('kst-35300-VI-64')).toMatchObject({ kind: 'kamerstuk', dossier: '35300-VI', ondernummer: '64' });
    expect(parseKoopId('kst-21501-32-1604')).toMatchObject({ kind: 'kamerstuk', dossier: '21501-32', ondernummer: '1604' });
    expect(parseKoopId('kst-36200-XVI-A-12')).toMatchObject({ kind: 'kamerstuk', dossier: '36200-XVI-A', ondernummer: '12' });
    expect(parseKoopId('stb-2025-252').kind).toBe('other');
  });
});
