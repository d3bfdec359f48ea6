'use strict';
// Minimal OpenSSH wire-format helpers (RFC 4251 §5, PROTOCOL.certkeys) for the SSH certificate tests:
// make user public keys with node:crypto and read/verify the certificates the emulator signs.

const crypto = require('node:crypto');

const u32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const sshString = (data) => {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return Buffer.concat([u32(buf.length), buf]);
};
const sshMpint = (unsigned) => {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  let v = unsigned.subarray(i);
  if (v.length === 1 && v[0] === 0) v = Buffer.alloc(0);
  if (v.length && v[0] & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
  return sshString(v);
};
const b64u = (s) => Buffer.from(s, 'base64url');

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
  }
  u32() {
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  u64() {
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  bytes() {
    const len = this.u32();
    if (this.pos + len > this.buf.length) throw new Error('truncated SSH string');
    const v = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return v;
  }
  text() {
    return this.bytes().toString('utf8');
  }
  get done() {
    return this.pos === this.buf.length;
  }
}

/** A fresh user key: { type, line: 'ssh-... AAAA... comment', fields: Buffer of the type-specific public fields }. */
function generateUserKey(kind) {
  if (kind === 'ed25519') {
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const fields = sshString(b64u(publicKey.export({ format: 'jwk' }).x));
    return withLine('ssh-ed25519', fields);
  }
  if (kind === 'rsa') {
    const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    return withLine('ssh-rsa', Buffer.concat([sshMpint(b64u(jwk.e)), sshMpint(b64u(jwk.n))]));
  }
  throw new Error(`unsupported key kind ${kind}`);
}

function withLine(type, fields) {
  const blob = Buffer.concat([sshString(type), fields]);
  return { type, fields, line: `${type} ${blob.toString('base64')} conformance@test` };
}

// The public-key fields that follow the nonce in a certificate, per key type.
const FIELD_COUNT = { 'ssh-ed25519': 1, 'ssh-rsa': 2, 'ecdsa-sha2-nistp256': 2, 'ecdsa-sha2-nistp384': 2, 'ecdsa-sha2-nistp521': 2 };

/** Parses an OpenSSH certificate line ('<type>-cert-v01@openssh.com <base64> [comment]'). */
function parseCertificate(line) {
  const parts = line.trim().split(/\s+/);
  if (parts.length < 2 || !parts[0].endsWith('-cert-v01@openssh.com')) {
    throw new Error(`not an OpenSSH certificate line: ${line.slice(0, 80)}`);
  }
  const blob = Buffer.from(parts[1], 'base64');
  const r = new Reader(blob);
  const type = r.text();
  if (type !== parts[0]) throw new Error(`certificate type ${type} does not match the line's ${parts[0]}`);
  const keyType = type.replace('-cert-v01@openssh.com', '');
  const nonce = r.bytes();
  const fieldsStart = r.pos;
  for (let i = 0; i < (FIELD_COUNT[keyType] ?? 0); i++) r.bytes();
  const publicKeyFields = blob.subarray(fieldsStart, r.pos);
  const serial = r.u64();
  const certType = r.u32();
  const keyId = r.text();
  const principalsReader = new Reader(r.bytes());
  const principals = [];
  while (!principalsReader.done) principals.push(principalsReader.text());
  const validAfter = Number(r.u64());
  const validBefore = Number(r.u64());
  const critical = r.bytes();
  const extReader = new Reader(r.bytes());
  const extensions = [];
  while (!extReader.done) {
    extensions.push(extReader.text());
    extReader.bytes();
  }
  r.bytes(); // reserved
  const signatureKey = r.bytes();
  const signedData = blob.subarray(0, r.pos);
  const signature = r.bytes();
  if (!r.done) throw new Error('trailing bytes after the certificate signature');
  return {
    type, keyType, nonce, publicKeyFields, serial, certType, keyId, principals, validAfter, validBefore,
    critical, extensions, signatureKey, signatureKeyType: new Reader(signatureKey).text(), signedData, signature,
  };
}

/** The SSH public key blob of an ECDSA P-256 key object. */
function ecdsaP256Blob(publicKey) {
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), b64u(jwk.x), b64u(jwk.y)]);
  return Buffer.concat([sshString('ecdsa-sha2-nistp256'), sshString('nistp256'), sshString(point)]);
}

/** Checks the certificate is signed by `caPublicKey` (an ECDSA P-256 KeyObject) and names it as signature key. */
function verifySignature(cert, caPublicKey) {
  if (!cert.signatureKey.equals(ecdsaP256Blob(caPublicKey))) return false;
  const sig = new Reader(cert.signature);
  if (sig.text() !== 'ecdsa-sha2-nistp256') return false;
  const inner = new Reader(sig.bytes());
  const fixed = (b) => {
    let v = b;
    while (v.length > 32 && v[0] === 0) v = v.subarray(1);
    return Buffer.concat([Buffer.alloc(32 - v.length), v]);
  };
  const rs = Buffer.concat([fixed(inner.bytes()), fixed(inner.bytes())]);
  return crypto.verify('sha256', cert.signedData, { key: caPublicKey, dsaEncoding: 'ieee-p1363' }, rs);
}

module.exports = { generateUserKey, parseCertificate, verifySignature };
