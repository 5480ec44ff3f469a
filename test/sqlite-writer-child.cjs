// Another process writing to the same SQLite file, as `npm run worker` does beside `npm start`, for
// test/sqlite-connection.test.ts: small write transactions in a loop for DURATION_MS.
//   node test/sqlite-writer-child.cjs FILE DURATION_MS
const Database = require("better-sqlite3");
const [file, duration] = process.argv.slice(2);
const db = new Database(file, { timeout: 5_000 });
const write = db.prepare("UPDATE \"User\" SET \"updatedAt\" = ? WHERE \"id\" = (SELECT \"id\" FROM \"User\" LIMIT 1)");
const end = Date.now() + Number(duration);
process.stdout.write("writing\n");
let n = 0;
for (;;) {
  if (Date.now() > end) break;
  db.transaction(() => write.run(new Date().toISOString()))();
  n++;
  // a little pause, as a runner's writes are spread out
  const until = Date.now() + 2;
  while (Date.now() < until);
}
process.stdout.write(`done ${n}\n`);
db.close();
