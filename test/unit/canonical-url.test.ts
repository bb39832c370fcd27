import { describe, expect, it } from 'vitest';
import { canonicalUrl, publisherDomain } from '../../src/model/canonical-url.js';

describe('canonicalUrl', () => {
  it('drops the share parameter of the FTM article cited by 2022Z04510', () => {
    const cited =
      'https://www.ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal?share=2MLXgQDtzdJhx8GyErjYy1NMMfs5uw1Qo0%2BOt08emlxRKemeXHp2PQmmTh4vboE%3D';
    expect(canonicalUrl(cited)).toBe('https://ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal');
  });

  it('gives one form for scheme, host case, www, trailing slash, fragment and tracking parameters', () => {
    const forms = [
      'http://WWW.NOS.nl/artikel/2417411-omstreden/',
      'https://nos.nl/artikel/2417411-omstreden?utm_source=twitter&utm_medium=social',
      'https://nos.nl:443/artikel/2417411-omstreden#reacties',
      'https://nos.nl/artikel/2417411-omstreden?fbclid=abc',
    ];
    expect(new Set(forms.map(canonicalUrl))).toEqual(new Set(['https://nos.nl/artikel/2417411-omstreden']));
  });

  it('keeps parameters that identify the page, sorted', () => {
    expect(canonicalUrl('https://example.org/a?page=2&id=7&utm_campaign=x')).toBe('https://example.org/a?id=7&page=2');
  });

  it('refuses what is not a web URL', () => {
    expect(() => canonicalUrl('javascript:alert(1)')).toThrow(TypeError);
    expect(() => canonicalUrl('not a url')).toThrow();
  });

  it('names the publisher by its domain', () => {
    expect(publisherDomain('https://www.ftm.nl/artikelen/x?share=1')).toBe('ftm.nl');
  });
});
