// Validate an xAPI statements file (a JSON array, as `dealcraft classroom --export-xapi`
// writes it) with Learning Locker's statement validation, the package that LRS runs on every
// statement it receives. Prints each problem with the statement's index; exits 1 if any.
//
//     node tests/lms/validate-xapi.js statements.json
const fs = require("fs");
const validate = require("@learninglocker/xapi-validation").default;

const file = process.argv[2];
const list = JSON.parse(fs.readFileSync(file, "utf8"));
if (!Array.isArray(list) || list.length === 0) {
  console.error(`${file}: not a non-empty array of statements`);
  process.exit(1);
}
let bad = 0;
const verbs = {};
list.forEach((s, i) => {
  const warnings = validate(s);
  verbs[s.verb && s.verb.id] = (verbs[s.verb && s.verb.id] || 0) + 1;
  for (const w of warnings) {
    bad++;
    console.error(`statement ${i} (${s.id}): ${w.name} at ${w.path.join(".")}`);
  }
});
const ids = new Set(list.map((s) => s.id));
if (ids.size !== list.length) {
  console.error(`${list.length - ids.size} statement id(s) appear twice`);
  bad++;
}
console.log(`${list.length} statements, ${bad} problem(s); verbs: ${JSON.stringify(verbs)}`);
process.exit(bad ? 1 : 0);
