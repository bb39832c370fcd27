/** Company legal forms and filler words that never tell companies apart, matched at the end of a name. */
const SUFFIXES = [
  /[,\s]+co\.?,?\s*ltd\.?$/i,
  /[,\s]+company\s+limited$/i,
  /[,\s]+(?:co\.?,?\s*)?limited$/i,
  /[,\s]+ltd\.?$/i,
  /[,\s]+inc\.?$/i,
  /[,\s]+incorporated$/i,
  /[,\s]+corp(?:oration|\.)?$/i,
  /[,\s]+(?:b\.?\s?v\.?|n\.?\s?v\.?)$/i,
  /[,\s]+(?:gmbh|ag|s\.?a\.?|s\.?p\.?a\.?|plc|llc|l\.?p\.?|oy|ab|as|se)$/i,
  /[,\s]+co\.?$/i,
  /[,\s]+company$/i,
  /[,\s]+group$/i,
];

/** Strips legal forms: "Hangzhou Hikvision Digital Technology Co., Ltd." → "Hangzhou Hikvision Digital Technology". */
export function stripLegalForm(name: string): string {
  let out = name.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of SUFFIXES) {
      const next = out.replace(re, '').trim();
      if (next !== out && next.length > 0) {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}
