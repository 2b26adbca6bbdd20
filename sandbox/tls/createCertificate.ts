import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generate } from 'selfsigned';

/** A TLS identity for the sandbox: PEM key and certificate, and the certificate on disk. */
export interface SandboxCertificate {
  key: string;
  cert: string;
  /** File holding the certificate, to trust via `tlsOptions.ca` or NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
}

/**
 * Generates a self-signed CA-flagged EC certificate for `localhost` and `127.0.0.1`, valid
 * for 30 days, and writes it to a fresh temporary directory (or `dir`).
 */
export async function createCertificate(dir?: string): Promise<SandboxCertificate> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'Slotpilot sandbox' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getTime() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'slotpilot-sandbox-'));
  const caCertPath = join(folder, 'sandbox-ca.pem');
  writeFileSync(caCertPath, pems.cert);
  return { key: pems.private, cert: pems.cert, caCertPath };
}
