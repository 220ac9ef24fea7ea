// Runs the official Node client against an endpoint: create, insert, select with parameters.
// Usage: node smoke.mjs http://127.0.0.1:8123
// Prints one JSON line with what it read back; exits non-zero on any mismatch.
import { createClient } from '@clickhouse/client';
import assert from 'node:assert/strict';

const url = process.argv[2];
if (!url) {
  console.error('usage: node smoke.mjs <endpoint url>');
  process.exit(2);
}

const database = `node_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
const client = createClient({ url, request_timeout: 60_000 });
try {
  await client.command({ query: `CREATE DATABASE ${database}` });
  await client.command({
    query: `CREATE TABLE ${database}.ratings (id UInt32, state LowCardinality(String), rating UInt8, comment String)
            ENGINE = MergeTree ORDER BY id`,
  });
  await client.insert({
    table: `${database}.ratings`,
    format: 'JSONEachRow',
    values: [
      { id: 1, state: 'MA', rating: 5, comment: 'ممتاز' },
      { id: 2, state: 'SN', rating: 2, comment: "trop lent, l'article" },
      { id: 3, state: 'MA', rating: 4, comment: 'good' },
    ],
  });
  const result = await client.query({
    query: `SELECT count() AS n, avg(rating) AS mean, groupArray(comment) AS comments
            FROM ${database}.ratings WHERE state = {state:String} AND rating >= {min:UInt8}`,
    query_params: { state: 'MA', min: 4 },
    format: 'JSONEachRow',
  });
  const rows = await result.json();
  assert.equal(rows.length, 1);
  assert.equal(Number(rows[0].n), 2);
  assert.equal(rows[0].mean, 4.5);
  assert.deepEqual([...rows[0].comments].sort(), ['good', 'ممتاز'].sort());
  await client.command({ query: `DROP DATABASE ${database}` });
  console.log(JSON.stringify({ ok: true, rows }));
} finally {
  await client.close();
}
