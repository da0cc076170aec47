// Parses and analyzes KQL queries with Microsoft's parser (@kusto/language-service-next, Kusto.Language compiled to
// JavaScript) and prints its diagnostics.
//
//   node check.js input.json
//
// input.json: {"tables": {"requests": "(timestamp:datetime, name:string)", ...}, "queries": [{"id": "...", "text": "..."}]}
// Output (stdout): a JSON array with one entry per query, {"id", "diagnostics": [{"code", "severity", "start",
// "length", "message"}]}, offsets in UTF-16 code units of the query text. Exit code 0 when it ran, 2 on bad input.
'use strict';
const fs = require('fs');
const path = require('path');

function fail(message) {
  process.stderr.write(`kql-check: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file) {
  fail('usage: node check.js input.json');
}

let input;
try {
  input = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  fail(`${file}: ${e.message}`);
}

if (!Array.isArray(input.queries)) {
  fail(`${file}: "queries" must be an array of {"id", "text"}`);
}

const modules = path.join(__dirname, 'node_modules', '@kusto', 'language-service-next');
if (!fs.existsSync(modules)) {
  fail(`${modules} is missing; run scripts/install-test-deps.sh`);
}

global.Bridge = require(path.join(modules, 'bridge.min.js'));
require(path.join(modules, 'Kusto.Language.Bridge.min.js'));
const K = global.Kusto.Language;

const tables = Object.entries(input.tables || {}).map(([name, schema]) => {
  try {
    return K.Symbols.TableSymbol.From(schema).WithName(name);
  } catch (e) {
    fail(`${file}: table ${name}: invalid schema ${schema}`);
  }
});
const database = new K.Symbols.DatabaseSymbol.$ctor3('db', null, Bridge.toList(tables), false);
const globals = K.GlobalState.Default.WithDatabase(database);

const results = input.queries.map((query) => {
  const code = K.KustoCode.ParseAndAnalyze(String(query.text), globals);
  const list = code.GetDiagnostics();
  const diagnostics = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    diagnostics.push({ code: d.Code, severity: String(d.Severity), start: d.Start, length: d.Length, message: d.Message });
  }
  return { id: query.id, diagnostics };
});

process.stdout.write(JSON.stringify(results));
