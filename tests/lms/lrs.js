// A statements endpoint for the classroom's LRS forwarding check: POST /xapi/statements
// takes a statement or an array, checks the xAPI version header and Basic credentials, runs
// every statement through Learning Locker's validation (400 with the problems if any fails)
// and keeps each statement id once (a resend is accepted and not stored twice, as an LRS
// does). `OUTAGE=N` answers the first N requests with 503, as an LRS that is down.
//
//     node tests/lms/lrs.js PORT USER:PASSWORD OUT.json
const http = require("http");
const fs = require("fs");
const validate = require("@learninglocker/xapi-validation").default;

const [port, creds, out] = process.argv.slice(2);
let outage = Number(process.env.OUTAGE || "0");
const stored = new Map();
const expected = "Basic " + Buffer.from(creds).toString("base64");
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => { body += c; if (body.length > 8e6) req.destroy(); });
  req.on("end", () => {
    const answer = (status, obj) => { res.writeHead(status, { "Content-Type": "application/json" }); res.end(JSON.stringify(obj)); };
    if (req.url === "/count") return answer(200, { stored: stored.size });
    if (req.method !== "POST" || req.url !== "/xapi/statements") return answer(404, { error: "no such resource" });
    if (outage > 0) { outage--; return answer(503, { error: "down for maintenance" }); }
    if (req.headers["authorization"] !== expected) return answer(401, { error: "bad credentials" });
    if (!String(req.headers["x-experience-api-version"] || "").startsWith("1.0")) return answer(400, { error: "X-Experience-API-Version missing" });
    let list;
    try { list = JSON.parse(body); } catch (e) { return answer(400, { error: "not JSON" }); }
    if (!Array.isArray(list)) list = [list];
    const problems = [];
    list.forEach((s, i) => validate(s).forEach((w) => problems.push(`${i}: ${w.name} at ${w.path.join(".")}`)));
    if (problems.length) return answer(400, { error: "invalid statement(s)", problems });
    for (const s of list) if (!stored.has(s.id)) stored.set(s.id, s);
    fs.writeFileSync(out + ".tmp", JSON.stringify([...stored.values()]));
    fs.renameSync(out + ".tmp", out);
    answer(200, list.map((s) => s.id));
  });
});
server.listen(Number(port), "127.0.0.1", () => console.log(`lrs on ${port}`));
