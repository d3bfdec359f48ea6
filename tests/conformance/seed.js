'use strict';
// The emulator seed used by the conformance run, and the names/credentials the tests rely on.
//
// `node seed.js OUT.json` writes the seed file (run.sh passes it to the emulator with --seed) and
// `OUT.json.ca.pub.pem` next to it, the public half of the freshly generated SSH CA key, so the tests can
// verify the certificate signature. Nothing secret is committed: the CA key is generated per run.
//
// The seed format is the emulator's (camelCase; see src/AkeylessSharp.Emulator/README.md).

const crypto = require('node:crypto');
const fs = require('node:fs');

const SEED = '/conformance-seed';

const names = Object.freeze({
  root: SEED,
  staticText: `${SEED}/static/text`,
  staticVersioned: `${SEED}/static/versioned`,
  staticJson: `${SEED}/static/json`,
  restricted: `${SEED}/restricted/secret`,
  dynamic: `${SEED}/dynamic/db`,
  rotated: `${SEED}/rotated/app`,
  sshIssuer: `${SEED}/ssh/issuer`,
});

const values = Object.freeze({
  staticText: 'seeded-text-value',
  staticVersions: ['versioned-v1', 'versioned-v2', 'versioned-v3'],
  staticJson: '{"user":"app","port":5432}',
  restricted: 'nobody-but-admin',
  rotatedUsername: 'svc_app',
  rotatedPassword: 'Initial#Passw0rd',
  dynamicPrefix: 'conf_',
  dynamicTtlSeconds: 1800,
  sshAllowedUsers: ['deploy', 'ubuntu'],
  sshTtlSeconds: 600,
});

// An access_key method with read/list on the seeded static secrets only, and an explicit deny on /restricted.
const reader = Object.freeze({
  name: '/conformance/reader',
  accessId: 'p-conformrdr01a0',
  accessKey: Buffer.from('conformance-reader-access-key').toString('base64'),
});

// A universal identity method: tokens come from uid-generate-token (by the admin) or from the seed.
const uid = Object.freeze({
  name: '/conformance/uid',
  accessId: 'p-conformuid01u0',
  seededToken: 'u-conformanceseededtoken0001',
});

function build() {
  const ca = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const seed = {
    authMethods: [
      { name: reader.name, type: 'access_key', accessId: reader.accessId, accessKey: reader.accessKey },
      { name: uid.name, type: 'universal_identity', accessId: uid.accessId, universalIdentity: { ttlSeconds: 600 } },
    ],
    roles: [
      {
        name: 'conformance-reader',
        authMethods: [reader.name],
        rules: [
          { path: `${SEED}/static/*`, capabilities: ['read', 'list'], type: 'item' },
          { path: `${SEED}/restricted/*`, capabilities: ['deny'], type: 'item' },
        ],
      },
      {
        name: 'conformance-uid',
        authMethods: [uid.name],
        rules: [{ path: `${SEED}/*`, capabilities: ['read', 'list'], type: 'item' }],
      },
    ],
    uidTokens: [{ token: uid.seededToken, authMethod: uid.name }],
    items: [
      { name: names.staticText, type: 'static', value: values.staticText, description: 'seeded text', tags: ['conformance', 'env:test'] },
      { name: names.staticVersioned, type: 'static', versions: values.staticVersions.slice(0, -1), value: values.staticVersions.at(-1) },
      { name: names.staticJson, type: 'static', format: 'json', value: values.staticJson },
      { name: names.restricted, type: 'static', value: values.restricted },
      {
        name: names.dynamic,
        type: 'dynamic',
        description: 'seeded dynamic secret',
        dynamic: { usernamePrefix: values.dynamicPrefix, ttlSeconds: values.dynamicTtlSeconds },
      },
      {
        name: names.rotated,
        type: 'rotated',
        rotated: { username: values.rotatedUsername, password: values.rotatedPassword, rotatorType: 'password' },
      },
      {
        name: names.sshIssuer,
        type: 'ssh-cert-issuer',
        sshIssuer: {
          caPrivateKeyPem: ca.privateKey.export({ type: 'pkcs8', format: 'pem' }),
          allowedUsers: values.sshAllowedUsers,
          ttlSeconds: values.sshTtlSeconds,
        },
      },
    ],
  };
  return { seed, caPublicKeyPem: ca.publicKey.export({ type: 'spki', format: 'pem' }) };
}

function write(path) {
  const { seed, caPublicKeyPem } = build();
  fs.writeFileSync(path, JSON.stringify(seed, null, 2), { mode: 0o600 });
  fs.writeFileSync(`${path}.ca.pub.pem`, caPublicKeyPem);
}

module.exports = { names, values, reader, uid, build, write };

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node seed.js OUT.json');
    process.exit(2);
  }
  write(out);
}
