'use strict';
// Checks a raw response body against the SDK's own model definitions. The generated models coerce values
// (Number(false) === 0, String(1) === '1'), so a wrong JSON type passes through the JS SDK silently but
// breaks strictly typed clients (Go, C#). This reads each model's constructFromObject source for the declared
// type of every field and reports fields of the wrong JSON type or unknown to the model.

const fs = require('node:fs');
const path = require('node:path');

const MODEL_DIR = path.join(path.dirname(require.resolve('akeyless')), 'model');
const cache = new Map();

/** field name -> type descriptor: {kind:'String'|'Number'|'Boolean'|'Date'|'Object'|'model'|'array'|'map', ...}. */
function schemaOf(model) {
  if (cache.has(model)) return cache.get(model);
  const source = fs.readFileSync(path.join(MODEL_DIR, `${model}.js`), 'utf8');
  const fields = new Map();
  const re = /obj\['([^']+)'\] = (.*?);\s*$/gm;
  let match;
  while ((match = re.exec(source))) {
    const [, field, expr] = match;
    if (!expr.includes(`data['${field}']`)) continue; // initialize() defaults, not deserialization
    fields.set(field, parseType(expr));
  }
  cache.set(model, fields);
  return fields;
}

function parseType(expr) {
  let m = expr.match(/^_(\w+)\["default"\]\.constructFromObject\(/);
  if (m) return { kind: 'model', model: m[1] };
  m = expr.match(/convertToType\(data\['[^']+'\], (.*)\)$/);
  if (!m) return { kind: 'any' };
  return parseTypeArg(m[1].trim());
}

function parseTypeArg(arg) {
  let m = arg.match(/^'(\w+)'$/);
  if (m) return { kind: m[1] };
  m = arg.match(/^\[(.*)\]$/);
  if (m) return { kind: 'array', of: parseTypeArg(m[1].trim()) };
  m = arg.match(/^_(\w+)\["default"\]$/);
  if (m) return { kind: 'model', model: m[1] };
  m = arg.match(/^\{'\w+': (.*)\}$/);
  if (m) return { kind: 'map', of: parseTypeArg(m[1].trim()) };
  if (arg === 'Object') return { kind: 'Object' };
  return { kind: 'any' };
}

function describe(t) {
  if (t.kind === 'model') return t.model;
  if (t.kind === 'array' || t.kind === 'map') return `${t.kind}<${describe(t.of)}>`;
  return t.kind;
}

function check(value, type, where, problems) {
  if (value === null || value === undefined) return; // absent/null optional fields are fine
  const bad = (expected) => problems.push(`${where}: expected ${expected}, got ${JSON.stringify(value)}`);
  switch (type.kind) {
    case 'String':
      if (typeof value !== 'string') bad('string');
      break;
    case 'Number':
      if (typeof value !== 'number') bad('number');
      break;
    case 'Boolean':
      if (typeof value !== 'boolean') bad('boolean');
      break;
    case 'Date':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) bad('date-time string');
      break;
    case 'array':
      if (!Array.isArray(value)) bad(`array of ${describe(type.of)}`);
      else value.forEach((v, i) => check(v, type.of, `${where}[${i}]`, problems));
      break;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) bad('object');
      else for (const [k, v] of Object.entries(value)) check(v, type.of, `${where}.${k}`, problems);
      break;
    case 'model':
      checkModel(value, type.model, where, problems);
      break;
    case 'Object':
      if (typeof value !== 'object') bad('object');
      break;
    default:
      break;
  }
}

function checkModel(value, model, where, problems) {
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected ${model} object, got ${JSON.stringify(value)}`);
    return;
  }
  const schema = schemaOf(model);
  for (const [field, v] of Object.entries(value)) {
    const type = schema.get(field);
    if (!type) {
      problems.push(`${where}.${field}: not a field of ${model}`);
      continue;
    }
    check(v, type, `${where}.${field}`, problems);
  }
}

/** Returns the list of mismatches between a raw JSON body and the SDK model `model` (empty when it conforms). */
function mismatches(body, model) {
  const problems = [];
  checkModel(body, model, model, problems);
  return problems;
}

module.exports = { mismatches, schemaOf };
