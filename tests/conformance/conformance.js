'use strict';
// Conformance: the official `akeyless` npm SDK (pinned in package.json) against a running AkeylessSharp
// emulator. Every call below goes through the SDK exactly as its README shows, so a pass means clients written
// for the real service work against the emulator unchanged.
//
//   AKEYLESS_URL=http://127.0.0.1:8080 node --test conformance.js      (run.sh starts the emulator for you)
//
// Environment: AKEYLESS_URL (emulator base URL), AKEYLESS_ACCESS_ID / AKEYLESS_ACCESS_KEY (default: the
// emulator's development credential), CONFORMANCE_SSH_CA_PUB (PEM of the seeded SSH CA public key, written by
// `node seed.js`), CONFORMANCE_PAGE_SIZE (the emulator's --page-size, when set). The emulator must be started
// with the seed produced by seed.js.

const { describe, it, before } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const akeyless = require('akeyless');
const { names: seeded, values: seedValues, reader, uid } = require('./seed');
const ssh = require('./ssh');
const wire = require('./wire');

const BASE_URL = (process.env.AKEYLESS_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ACCESS_ID = process.env.AKEYLESS_ACCESS_ID || 'p-akeylessemu1a0';
const ACCESS_KEY = process.env.AKEYLESS_ACCESS_KEY || 'ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=';
const PAGE_SIZE = process.env.CONFORMANCE_PAGE_SIZE ? Number(process.env.CONFORMANCE_PAGE_SIZE) : undefined;
const SSH_CA_PUB = process.env.CONFORMANCE_SSH_CA_PUB;

// Everything this run creates lives under its own folder, so runs against a long-lived emulator never collide.
const RUN = `/conformance-run/${Date.now().toString(36)}-${crypto.randomBytes(3).toString('hex')}`;
const ACCESS_DENIED = /unauthorized|forbidden|not allowed|access denied|permission denied|not authorized/i;

function newApi(basePath = BASE_URL) {
  const client = new akeyless.ApiClient();
  client.basePath = basePath;
  client.timeout = 10000;
  return new akeyless.V2Api(client);
}

const api = newApi();

/** Awaits an SDK call, turning an HTTP rejection into an Error that names the status and body. */
async function call(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e && e.status !== undefined) {
      throw new Error(`HTTP ${e.status}: ${JSON.stringify(e.body)}`);
    }
    throw e;
  }
}

/** Asserts the SDK call rejects with `status` and a JSON body {"error": "<string>"} (matching `pattern`). */
async function rejects(promise, status, pattern) {
  let failure;
  try {
    const data = await promise;
    failure = new Error(`expected HTTP ${status}, but the call succeeded with ${JSON.stringify(data)}`);
  } catch (e) {
    assert.ok(e && e.status !== undefined, `expected HTTP ${status}, got a non-HTTP failure: ${e && (e.stack || e)}`);
    assert.equal(e.status, status, `expected HTTP ${status}, got ${e.status}: ${JSON.stringify(e.body)}`);
    assert.match(String(e.response?.headers?.['content-type']), /application\/json/, 'error content-type');
    assert.equal(typeof e.body, 'object', `error body is not JSON: ${e.response?.text}`);
    assert.equal(typeof e.body.error, 'string', `error body has no string "error": ${JSON.stringify(e.body)}`);
    assert.ok(e.body.error.length > 0, 'error message is empty');
    if (pattern) {
      assert.match(e.body.error, pattern);
    }
    return e.body.error;
  }
  throw failure;
}

const m = (Model, fields) => Model.constructFromObject(fields);

async function authAccessKey(accessId = ACCESS_ID, accessKey = ACCESS_KEY, sdk = api) {
  const out = await call(sdk.auth(m(akeyless.Auth, { 'access-id': accessId, 'access-key': accessKey })));
  return out.token;
}

async function createSecret(token, name, value, extra = {}) {
  return call(api.createSecret(m(akeyless.CreateSecret, { name, value, token, ...extra })));
}

async function getValues(token, names, extra = {}) {
  return call(api.getSecretValue(m(akeyless.GetSecretValue, { names, token, ...extra })));
}

async function describeItem(token, name, extra = {}) {
  return call(api.describeItem(m(akeyless.DescribeItem, { name, token, ...extra })));
}

async function listItems(token, fields) {
  return call(api.listItems(m(akeyless.ListItems, { token, ...fields })));
}

function isValidDate(d) {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

let token; // the admin (development credential) API token

before(async () => {
  token = await authAccessKey();
});

describe('transport', () => {
  it('serves the admin health endpoint', async () => {
    const res = await fetch(`${BASE_URL}/__emulator/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('serves the same commands under the gateway prefix /api/v2', async () => {
    const gateway = newApi(`${BASE_URL}/api/v2`);
    const t = await authAccessKey(ACCESS_ID, ACCESS_KEY, gateway);
    const values = await call(gateway.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], token: t })));
    assert.deepEqual(values, { [seeded.staticText]: seedValues.staticText });
  });

  it('answers an unknown command with 404 and a JSON error', async () => {
    const res = await fetch(`${BASE_URL}/no-such-command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type'), /application\/json/);
    assert.equal(typeof (await res.json()).error, 'string');
  });
});

describe('auth', () => {
  it('access_key: returns an AuthOutput with a t- token, expiration and creds', async () => {
    const before = Date.now();
    const out = await call(api.auth(m(akeyless.Auth, { 'access-id': ACCESS_ID, 'access-key': ACCESS_KEY })));
    assert.ok(out instanceof akeyless.AuthOutput);
    assert.match(out.token, /^t-\S+$/);
    assert.equal(typeof out.expiration, 'string');
    const expires = new Date(out.expiration.replace(/ \+0000 UTC$/, 'Z'));
    assert.ok(isValidDate(expires), `unparseable expiration ${out.expiration}`);
    assert.ok(expires.getTime() > before, 'expiration is in the future');
    assert.ok(out.creds, 'creds present');
    assert.equal(out.creds.access_id, ACCESS_ID);
    assert.equal(typeof out.creds.expiry, 'number');
    assert.ok(Math.abs(out.creds.expiry * 1000 - expires.getTime()) < 5000, 'creds.expiry (unix seconds) matches expiration');
    // The token authenticates further calls.
    const values = await getValues(out.token, [seeded.staticText]);
    assert.equal(values[seeded.staticText], seedValues.staticText);
  });

  it('access_key: every auth issues a distinct token', async () => {
    const [a, b] = await Promise.all([authAccessKey(), authAccessKey()]);
    assert.notEqual(a, b);
  });

  it('access_key: a wrong access key is rejected with 401', async () => {
    await rejects(api.auth(m(akeyless.Auth, { 'access-id': ACCESS_ID, 'access-key': Buffer.from('wrong').toString('base64') })), 401);
  });

  it('access_key: an unknown access id is rejected with 401', async () => {
    await rejects(api.auth(m(akeyless.Auth, { 'access-id': 'p-doesnotexist1a0', 'access-key': ACCESS_KEY })), 401);
  });

  it('access_key: a seeded auth method authenticates with its own key', async () => {
    const t = await authAccessKey(reader.accessId, reader.accessKey);
    assert.match(t, /^t-/);
  });

  it('static-creds-auth: exchanges static credentials for a working token', async () => {
    const out = await call(api.staticCredsAuth(m(akeyless.StaticCredsAuth, { 'access-id': ACCESS_ID, creds: ACCESS_KEY })));
    assert.ok(out instanceof akeyless.StaticCredsAuthOutput);
    assert.match(out.token, /^t-/);
    const values = await getValues(out.token, [seeded.staticText]);
    assert.equal(values[seeded.staticText], seedValues.staticText);
  });

  it('static-creds-auth: wrong credentials are rejected with 401', async () => {
    await rejects(api.staticCredsAuth(m(akeyless.StaticCredsAuth, { 'access-id': ACCESS_ID, creds: 'bm9wZQ==' })), 401);
  });

  it('universal_identity: a token from uid-generate-token authenticates', async () => {
    const gen = await call(api.uidGenerateToken(m(akeyless.UidGenerateToken, { 'auth-method-name': uid.name, token })));
    const out = await call(api.auth(m(akeyless.Auth, { 'access-type': 'universal_identity', 'access-id': uid.accessId, 'uid-token': gen.token })));
    assert.match(out.token, /^t-/);
    assert.equal(out.creds?.access_id, uid.accessId);
    const values = await getValues(out.token, [seeded.staticText]);
    assert.equal(values[seeded.staticText], seedValues.staticText);
  });

  it('universal_identity: an unknown uid token is rejected with 401', async () => {
    await rejects(api.auth(m(akeyless.Auth, { 'access-type': 'universal_identity', 'access-id': uid.accessId, 'uid-token': 'u-notarealtoken' })), 401);
  });
});

describe('static secrets', () => {
  const base = `${RUN}/static`;

  it('create-secret returns the name; get-secret-value returns the value', async () => {
    const out = await createSecret(token, `${base}/one`, 'value-one', { description: 'first secret', tags: ['conformance', 'k:v'] });
    assert.ok(out instanceof akeyless.CreateSecretOutput);
    assert.equal(out.name, `${base}/one`);
    assert.deepEqual(await getValues(token, [`${base}/one`]), { [`${base}/one`]: 'value-one' });
  });

  it('create-secret of an existing name fails (409) and keeps the value', async () => {
    await createSecret(token, `${base}/dup`, 'original');
    await rejects(api.createSecret(m(akeyless.CreateSecret, { name: `${base}/dup`, value: 'again', token })), 409);
    assert.deepEqual(await getValues(token, [`${base}/dup`]), { [`${base}/dup`]: 'original' });
  });

  it('get-secret-value returns every requested name (seeded and created)', async () => {
    await createSecret(token, `${base}/many-a`, 'A');
    await createSecret(token, `${base}/many-b`, 'B');
    const values = await getValues(token, [`${base}/many-a`, `${base}/many-b`, seeded.staticText]);
    assert.deepEqual(values, { [`${base}/many-a`]: 'A', [`${base}/many-b`]: 'B', [seeded.staticText]: seedValues.staticText });
  });

  it('names without a leading slash address the same item and are echoed as sent', async () => {
    const bare = `${base}/bare`.slice(1);
    const out = await createSecret(token, bare, 'bare-value');
    assert.equal(out.name, `/${bare}`);
    assert.deepEqual(await getValues(token, [bare]), { [bare]: 'bare-value' });
    assert.deepEqual(await getValues(token, [`/${bare}`]), { [`/${bare}`]: 'bare-value' });
  });

  it('preserves multi-line and unicode values exactly', async () => {
    const value = 'line1\nline2\n\ttabbed "quoted" \\ back — ünïcødé 🔑';
    await createSecret(token, `${base}/unicode`, value, { multiline_value: true });
    assert.equal((await getValues(token, [`${base}/unicode`]))[`${base}/unicode`], value);
  });

  it('format json: stores and returns the JSON text; invalid JSON is rejected with 400', async () => {
    const json = '{"a":1,"b":["x"]}';
    await createSecret(token, `${base}/json`, json, { format: 'json' });
    assert.equal((await getValues(token, [`${base}/json`]))[`${base}/json`], json);
    const item = await describeItem(token, `${base}/json`);
    assert.equal(item.item_general_info?.static_secret_info?.format, 'json');
    await rejects(api.createSecret(m(akeyless.CreateSecret, { name: `${base}/bad-json`, value: '{nope', format: 'json', token })), 400);
    const seededJson = await getValues(token, [seeded.staticJson]);
    assert.equal(seededJson[seeded.staticJson], seedValues.staticJson);
  });

  it('describe-item returns the static secret Item', async () => {
    const started = Date.now();
    await createSecret(token, `${base}/described`, 'd1', { description: 'described secret', tags: ['t1', 't2'] });
    const item = await describeItem(token, `${base}/described`);
    assert.ok(item instanceof akeyless.Item);
    assert.equal(item.item_name, `${base}/described`);
    assert.equal(item.item_type, 'STATIC_SECRET');
    assert.equal(item.item_sub_type, 'generic');
    assert.equal(item.item_metadata, 'described secret');
    assert.deepEqual([...item.item_tags].sort(), ['t1', 't2']);
    assert.equal(item.last_version, 1);
    assert.equal(item.is_enabled, true);
    assert.equal(typeof item.item_id, 'number');
    assert.ok(item.item_id > 0);
    assert.ok(isValidDate(item.creation_date), `creation_date ${item.creation_date}`);
    assert.ok(isValidDate(item.modification_date), `modification_date ${item.modification_date}`);
    assert.ok(Math.abs(item.creation_date.getTime() - started) < 120000, 'creation_date is now');
    assert.equal(item.item_general_info?.static_secret_info?.format, 'text');
  });

  it('describe-item looks an item up by item-id as well as by name', async () => {
    const byName = await describeItem(token, seeded.staticText);
    const byId = await call(api.describeItem(m(akeyless.DescribeItem, { name: '', 'item-id': byName.item_id, token })));
    assert.equal(byId.item_name, seeded.staticText);
  });

  it('update-secret-val appends a version: last_version, latest value and old versions', async () => {
    const name = `${base}/versioned`;
    await createSecret(token, name, 'v1');
    const out = await call(api.updateSecretVal(m(akeyless.UpdateSecretVal, { name, value: 'v2', token })));
    assert.ok(out instanceof akeyless.UpdateSecretValOutput);
    assert.equal(out.name, name);
    assert.equal((await describeItem(token, name)).last_version, 2);
    assert.deepEqual(await getValues(token, [name]), { [name]: 'v2' });
    assert.deepEqual(await getValues(token, [name], { version: 1 }), { [name]: 'v1' });
    assert.deepEqual(await getValues(token, [name], { version: 2 }), { [name]: 'v2' });

    await call(api.updateSecretVal(m(akeyless.UpdateSecretVal, { name, value: 'v3', token, 'keep-prev-version': 'true' })));
    const item = await describeItem(token, name, { 'show-versions': true });
    assert.equal(item.last_version, 3);
    assert.ok(Array.isArray(item.item_versions), 'item_versions present with show-versions');
    assert.deepEqual(item.item_versions.map((v) => v.version).sort(), [1, 2, 3]);
    for (const v of item.item_versions) {
      assert.ok(v instanceof akeyless.ItemVersion);
      assert.ok(isValidDate(v.creation_date));
    }
    assert.ok(isValidDate(item.modification_date));
  });

  it('get-secret-value of a version that does not exist fails with 404', async () => {
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], version: 42, token })), 404);
  });

  it('seeded versions are readable one by one', async () => {
    const item = await describeItem(token, seeded.staticVersioned);
    assert.equal(item.last_version, seedValues.staticVersions.length);
    for (const [i, expected] of seedValues.staticVersions.entries()) {
      const values = await getValues(token, [seeded.staticVersioned], { version: i + 1 });
      assert.equal(values[seeded.staticVersioned], expected, `version ${i + 1}`);
    }
    assert.equal((await getValues(token, [seeded.staticVersioned]))[seeded.staticVersioned], seedValues.staticVersions.at(-1));
  });

  it('update-secret-val of a missing item fails with 404', async () => {
    await rejects(api.updateSecretVal(m(akeyless.UpdateSecretVal, { name: `${base}/never-created`, value: 'x', token })), 404);
  });

  it('delete-item of one version removes only that version', async () => {
    const name = `${base}/delete-version`;
    await createSecret(token, name, 'first');
    await call(api.updateSecretVal(m(akeyless.UpdateSecretVal, { name, value: 'second', token })));
    const out = await call(api.deleteItem(m(akeyless.DeleteItem, { name, version: 1, token })));
    assert.equal(out.version_deleted, 1);
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [name], version: 1, token })), 404);
    assert.deepEqual(await getValues(token, [name]), { [name]: 'second' });
  });

  it('delete-item removes the item: DeleteItemOutput, then describe/get fail with 404', async () => {
    const name = `${base}/to-delete`;
    await createSecret(token, name, 'bye');
    const id = (await describeItem(token, name)).item_id;
    const out = await call(api.deleteItem(m(akeyless.DeleteItem, { name, token, 'delete-immediately': true, 'delete-in-days': -1 })));
    assert.ok(out instanceof akeyless.DeleteItemOutput);
    assert.equal(out.item_name, name);
    assert.equal(out.item_id, id);
    assert.equal(out.version_deleted, -1);
    assert.ok(isValidDate(out.deletion_date), `deletion_date ${out.deletion_date}`);
    await rejects(api.describeItem(m(akeyless.DescribeItem, { name, token })), 404);
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [name], token })), 404);
    // The name is free again.
    await createSecret(token, name, 'again');
    assert.equal((await describeItem(token, name)).last_version, 1);
  });

  it('delete-item with the SDK defaults (version -1, delete-in-days 7) also removes the item', async () => {
    const name = `${base}/to-delete-defaults`;
    await createSecret(token, name, 'bye');
    await call(api.deleteItem(m(akeyless.DeleteItem, { name, token })));
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [name], token })), 404);
  });

  it('delete-item of a missing item fails with 404', async () => {
    await rejects(api.deleteItem(m(akeyless.DeleteItem, { name: `${base}/never-created`, token })), 404);
  });
});

describe('list-items', () => {
  const base = `${RUN}/list`;
  const pageBase = `${RUN}/paged`;
  const pageCount = 12;

  before(async () => {
    await createSecret(token, `${base}/alpha`, 'a', { tags: ['team:red'] });
    await createSecret(token, `${base}/beta`, 'b', { tags: ['team:blue'] });
    await createSecret(token, `${base}/sub/gamma`, 'g');
    await call(api.createDynamicSecret(m(akeyless.CreateDynamicSecret, { name: `${base}/dyn`, token })));
    for (let i = 0; i < pageCount; i++) {
      await createSecret(token, `${pageBase}/item-${String(i).padStart(2, '0')}`, `p${i}`);
    }
  });

  const itemNames = (out) => out.items.map((i) => i.item_name).sort();

  it('lists the items under a path, with its immediate sub-folders', async () => {
    const out = await listItems(token, { path: base });
    assert.ok(out instanceof akeyless.ListItemsInPathOutput);
    for (const item of out.items) {
      assert.ok(item instanceof akeyless.Item);
      assert.ok(item.item_name.startsWith(`${base}/`), `${item.item_name} is under ${base}`);
    }
    const names = itemNames(out);
    for (const expected of [`${base}/alpha`, `${base}/beta`, `${base}/dyn`]) {
      assert.ok(names.includes(expected), `${expected} listed (got ${names})`);
    }
    assert.ok((out.folders || []).includes(`${base}/sub`), `folder ${base}/sub listed (got ${out.folders})`);
    assert.ok(!out.next_page, 'no next page');
    const alpha = out.items.find((i) => i.item_name === `${base}/alpha`);
    assert.equal(alpha.item_type, 'STATIC_SECRET');
    assert.deepEqual(alpha.item_tags, ['team:red']);
    assert.equal(alpha.last_version, 1);
  });

  it('current-folder lists only the direct children', async () => {
    const names = itemNames(await listItems(token, { path: base, 'current-folder': true }));
    assert.deepEqual(names, [`${base}/alpha`, `${base}/beta`, `${base}/dyn`]);
  });

  it('filters by type', async () => {
    const statics = await listItems(token, { path: base, type: ['static-secret'] });
    assert.ok(statics.items.every((i) => i.item_type === 'STATIC_SECRET'));
    assert.ok(!itemNames(statics).includes(`${base}/dyn`));
    const dynamics = await listItems(token, { path: base, type: ['dynamic-secret'] });
    assert.deepEqual(itemNames(dynamics), [`${base}/dyn`]);
    assert.equal(dynamics.items[0].item_type, 'DYNAMIC_SECRET');
    const seededTypes = await listItems(token, { path: seeded.root, type: ['rotated-secret', 'dynamic-secret'] });
    assert.deepEqual(itemNames(seededTypes), [seeded.dynamic, seeded.rotated].sort());
  });

  it('filters by name substring and by tag', async () => {
    assert.deepEqual(itemNames(await listItems(token, { path: base, filter: 'alph' })), [`${base}/alpha`]);
    assert.deepEqual(itemNames(await listItems(token, { path: base, tag: 'team:blue' })), [`${base}/beta`]);
  });

  it('minimal-view still names and types every item', async () => {
    const out = await listItems(token, { path: base, 'minimal-view': true, 'current-folder': true });
    assert.deepEqual(itemNames(out), [`${base}/alpha`, `${base}/beta`, `${base}/dyn`]);
    for (const item of out.items) {
      assert.equal(typeof item.item_type, 'string');
      assert.equal(typeof item.item_id, 'number');
    }
  });

  it('a path with nothing under it lists nothing', async () => {
    const out = await listItems(token, { path: `${RUN}/empty-folder` });
    assert.deepEqual(out.items || [], []);
    assert.deepEqual(out.folders || [], []);
  });

  it('auto-pagination enabled (SDK default) returns everything at once', async () => {
    const out = await listItems(token, { path: pageBase });
    assert.equal(out.items.length, pageCount);
    assert.ok(!out.next_page, `next_page should be empty, got ${out.next_page}`);
  });

  it('auto-pagination disabled pages with pagination-token until next_page is empty', async () => {
    const seen = [];
    let pageToken;
    let pages = 0;
    do {
      const out = await listItems(token, {
        path: pageBase,
        'auto-pagination': 'disabled',
        ...(pageToken ? { 'pagination-token': pageToken } : {}),
      });
      pages++;
      assert.ok(pages <= pageCount + 1, 'pagination terminates');
      if (PAGE_SIZE) {
        assert.ok(out.items.length <= PAGE_SIZE, `page of ${out.items.length} > page size ${PAGE_SIZE}`);
      }
      seen.push(...out.items.map((i) => i.item_name));
      pageToken = out.next_page;
      if (pageToken) {
        assert.equal(out.has_next, true, 'has_next with a next page');
      }
    } while (pageToken);
    assert.equal(new Set(seen).size, seen.length, 'no item listed twice');
    assert.equal(seen.length, pageCount);
    if (PAGE_SIZE && PAGE_SIZE < pageCount) {
      assert.equal(pages, Math.ceil(pageCount / PAGE_SIZE));
    }
  });

  it('an invalid pagination-token is rejected with 400', async () => {
    await rejects(api.listItems(m(akeyless.ListItems, { path: pageBase, 'auto-pagination': 'disabled', 'pagination-token': 'garbage', token })), 400);
  });
});

describe('dynamic secrets', () => {
  const name = `${RUN}/dynamic/created`;

  it('create-dynamic-secret creates a DYNAMIC_SECRET item', async () => {
    const out = await call(api.createDynamicSecret(m(akeyless.CreateDynamicSecret, { name, description: 'legacy dynamic', tags: ['dyn'], token })));
    // The service answers {}; the SDK's deserialize() hands back the raw text for an empty object.
    assert.deepEqual(typeof out === 'string' ? JSON.parse(out) : out, {});
    const item = await describeItem(token, name);
    assert.equal(item.item_type, 'DYNAMIC_SECRET');
    assert.equal(item.item_metadata, 'legacy dynamic');
    assert.deepEqual(item.item_tags, ['dyn']);
  });

  it('create-dynamic-secret of an existing name fails with 409', async () => {
    await rejects(api.createDynamicSecret(m(akeyless.CreateDynamicSecret, { name, token })), 409);
  });

  it('get-dynamic-secret-value of a created item returns fresh credentials', async () => {
    const value = await call(api.getDynamicSecretValue(m(akeyless.GetDynamicSecretValue, { name, token })));
    assert.equal(typeof value, 'object');
    assert.equal(typeof value.user, 'string');
    assert.ok(value.user.length > 0);
    assert.equal(typeof value.password, 'string');
    assert.ok(value.password.length >= 8);
  });

  it('get-dynamic-secret-value of the seeded producer: prefix, TTL, unique per call', async () => {
    const a = await call(api.getDynamicSecretValue(m(akeyless.GetDynamicSecretValue, { name: seeded.dynamic, token, timeout: 5 })));
    const b = await call(api.getDynamicSecretValue(m(akeyless.GetDynamicSecretValue, { name: seeded.dynamic, token, args: ['role=ro'] })));
    for (const v of [a, b]) {
      assert.ok(v.user.startsWith(seedValues.dynamicPrefix), `user ${v.user} has prefix ${seedValues.dynamicPrefix}`);
      assert.equal(String(v.ttl_in_minutes), String(seedValues.dynamicTtlSeconds / 60));
      assert.equal(typeof v.password, 'string');
    }
    assert.notEqual(a.user, b.user);
    assert.notEqual(a.password, b.password);
    const item = await describeItem(token, seeded.dynamic);
    assert.equal(item.item_type, 'DYNAMIC_SECRET');
    assert.equal(item.item_metadata, 'seeded dynamic secret');
  });

  it('get-dynamic-secret-value of a missing item fails with 404', async () => {
    await rejects(api.getDynamicSecretValue(m(akeyless.GetDynamicSecretValue, { name: `${RUN}/dynamic/missing`, token })), 404);
  });
});

describe('rotated secrets', () => {
  const name = `${RUN}/rotated/created`;

  const rotatedValue = (n, extra = {}) =>
    call(api.getRotatedSecretValue(m(akeyless.GetRotatedSecretValue, { names: n, token, ...extra })));

  it('create-rotated-secret creates a ROTATED_SECRET whose value is the given credentials', async () => {
    const out = await call(api.createRotatedSecret(m(akeyless.CreateRotatedSecret, {
      name,
      'rotator-type': 'password',
      'target-name': '/conformance/targets/db',
      'rotated-username': 'app_user',
      'rotated-password': 'Start#Passw0rd',
      'auto-rotate': 'true',
      'rotation-interval': '30',
      description: 'created rotated',
      token,
    })));
    assert.ok(out instanceof akeyless.CreateRotatedSecretOutput);
    assert.equal(out.name, name);
    const value = await rotatedValue(name);
    assert.deepEqual(value, { value: { username: 'app_user', password: 'Start#Passw0rd' } });
    const item = await describeItem(token, name);
    assert.equal(item.item_type, 'ROTATED_SECRET');
    assert.equal(item.item_metadata, 'created rotated');
    assert.equal(item.auto_rotate, true);
    assert.equal(item.rotation_interval, 30);
  });

  it('create-rotated-secret of an existing name fails with 409', async () => {
    await rejects(api.createRotatedSecret(m(akeyless.CreateRotatedSecret, {
      name, 'rotator-type': 'password', 'target-name': '/conformance/targets/db', token,
    })), 409);
  });

  it('get-rotated-secret-value of the seeded secret returns the seeded credentials', async () => {
    const value = await rotatedValue(seeded.rotated);
    assert.equal(value.value.username, seedValues.rotatedUsername);
    assert.equal(typeof value.value.password, 'string');
    assert.ok(value.value.password.length > 0);
  });

  it('rotate-secret (SDK rotateSecret) changes the password and bumps last_version', async () => {
    const beforeValue = await rotatedValue(name);
    const beforeItem = await describeItem(token, name);
    const out = await call(api.rotateSecret(m(akeyless.RotateSecret, { name, token })));
    assert.equal(out.name, name);
    const afterValue = await rotatedValue(name);
    assert.equal(afterValue.value.username, beforeValue.value.username);
    assert.notEqual(afterValue.value.password, beforeValue.value.password);
    assert.equal((await describeItem(token, name)).last_version, beforeItem.last_version + 1);
  });

  it('get-rotated-secret-value of a missing item fails with 404', async () => {
    await rejects(api.getRotatedSecretValue(m(akeyless.GetRotatedSecretValue, { names: `${RUN}/rotated/missing`, token })), 404);
  });
});

describe('universal identity', () => {
  const generate = () => call(api.uidGenerateToken(m(akeyless.UidGenerateToken, { 'auth-method-name': uid.name, token })));

  it('uid-generate-token returns a u- token usable directly as uid-token', async () => {
    const out = await generate();
    assert.ok(out instanceof akeyless.UidGenerateTokenOutput);
    assert.match(out.token, /^u-\S+$/);
    const values = await call(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], 'uid-token': out.token })));
    assert.equal(values[seeded.staticText], seedValues.staticText);
  });

  it('a uid token has only its auth method\'s rights (403 outside them)', async () => {
    const { token: u } = await generate();
    const name = `${RUN}/uid/admin-only`;
    await createSecret(token, name, 'x');
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [name], 'uid-token': u })), 403, ACCESS_DENIED);
  });

  it('uid-rotate-token returns a new token and retires the old one', async () => {
    const { token: old } = await generate();
    const out = await call(api.uidRotateToken(m(akeyless.UidRotateToken, { 'uid-token': old })));
    assert.ok(out instanceof akeyless.UidRotateTokenOutput);
    assert.match(out.token, /^u-/);
    assert.notEqual(out.token, old);
    const values = await call(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], 'uid-token': out.token })));
    assert.equal(values[seeded.staticText], seedValues.staticText);
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], 'uid-token': old })), 401);
  });

  it('uid-rotate-token with-manual-ack keeps the old token until send-manual-ack-token acknowledges the new one', async () => {
    const read = (u) => api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], 'uid-token': u }));
    const { token: old } = await generate();
    const { token: rotated } = await call(api.uidRotateToken(m(akeyless.UidRotateToken, { 'uid-token': old, 'with-manual-ack': true })));
    await call(read(old));
    await call(read(rotated));
    const ack = await call(api.uidRotateToken(m(akeyless.UidRotateToken, { 'uid-token': old, 'send-manual-ack-token': rotated })));
    assert.equal(ack.token, rotated);
    await rejects(read(old), 401);
    await call(read(rotated));
  });

  it('uid-rotate-token with fork returns a child token and keeps the parent', async () => {
    const { token: parent } = await generate();
    const { token: child } = await call(api.uidRotateToken(m(akeyless.UidRotateToken, { 'uid-token': parent, fork: true })));
    assert.notEqual(child, parent);
    for (const u of [parent, child]) {
      await call(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], 'uid-token': u })));
    }
  });

  it('a uid token pre-issued by the seed works', async () => {
    const values = await call(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticVersioned], 'uid-token': uid.seededToken })));
    assert.equal(values[seeded.staticVersioned], seedValues.staticVersions.at(-1));
  });

  it('uid-generate-token for an unknown auth method fails with 404', async () => {
    await rejects(api.uidGenerateToken(m(akeyless.UidGenerateToken, { 'auth-method-name': '/conformance/no-such-method', token })), 404);
  });

  it('uid-rotate-token with an unknown token fails with 401', async () => {
    await rejects(api.uidRotateToken(m(akeyless.UidRotateToken, { 'uid-token': 'u-notarealtoken' })), 401);
  });
});

describe('permissions (RBAC)', () => {
  let readerToken;

  before(async () => {
    readerToken = await authAccessKey(reader.accessId, reader.accessKey);
  });

  const permissions = async (t, p, type = 'item') =>
    (await call(api.describePermissions(m(akeyless.DescribePermissions, { path: p, type, token: t })))).client_permissions;

  it('describe-permissions: the development credential holds every capability', async () => {
    const out = await call(api.describePermissions(m(akeyless.DescribePermissions, { path: `${RUN}/anything`, type: 'item', token })));
    assert.ok(out instanceof akeyless.DescribePermissionsOutput);
    for (const cap of ['read', 'list', 'create', 'update', 'delete']) {
      assert.ok(out.client_permissions.includes(cap), `${cap} in ${out.client_permissions}`);
    }
  });

  it('describe-permissions: a restricted method sees exactly its role\'s capabilities', async () => {
    assert.deepEqual([...(await permissions(readerToken, seeded.staticText))].sort(), ['list', 'read']);
    assert.ok(!(await permissions(readerToken, seeded.restricted)).includes('read'));
    assert.ok(!(await permissions(readerToken, `${RUN}/elsewhere`)).includes('read'));
  });

  it('a restricted method can read within its rules', async () => {
    const values = await getValues(readerToken, [seeded.staticText]);
    assert.equal(values[seeded.staticText], seedValues.staticText);
    const item = await describeItem(readerToken, seeded.staticText);
    assert.equal(item.item_name, seeded.staticText);
    assert.deepEqual([...(item.client_permissions || [])].sort(), ['list', 'read'], 'describe-item client_permissions');
  });

  it('a restricted method is refused (403, access-denied wording) outside its rules', async () => {
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.restricted], token: readerToken })), 403, ACCESS_DENIED);
    await rejects(api.createSecret(m(akeyless.CreateSecret, { name: `${seeded.root}/static/new`, value: 'x', token: readerToken })), 403, ACCESS_DENIED);
    await rejects(api.updateSecretVal(m(akeyless.UpdateSecretVal, { name: seeded.staticText, value: 'x', token: readerToken })), 403, ACCESS_DENIED);
    await rejects(api.deleteItem(m(akeyless.DeleteItem, { name: seeded.staticText, token: readerToken })), 403, ACCESS_DENIED);
    // The seeded value is untouched.
    assert.equal((await getValues(token, [seeded.staticText]))[seeded.staticText], seedValues.staticText);
  });

  it('a 403 does not reveal whether an item exists', async () => {
    const missing = await rejects(api.describeItem(m(akeyless.DescribeItem, { name: `${seeded.root}/restricted/missing`, token: readerToken })), 403);
    assert.match(missing, ACCESS_DENIED);
  });

  it('list-items shows a restricted method only what it may list', async () => {
    const out = await listItems(readerToken, { path: seeded.root });
    const names = out.items.map((i) => i.item_name);
    assert.ok(names.includes(seeded.staticText));
    assert.ok(!names.includes(seeded.restricted), 'restricted item hidden');
    assert.ok(!names.includes(seeded.dynamic), 'unlisted dynamic secret hidden');
  });
});

describe('ssh certificates', () => {
  const caPub = SSH_CA_PUB ? crypto.createPublicKey(fs.readFileSync(SSH_CA_PUB)) : undefined;
  const sshKeygen = (() => {
    try {
      execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    } catch (e) {
      if (e.code === 'ENOENT') return undefined;
    }
    return 'ssh-keygen';
  })();

  const sign = (publicKey, user, extra = {}) => call(api.getSSHCertificate(m(akeyless.GetSSHCertificate, {
    'cert-issuer-name': seeded.sshIssuer, 'cert-username': user, 'public-key-data': publicKey, token, ...extra,
  })));

  function checkCertificate(data, userKey, principals, maxTtl) {
    const cert = ssh.parseCertificate(data);
    assert.equal(cert.type, `${userKey.type}-cert-v01@openssh.com`);
    assert.deepEqual(cert.publicKeyFields, userKey.fields, 'the certificate certifies our key');
    assert.equal(cert.certType, 1, 'user certificate');
    assert.deepEqual(cert.principals, principals);
    const now = Math.floor(Date.now() / 1000);
    assert.ok(cert.validAfter <= now + 5, `valid_after ${cert.validAfter} <= now`);
    assert.ok(cert.validBefore > now, 'valid_before in the future');
    assert.ok(cert.validBefore - now <= maxTtl + 5, `lifetime ${cert.validBefore - now}s within ${maxTtl}s`);
    assert.ok(cert.extensions.includes('permit-pty'), `extensions ${cert.extensions}`);
    if (caPub) {
      assert.equal(cert.signatureKeyType, 'ecdsa-sha2-nistp256');
      assert.ok(ssh.verifySignature(cert, caPub), 'signature verifies with the seeded CA public key');
    }
    if (sshKeygen) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conf-ssh-'));
      try {
        const file = path.join(dir, 'id-cert.pub');
        fs.writeFileSync(file, `${data}\n`);
        const listing = execFileSync(sshKeygen, ['-L', '-f', file], { encoding: 'utf8' });
        assert.match(listing, /Type: .*user certificate/);
        for (const p of principals) assert.match(listing, new RegExp(`^\\s+${p}$`, 'm'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    return cert;
  }

  it('get-ssh-certificate signs an ed25519 key for an allowed user', async () => {
    const key = ssh.generateUserKey('ed25519');
    const out = await sign(key.line, 'deploy', { ttl: 300 });
    assert.ok(out instanceof akeyless.GetSSHCertificateOutput);
    assert.equal(typeof out.data, 'string');
    checkCertificate(out.data, key, ['deploy'], 300 + 60);
  });

  it('get-ssh-certificate signs an RSA key and caps the TTL at the issuer maximum', async () => {
    const key = ssh.generateUserKey('rsa');
    const out = await sign(key.line, 'ubuntu', { ttl: 86400 });
    checkCertificate(out.data, key, ['ubuntu'], seedValues.sshTtlSeconds + 60);
  });

  it('get-ssh-certificate for a user the issuer does not allow fails with 403', async () => {
    await rejects(api.getSSHCertificate(m(akeyless.GetSSHCertificate, {
      'cert-issuer-name': seeded.sshIssuer, 'cert-username': 'root', 'public-key-data': ssh.generateUserKey('ed25519').line, token,
    })), 403);
  });

  it('get-ssh-certificate with a malformed public key fails with 400', async () => {
    await rejects(api.getSSHCertificate(m(akeyless.GetSSHCertificate, {
      'cert-issuer-name': seeded.sshIssuer, 'cert-username': 'deploy', 'public-key-data': 'not a key', token,
    })), 400);
  });

  it('get-ssh-certificate with a missing issuer fails with 404', async () => {
    await rejects(api.getSSHCertificate(m(akeyless.GetSSHCertificate, {
      'cert-issuer-name': `${RUN}/ssh/no-issuer`, 'cert-username': 'deploy', 'public-key-data': ssh.generateUserKey('ed25519').line, token,
    })), 404);
  });
});

describe('errors', () => {
  const invalid = 't-0000000000000000000000000000dead';

  it('an invalid token is rejected with 401 on every kind of command', async () => {
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText], token: invalid })), 401);
    await rejects(api.describeItem(m(akeyless.DescribeItem, { name: seeded.staticText, token: invalid })), 401);
    await rejects(api.listItems(m(akeyless.ListItems, { path: '/', token: invalid })), 401);
    await rejects(api.createSecret(m(akeyless.CreateSecret, { name: `${RUN}/errors/x`, value: 'x', token: invalid })), 401);
    await rejects(api.getDynamicSecretValue(m(akeyless.GetDynamicSecretValue, { name: seeded.dynamic, token: invalid })), 401);
    await rejects(api.getRotatedSecretValue(m(akeyless.GetRotatedSecretValue, { names: seeded.rotated, token: invalid })), 401);
    await rejects(api.describePermissions(m(akeyless.DescribePermissions, { path: '/', type: 'item', token: invalid })), 401);
  });

  it('a missing token is rejected with 401', async () => {
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText] })), 401);
    await rejects(api.listItems(m(akeyless.ListItems, { path: '/' })), 401);
  });

  it('a missing item is 404 for describe-item and get-secret-value (all or nothing)', async () => {
    const missing = `${RUN}/errors/missing`;
    const msg = await rejects(api.describeItem(m(akeyless.DescribeItem, { name: missing, token })), 404);
    assert.doesNotMatch(msg, ACCESS_DENIED, 'a not-found message must not read as access denied');
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [seeded.staticText, missing], token })), 404);
  });

  it('a missing required parameter is rejected with 400', async () => {
    await rejects(api.getSecretValue(m(akeyless.GetSecretValue, { names: [], token })), 400);
    await rejects(api.createSecret(m(akeyless.CreateSecret, { name: `${RUN}/errors/novalue`, token })), 400);
  });
});

describe('wire shapes match the SDK models (no wrong JSON types, no unknown fields)', () => {
  /** Calls `<method>WithHttpInfo` and checks the raw JSON body against the SDK model `model`. */
  async function shape(method, Model, fields, model) {
    const { response } = await call(api[`${method}WithHttpInfo`](m(Model, fields)));
    assert.match(String(response.headers['content-type']), /application\/json/);
    assert.deepEqual(wire.mismatches(response.body, model), []);
    return response.body;
  }
  const base = `${RUN}/wire`;

  it('auth -> AuthOutput', async () => {
    await shape('auth', akeyless.Auth, { 'access-id': ACCESS_ID, 'access-key': ACCESS_KEY }, 'AuthOutput');
  });

  it('static-creds-auth -> StaticCredsAuthOutput', async () => {
    await shape('staticCredsAuth', akeyless.StaticCredsAuth, { 'access-id': ACCESS_ID, creds: ACCESS_KEY }, 'StaticCredsAuthOutput');
  });

  it('create-secret / update-secret-val -> CreateSecretOutput / UpdateSecretValOutput', async () => {
    await shape('createSecret', akeyless.CreateSecret, { name: `${base}/static`, value: 'w1', tags: ['w'], description: 'wire', token }, 'CreateSecretOutput');
    await shape('updateSecretVal', akeyless.UpdateSecretVal, { name: `${base}/static`, value: 'w2', token }, 'UpdateSecretValOutput');
  });

  it('get-secret-value -> object of name to string', async () => {
    const { response } = await call(api.getSecretValueWithHttpInfo(m(akeyless.GetSecretValue, { names: [seeded.staticText, seeded.staticJson], token })));
    for (const [k, v] of Object.entries(response.body)) assert.equal(typeof v, 'string', `value of ${k}`);
  });

  it('describe-item of a static secret (show-versions) -> Item', async () => {
    await shape('describeItem', akeyless.DescribeItem, { name: seeded.staticVersioned, 'show-versions': true, token }, 'Item');
  });

  it('describe-item of a dynamic secret -> Item', async () => {
    const body = await shape('describeItem', akeyless.DescribeItem, { name: seeded.dynamic, token }, 'Item');
    assert.equal(body.item_general_info?.dynamic_secret_producer_details?.producer_status, 'ProducerConnected');
  });

  it('describe-item of a rotated secret -> Item', async () => {
    const body = await shape('describeItem', akeyless.DescribeItem, { name: seeded.rotated, 'show-versions': true, token }, 'Item');
    assert.equal(body.item_type, 'ROTATED_SECRET');
    assert.equal(body.item_general_info?.rotated_secret_details?.rotator_type, 'password');
  });

  it('describe-item of an SSH certificate issuer -> Item', async () => {
    const body = await shape('describeItem', akeyless.DescribeItem, { name: seeded.sshIssuer, token }, 'Item');
    assert.equal(body.item_type, 'SSH_CERT_ISSUER');
  });

  it('describe-item of a password secret -> Item (static_secret_info username, websites, delete_protection)', async () => {
    await createSecret(token, `${base}/login`, 'p', {
      type: 'password', username: 'alice', 'inject-url': ['https://mail.example.test'], delete_protection: 'true',
    });
    const body = await shape('describeItem', akeyless.DescribeItem, { name: `${base}/login`, token }, 'Item');
    assert.equal(body.item_general_info?.static_secret_info?.username, 'alice');
    assert.deepEqual(body.item_general_info?.static_secret_info?.websites, ['https://mail.example.test']);
    assert.equal(body.delete_protection, true);
    const found = await listItems(token, { path: base, 'advanced-filter': 'alice' });
    assert.deepEqual(found.items.map((i) => i.item_name), [`${base}/login`]);
  });

  it('list-items -> ListItemsInPathOutput', async () => {
    await shape('listItems', akeyless.ListItems, { path: seeded.root, token }, 'ListItemsInPathOutput');
  });

  it('delete-item -> DeleteItemOutput', async () => {
    await createSecret(token, `${base}/delete`, 'x');
    await shape('deleteItem', akeyless.DeleteItem, { name: `${base}/delete`, token }, 'DeleteItemOutput');
  });

  it('create-rotated-secret -> CreateRotatedSecretOutput; get-rotated-secret-value -> {value: object}', async () => {
    await shape('createRotatedSecret', akeyless.CreateRotatedSecret, {
      name: `${base}/rotated`, 'rotator-type': 'password', 'target-name': '/conformance/targets/db', 'rotated-username': 'u', token,
    }, 'CreateRotatedSecretOutput');
    const { response } = await call(api.getRotatedSecretValueWithHttpInfo(m(akeyless.GetRotatedSecretValue, { names: `${base}/rotated`, token })));
    assert.deepEqual(Object.keys(response.body), ['value']);
    assert.equal(typeof response.body.value, 'object');
  });

  it('get-dynamic-secret-value -> object', async () => {
    const { response } = await call(api.getDynamicSecretValueWithHttpInfo(m(akeyless.GetDynamicSecretValue, { name: seeded.dynamic, token })));
    assert.equal(typeof response.body, 'object');
    assert.ok(!Array.isArray(response.body));
  });

  it('uid-generate-token / uid-rotate-token -> UidGenerateTokenOutput / UidRotateTokenOutput', async () => {
    const gen = await shape('uidGenerateToken', akeyless.UidGenerateToken, { 'auth-method-name': uid.name, token }, 'UidGenerateTokenOutput');
    await shape('uidRotateToken', akeyless.UidRotateToken, { 'uid-token': gen.token }, 'UidRotateTokenOutput');
  });

  it('describe-permissions -> DescribePermissionsOutput', async () => {
    await shape('describePermissions', akeyless.DescribePermissions, { path: seeded.root, type: 'item', token }, 'DescribePermissionsOutput');
  });

  it('get-ssh-certificate -> GetSSHCertificateOutput', async () => {
    await shape('getSSHCertificate', akeyless.GetSSHCertificate, {
      'cert-issuer-name': seeded.sshIssuer, 'cert-username': 'deploy', 'public-key-data': ssh.generateUserKey('ed25519').line, token,
    }, 'GetSSHCertificateOutput');
  });

  it('errors -> JSONError', async () => {
    try {
      await api.describeItem(m(akeyless.DescribeItem, { name: `${base}/missing`, token }));
      assert.fail('expected a 404');
    } catch (e) {
      assert.equal(e.status, 404);
      assert.deepEqual(wire.mismatches(e.body, 'JSONError'), []);
    }
  });
});

describe('emulator admin API', () => {
  it('counters count the commands this run sent', async () => {
    const res = await fetch(`${BASE_URL}/__emulator/counters`);
    assert.equal(res.status, 200);
    const counters = await res.json();
    const sent = [
      'auth', 'static-creds-auth', 'create-secret', 'get-secret-value', 'update-secret-val', 'describe-item',
      'list-items', 'delete-item', 'create-dynamic-secret', 'get-dynamic-secret-value', 'create-rotated-secret',
      'get-rotated-secret-value', 'uid-generate-token', 'uid-rotate-token', 'describe-permissions', 'get-ssh-certificate',
    ];
    for (const command of sent) {
      assert.ok(counters[command] > 0, `counter for ${command} (got ${JSON.stringify(counters[command])})`);
    }
    assert.ok(counters['get-secret-value'] >= 20, 'get-secret-value counted per request');
  });
});
