import type { Browser } from 'playwright-core';
import { computeCheckDigit } from '@kluis/document-domain/browser';

/** A passport holder whose machine-readable zone is computed here, check digits and all. */
export const MARIA = {
  surname: 'DE VRIES',
  givenNames: 'MARIA',
  documentNumber: 'NXC4K8R71',
  issuingCountry: 'NLD',
  dateOfBirth: '740812',
  expiresOn: '310101',
};

export function passportMrz(holder = MARIA): [string, string] {
  const name = `${holder.surname.replace(/ /g, '<')}<<${holder.givenNames.replace(/ /g, '<')}`;
  const upper = `P<${holder.issuingCountry}${name}`.padEnd(44, '<');
  const personalNumber = '<'.repeat(14);
  const number = holder.documentNumber + computeCheckDigit(holder.documentNumber);
  const birth = holder.dateOfBirth + computeCheckDigit(holder.dateOfBirth);
  const expiry = holder.expiresOn + computeCheckDigit(holder.expiresOn);
  const body = `${number}${holder.issuingCountry}${birth}F${expiry}${personalNumber}<`;
  const composite = computeCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [upper, body + composite];
}

const page = (content: string) => `<!doctype html><html><head><style>
  body { margin: 0; font-family: 'DejaVu Sans', sans-serif; background: #fff; color: #222; }
  .passport { width: 620px; height: 420px; margin: 10px; border-radius: 14px; background: linear-gradient(135deg, #e9eef7, #d7e3f4); border: 2px solid #7b8cae; position: relative; }
  .photo { position: absolute; left: 28px; top: 64px; width: 130px; height: 170px; background: #b8c4d8; border-radius: 6px; }
  .fields { position: absolute; left: 180px; top: 60px; font-size: 14px; line-height: 1.7; }
  .fields b { display: inline-block; width: 150px; color: #445; font-weight: normal; font-size: 12px; }
  h1 { font-size: 16px; letter-spacing: 0.2em; margin: 0; position: absolute; left: 28px; top: 22px; color: #2b3d66; }
  .mrz { position: absolute; left: 20px; bottom: 22px; font-family: 'DejaVu Sans Mono', monospace; font-size: 17px; letter-spacing: 0.06em; }
  .deed { width: 560px; padding: 48px; font-size: 15px; line-height: 1.6; }
</style></head><body>${content}</body></html>`;

/** A PNG of a specimen passport page, drawn by the browser itself, with the MRZ the reviewer will type. */
export async function passportPng(browser: Browser): Promise<Buffer> {
  const [upper, lower] = passportMrz();
  const context = await browser.newContext({ viewport: { width: 640, height: 440 } });
  const tab = await context.newPage();
  await tab.setContent(
    page(`<div class="passport"><h1>KONINKRIJK DER NEDERLANDEN · PASPOORT · SPECIMEN</h1><div class="photo"></div>
      <div class="fields"><b>Surname</b> DE VRIES<br><b>Given names</b> MARIA<br><b>Date of birth</b> 12 AUG 1974<br>
      <b>Document number</b> NXC4K8R71<br><b>Date of expiry</b> 01 JAN 2031</div>
      <div class="mrz">${upper.replace(/</g, '&lt;')}<br>${lower.replace(/</g, '&lt;')}</div></div>`),
  );
  const png = await tab.screenshot({ type: 'png' });
  await context.close();
  return png;
}

/** A one-page PDF of a specimen notarial power of attorney, printed by the browser. */
export async function powerOfAttorneyPdf(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.setContent(
    page(`<div class="deed"><h2>Notariële volmacht (specimen)</h2><p>Heden, twee oktober tweeduizend zesentwintig, verscheen voor mij,
      Mr. J. Bakker, notaris te Utrecht: Jan de Vries, hierna: de volmachtgever.</p>
      <p>De volmachtgever verleent volmacht aan Maria de Vries om hem te vertegenwoordigen in alle bankzaken.</p>
      <p>Waarvan akte, verleden te Utrecht.</p></div>`),
  );
  const pdf = await tab.pdf({ format: 'A4' });
  await context.close();
  return pdf;
}
