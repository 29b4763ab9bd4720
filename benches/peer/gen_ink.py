#!/usr/bin/env python3
"""Write a Dealcraft case as an ink story, for the peer benchmark (benches/peer.rs).

    python3 benches/peer/gen_ink.py haicheng          # -> benches/peer/haicheng.ink(.json)
    python3 benches/peer/gen_ink.py first-lead --no-compile

The case is read through the real loader, not re-parsed here: the peer bench binary prints the
loaded case as JSON when PEER_DUMP_CASE is set. The ink story is then compiled to the ink
runtime's JSON (format 21) with `rinklecate` (`cargo install rinklecate`, the Rust port of
inklecate from the bladeink project); a dev tool only, not a dependency of the game.

What the story models (the same rules as src/engine, written in ink):
  scenes -> knots; choices -> sticky choices `+ {conditions} [label] -> ch_<id>` guarded by
  "not chosen yet" (unless repeatable), the money left and the choice's `when`; every
  condition kind; every effect kind (facts, flags, attitudes clamped, competitors clamped,
  eliminations, scores, burning-issue diagnosis with lateness, insider quality from influence
  x willingness, rank, the five 5K meters, funnel, money, news as no-op); the choice's cost in
  weeks and money; meetings (met/known, the sequencing penalty for meeting a decision maker
  with no supporter inside, the wasted-meeting penalty); branches in order with conditions
  and percent chance; timeout at the end of the calendar; events (fixed week or weekly chance
  in a window, their conditions, effects and `go`); weighted variants and all their changes;
  endings with their funnel stage; and the weighted total score at the end (`VAR total`).
What it leaves out: all prose except scene titles (scene text, paragraphs, replies, notes,
  news, ending text), the per-move trace our engine records (deltas with notes, learned /
  revealed lists), and exact RNG streams (ink's RANDOM, not our seeded Xoshiro streams, so
  single runs differ; distributions should match).
"""

import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

ATTITUDES = ["Opponent", "NonSupporter", "Neutral", "Supporter", "Mentor"]
WILLINGNESS = [0.0, 0.1, 0.35, 0.8, 1.0]
RANKS = ["FirstChoice", "Backup", "ReferenceOnly"]
FUNNEL = ["Lead", "QualifiedLead", "QualifiedHandler", "QualifiedDecisionMaker", "Decision",
          "AwaitingClose", "Closed"]
PAIN = {"CannotDescribe": (0, 12), "AssumesNeed": (2, 13), "AssumesPain": (4, 14),
        "AdmitsNeed": (6, 16), "AdmitsCause": (8, 18), "AdmitsPain": (10, 20)}
POWER = {"DecisionMakerUnknown": 0, "KnowsDecisionMaker": 4, "KnowsProcess": 8,
         "HandlerWillIntroduce": 9, "DecisionMakerWillExplore": 10, "AgreesValuePlan": 14,
         "AgreesProposal": 16, "AgreesToBuy": 20}
VISION = {"NoneOrCompetitors": (0, 8), "ProductVision": (2, 10),
          "DifferentiatedVision": (4, 15), "CustomerAgrees": (6, 20)}
VALUE = {"NotFound": (0, 8), "Unquantifiable": (1, 10), "SellerFindsValue": (2, 12),
         "CustomerStatesValue": (3, 14), "CustomerVerifies": (4, 16),
         "JointlyVerified": (5, 18), "AgreedAndFinanced": (6, 20)}
CONTROL = {"NoRecord": 0, "HandlerAdmitsPain": 4, "HandlerIntroduces": 8,
           "DecisionMakerDiscusses": 10, "DecisionMakerRevises": 14, "PreProposalReview": 16,
           "PlanComplete": 20}
SCORE_VAR = {"burning_issue": "p_issue", "insider": "p_insider", "sequencing": "p_seq",
             "rank": "p_rank"}


def dump_case(case_id):
    """The case as the real loader sees it, as JSON (via the peer bench binary)."""
    env = dict(os.environ, PEER_DUMP_CASE=os.path.join("cases", case_id + ".ron"))
    out = subprocess.run(
        ["cargo", "bench", "--no-default-features", "-q", "--bench", "peer"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE).stdout.decode()
    line = [l for l in out.splitlines() if l.startswith("{")]
    return json.loads(line[-1])


def en(text):
    if not text:
        return ""
    return text.get("en") or text.get("zh") or ""


def plain(s, limit=70):
    """Text safe inside ink content: no ink syntax characters."""
    s = re.sub(r"[^A-Za-z0-9 .,;:'!?%&$\u00a0-\uffff]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return (s[:limit].rstrip() or "...")


def tag(variant):
    """("Name", payload) of a serde externally tagged enum value."""
    if isinstance(variant, str):
        return variant, None
    (k, v), = variant.items()
    return k, v


class Namer:
    """Readable, unique ink identifiers from case ids."""

    def __init__(self):
        self.used = set()

    def __call__(self, prefix, id_):
        base = prefix + re.sub(r"[^A-Za-z0-9_]", "_", id_)
        name, n = base, 2
        while name in self.used:
            name, n = f"{base}_{n}", n + 1
        self.used.add(name)
        return name


class Gen:
    def __init__(self, case):
        self.c = case
        name = Namer()
        self.scene = {s["id"]: name("s_", s["id"]) for s in case["scenes"]}
        self.choice = {}
        self.choice_scene = {}
        for s in case["scenes"]:
            for ch in s["choices"]:
                self.choice[ch["id"]] = name("c_", ch["id"])
                self.choice_scene[ch["id"]] = s["id"]
        self.knot_of_choice = {k: "ch" + v[1:] for k, v in self.choice.items()}
        self.people = case["stakeholders"]
        self.pix = {p["id"]: i for i, p in enumerate(self.people)}
        self.person = {p["id"]: name("p_", p["id"]) for p in self.people}
        self.fact = {f["id"]: name("f_", f["id"]) for f in case.get("facts", [])}
        self.comp = {k["id"]: name("k_", k["id"]) for k in case.get("competitors", [])}
        self.cix = {k["id"]: i for i, k in enumerate(case.get("competitors", []))}
        self.issue = {b["id"]: name("i_", b["id"]) for b in case.get("burning_issues", [])}
        self.iix = {b["id"]: i for i, b in enumerate(case.get("burning_issues", []))}
        self.event = {e["id"]: name("ev_", e["id"]) for e in case.get("events", [])}
        self.vix = {v["id"]: i for i, v in enumerate(case.get("variants", []))}
        self.ending = {e["id"]: name("e_", e["id"]) for e in case["endings"]}
        self.flags = {}
        self._collect_flags()
        for f in self.flags:
            self.flags[f] = name("g_", f)

    # --- flags are not declared in a case: they are every name Set/Clear/Flag/NotFlag uses.
    def _collect_flags(self):
        def walk(x):
            if isinstance(x, dict):
                for k, v in x.items():
                    if k in ("Set", "Clear", "Flag", "NotFlag") and isinstance(v, str):
                        self.flags.setdefault(v, None)
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(self.c)

    # --- conditions -----------------------------------------------------------------------
    def cond(self, k):
        n, v = tag(k)
        P = lambda p: self.person[p]
        if n == "Knows": return self.fact[v]
        if n == "NotKnows": return f"not {self.fact[v]}"
        if n == "Flag": return self.flags[v]
        if n == "NotFlag": return f"not {self.flags[v]}"
        if n == "Met": return f"{P(v)}_met"
        if n == "NotMet": return f"not {P(v)}_met"
        if n == "Known": return f"{P(v)}_known"
        if n == "AttitudeAtLeast": return f"{P(v[0])}_att >= {ATTITUDES.index(v[1])}"
        if n == "AttitudeAtMost": return f"{P(v[0])}_att <= {ATTITUDES.index(v[1])}"
        if n == "WeekAtMost": return f"week <= {v}"
        if n == "WeekAtLeast": return f"week >= {v}"
        if n == "MoneyAtLeast": return f"money_left() >= {v}"
        if n == "Chose": return self.choice[v]
        if n == "NotChose": return f"not {self.choice[v]}"
        if n == "Variant": return f"variant == {self.vix[v]}"
        if n == "Insider": return f"insider == {self.pix[v]}"
        if n == "NoInsider": return "insider == -1"
        if n == "HasInsider": return "insider != -1"
        if n == "Diagnosed": return f"diagnosed == {self.iix[v]}"
        if n == "RankJudged": return f"rank == {RANKS.index(v)}"
        if n == "CompetitorAtLeast": return f"{self.comp[v[0]]} >= {v[1]}"
        if n == "CompetitorAtMost": return f"{self.comp[v[0]]} <= {v[1]}"
        if n == "CompetitorOut": return f"{self.comp[v]}_out"
        if n == "Any":
            return "(" + " || ".join(self.cond(x) for x in v) + ")" if len(v) > 1 else (
                self.cond(v[0]) if v else "false")
        if n == "All": return self.conds(v)
        if n == "Not":
            inner = self.cond(v)
            return f"not ({inner})" if " " in inner else f"not {inner}"
        raise ValueError(f"unknown condition {k}")

    def conds(self, ks):
        # Brackets only around compound expressions: to ink, `(name)` is a list literal.
        wrap = lambda e: f"({e})" if " " in e else e
        if len(ks) == 1:
            return wrap(self.cond(ks[0]))
        return wrap(" && ".join(wrap(self.cond(x)) for x in ks)) if ks else "true"

    # --- effects --------------------------------------------------------------------------
    def effect(self, e):
        n, v = tag(e)
        P = lambda p: self.person[p]
        if n == "Learn": return [f"~ turn_on({self.fact[v]})"]
        if n == "Reveal": return [f"~ turn_on({P(v)}_known)"]
        if n == "Set": return [f"~ {self.flags[v]} = true"]
        if n == "Clear": return [f"~ {self.flags[v]} = false"]
        if n == "Attitude": return [f"~ shift({P(v[0])}_att, {v[1]}, 4)"]
        if n == "Competitor": return [f"~ shift({self.comp[v[0]]}, {v[1]}, 10)"]
        if n == "Eliminate": return [f"~ turn_on({self.comp[v]}_out)"]
        if n == "Score": return [f"~ {SCORE_VAR[v[0]]} += {v[1]}", "~ changed = true"]
        if n == "Diagnose":
            i = self.iix[v]
            return [f"~ diagnose({i}, {self.issue[v]}_real)"]
        if n == "ChooseInsider":
            i, p = self.pix[v], P(v)
            return [f"~ choose_insider({i}, {p}_infl, {p}_att, {p}_backs)"]
        if n == "JudgeRank": return [f"~ rank = {RANKS.index(v)}", "~ changed = true"]
        if n == "Pain": return [f"~ raise(pain, {PAIN[v[0]][v[1] == 'DecisionMaker']})"]
        if n == "Power": return [f"~ raise(power, {POWER[v]})"]
        if n == "Vision": return [f"~ raise(vision, {VISION[v[0]][v[1] == 'DecisionMaker']})"]
        if n == "Value": return [f"~ raise(value, {VALUE[v[0]][v[1] == 'DecisionMaker']})"]
        if n == "Control": return [f"~ raise(control, {CONTROL[v]})"]
        if n == "Funnel": return [f"~ raise(funnel, {FUNNEL.index(v)})"]
        if n == "Money": return [f"~ adjust += {v}", "~ changed = true"]
        if n == "News": return []
        raise ValueError(f"unknown effect {e}")

    def effects(self, es, indent=""):
        return [indent + line for e in es for line in self.effect(e)]

    # --- the story ------------------------------------------------------------------------
    def write(self):
        c = self.c
        cal, sc = c["calendar"], c["scoring"]
        w = sc["weights"]
        bi = sc.get("burning_issue", {})
        seq = sc.get("sequencing", {})
        L = []
        add = L.append
        add(f"// {en(c['title'])}")
        add(f"// Generated from cases/{c['id']}.ron by benches/peer/gen_ink.py: do not edit.")
        add("// The case's branching, rules and scoring as an ink story (see the generator's")
        add("// docstring for what it models and what it leaves out).")
        add("")
        add("VAR run_seed = 0  // set by the player before the first line")
        add("VAR next = -> dead_end  // where the current move leads")
        add("VAR ends = false        // ... and whether that is an ending")
        add("VAR total = 0.0   // the weighted score, set by the ending (-1: dead end)")
        for v in ["turn = 0", "week = 1", "spent = 0", "adjust = 0", "variant = -1",
                  "insider = -1", "insider_points = 0", "diagnosed = -1", "rank = -1",
                  "changed = false", "p_issue = 0", "p_insider = 0", "p_seq = 0",
                  "p_rank = 0", "pain = 0", "power = 0", "vision = 0", "value = 0",
                  "control = 0", "funnel = 0"]:
            add(f"VAR {v}")
        add("")
        add("// Facts, flags, chosen choices")
        for f in self.fact.values():
            add(f"VAR {f} = false")
        for g in self.flags.values():
            add(f"VAR {g} = false")
        for ch in self.choice.values():
            add(f"VAR {ch} = false")
        add("// Stakeholders: known, met, attitude (0 opponent .. 4 mentor), influence, backs")
        for p in self.people:
            n = self.person[p["id"]]
            backs = self.cix[p["backs"]] if p.get("backs") else -1
            add(f"VAR {n}_known = {'true' if p.get('known') else 'false'}")
            add(f"VAR {n}_met = false")
            add(f"VAR {n}_att = {ATTITUDES.index(p['attitude'])}")
            add(f"VAR {n}_infl = {p['influence']}")
            add(f"VAR {n}_backs = {backs}")
        add("// Competitors: strength, out of the race")
        for k in c.get("competitors", []):
            add(f"VAR {self.comp[k['id']]} = {k['strength']}")
            add(f"VAR {self.comp[k['id']]}_out = false")
        add("// Burning issues: the real one(s)")
        for b in c.get("burning_issues", []):
            add(f"VAR {self.issue[b['id']]}_real = {'true' if b['real'] else 'false'}")
        add("// Events: week (fixed timing; -1 for chance), fired")
        for e in c.get("events", []):
            wk, _ = tag(e["when"])
            add(f"VAR {self.event[e['id']]}_week = {e['when']['Week'] if wk == 'Week' else -1}")
            add(f"VAR {self.event[e['id']]}_fired = false")
        add("")
        add(f"CONST WEEKS = {cal['weeks']}")
        add(f"CONST BUDGET = {cal['budget']}")
        add("")
        add("~ SEED_RANDOM(run_seed)")
        add("~ pick_variant()")
        add(f"-> {self.scene[c['start']]}")
        add("")

        # Scenes
        for s in c["scenes"]:
            add(f"=== {self.scene[s['id']]} ===")
            add(plain(en(s["title"])))
            for ch in s["choices"]:
                guard = []
                if not ch.get("repeatable"):
                    guard.append(f"not {self.choice[ch['id']]}")
                money = ch.get("cost", {}).get("money", 0)
                if money:
                    guard.append(f"money_left() >= {money}")
                if ch.get("when"):
                    guard.append(self.conds(ch["when"]))
                expr = " && ".join(guard)
                if expr.startswith("("):
                    # rinklecate 2.1 misreads a choice condition that opens with a bracket.
                    expr = "true && " + expr
                g = "{" + expr + "} " if guard else ""
                add(f"+ {g}[{plain(en(ch['label']))}] -> {self.knot_of_choice[ch['id']]}")
            add("+ -> dead_end")
            add("")

        # Choices
        for s in c["scenes"]:
            for ch in s["choices"]:
                self.write_choice(s, ch, add)

        # After a move: timeout, events
        add("=== after(week_before) ===")
        add(f"{{ week > WEEKS: -> {self.ending[cal['timeout_ending']]} }}")
        for e in c.get("events", []):
            ev = self.event[e["id"]]
            wk, wv = tag(e["when"])
            if wk == "Week":
                due = f"{ev}_week != -1 && {ev}_week <= week"
            else:
                due = (f"chance_any(MAX(first_week(week_before), {wv['from']}), "
                       f"MIN(week, {wv['to']}), {wv['percent']})")
            add(f"{{ not {ev}_fired:")
            add(f"    {{ ({due}) && {self.conds(e.get('if', []))}:")
            add(f"        ~ {ev}_fired = true")
            for line in self.effects(e.get("effects", []), "        "):
                add(line)
            if e.get("go"):
                add(f"        ~ next = -> {self.scene[e['go']]}")
            add("    }")
            add("}")
        add("-> next")
        add("")

        # Endings
        for e in c["endings"]:
            add(f"=== {self.ending[e['id']]} ===")
            if e.get("funnel"):
                add(f"~ raise(funnel, {FUNNEL.index(e['funnel'])})")
            add(f"~ total = final_score({min(e['value'], 100)})")
            add(plain(en(e["title"])))
            add("-> END")
            add("")
        add("=== dead_end ===")
        add("~ total = -1")
        add("-> END")
        add("")

        # Functions
        weight = sum(w.get(k, 0) for k in
                     ["burning_issue", "insider", "sequencing", "rank", "intensity", "outcome",
                      "cost"])
        add("=== function money_left() ===")
        add("~ return BUDGET - spent + adjust")
        add("")
        add("=== function first_week(week_before) ===")
        add("// The first move also covers the starting week.")
        add("{ turn == 1: \n    ~ return week_before\n}")
        add("~ return week_before + 1")
        add("")
        add("=== function chance_any(lo, hi, percent) ===")
        add("// One roll per week in lo..hi.")
        add("{ lo > hi:\n    ~ return false\n}")
        add("{ RANDOM(1, 100) <= percent:\n    ~ return true\n}")
        add("~ return chance_any(lo + 1, hi, percent)")
        add("")
        add("=== function turn_on(ref x) ===")
        add("{ not x:\n    ~ x = true\n    ~ changed = true\n}")
        add("")
        add("=== function raise(ref meter, n) ===")
        add("{ n > meter:\n    ~ meter = n\n    ~ changed = true\n}")
        add("")
        add("=== function shift(ref x, by, top) ===")
        add("~ temp new = MAX(0, MIN(top, x + by))")
        add("{ new != x:\n    ~ x = new\n    ~ changed = true\n}")
        add("")
        add("=== function diagnose(issue, real) ===")
        add(f"~ temp late = MAX(week - {bi.get('on_time_week', 6)}, 0)")
        add("{ real:")
        add(f"    ~ p_issue += {bi.get('correct', 100)} - late * {bi.get('late_per_week', 5)}")
        add("- else:")
        add(f"    ~ p_issue += {bi.get('wrong', -40)}")
        add("}")
        add("~ diagnosed = issue")
        add("~ changed = true")
        add("")
        add("=== function choose_insider(who, influence, attitude, backs) ===")
        add("~ temp quality = 0")
        add("{ backs == -1:")
        add("    ~ quality = FLOOR(100.0 * influence / 5.0 * willingness(attitude) + 0.5)")
        add("}")
        add("~ p_insider += quality - insider_points")
        add("~ insider = who")
        add("~ insider_points = quality")
        add("~ changed = true")
        add("")
        add("=== function willingness(attitude) ===")
        add("{ attitude:")
        for i, x in enumerate(WILLINGNESS):
            add(f"- {i}: ~ return {x}")
        add("}")
        add("~ return 0.0")
        add("")
        add("=== function clamp100(x) ===")
        add("~ return MAX(0, MIN(100, x))")
        add("")
        add("=== function final_score(outcome) ===")
        add(f"~ temp cost = MAX(0.0, MIN(100.0, 100.0 * money_left() / {max(cal['budget'], 1)}.0))")
        add("~ temp sum = 0.0")
        for key, expr in [("burning_issue", "clamp100(p_issue)"),
                          ("insider", "clamp100(p_insider)"),
                          ("sequencing", "clamp100(p_seq)"), ("rank", "clamp100(p_rank)"),
                          ("intensity", "(pain + power + vision + value + control)"),
                          ("outcome", "outcome"), ("cost", "cost")]:
            if w.get(key, 0):
                add(f"~ sum += {w[key]}.0 * {expr}")
        if weight == 0:
            add("~ return 0.0")
        else:
            add(f"~ return FLOOR(sum / {weight}.0 * 10.0 + 0.5) / 10.0")
        add("")
        self.write_variants(add)
        # Sequencing: a supporter inside, for each decision maker.
        for p in self.people:
            if p["role"] == "DecisionMaker":
                others = [q for q in self.people if q["id"] != p["id"]]
                terms = [f"({self.person[q['id']]}_known && {self.person[q['id']]}_att >= 3 && "
                         f"{self.person[q['id']]}_infl >= 2 && {self.person[q['id']]}_backs == -1)"
                         for q in others]
                add(f"=== function supported_{self.person[p['id']]}() ===")
                add(f"~ return {' || '.join(terms) if terms else 'false'}")
                add("")
        return "\n".join(L) + "\n"

    def write_choice(self, s, ch, add):
        c = self.c
        seq = c["scoring"].get("sequencing", {})
        add(f"=== {self.knot_of_choice[ch['id']]} ===")
        add("~ temp week_before = week")
        add("~ turn += 1")
        add(f"~ {self.choice[ch['id']]} = true")
        cost = ch.get("cost", {})
        if cost.get("weeks"):
            add(f"~ week += {cost['weeks']}")
        if cost.get("money"):
            add(f"~ spent += {cost['money']}")
        add("~ changed = false")
        for m in ch.get("meets", []):
            p = self.people[self.pix[m]]
            n = self.person[m]
            if p["role"] == "DecisionMaker":
                # (`not f()` after `&&` trips rinklecate 2.1's parser: compare instead.)
                add(f"{{ not {n}_met && supported_{n}() == false:")
                add(f"    ~ p_seq += {seq.get('top_without_support', -25)}")
                add("}")
            add(f"~ {n}_met = true")
            add(f"~ turn_on({n}_known)")
        for line in self.effects(ch.get("effects", [])):
            add(line)

        def target(go, end):
            if end:
                return f"-> {self.ending[end]}", True
            if go:
                return f"-> {self.scene[go]}", False
            return None, False

        default, default_end = target(ch.get("go"), ch.get("end"))
        if default is None:
            default = f"-> {self.scene[s['id']]}"
        add(f"~ next = {default}")
        add(f"~ ends = {'true' if default_end else 'false'}")
        branches = ch.get("branches", [])
        if branches:
            add("{")
            for br in branches:
                test = self.conds(br.get("when", []))
                if br.get("chance") is not None:
                    test = f"{test} && RANDOM(1, 100) <= {br['chance']}"
                add(f"- {test}:")
                body = self.effects(br.get("effects", []), "    ")
                t, is_end = target(br.get("go"), br.get("end"))
                if t is not None:
                    body += [f"    ~ next = {t}", f"    ~ ends = {'true' if is_end else 'false'}"]
                for line in body or ["    ~ changed = changed"]:
                    add(line)
            add("}")
        if ch.get("meets"):
            add(f"{{ not changed:\n    ~ p_seq += {seq.get('wasted_meeting', -5)}\n}}")
        add("{ ends:\n    -> next\n}")
        add("-> after(week_before)")
        add("")

    def write_variants(self, add):
        vs = self.c.get("variants", [])
        add("=== function pick_variant() ===")
        total = sum(v.get("weight", 1) for v in vs)
        if total == 0:
            add("~ return")
            add("")
            return
        add(f"~ temp r = RANDOM(0, {total - 1})")
        add("{")
        acc = 0
        for i, v in enumerate(vs):
            wgt = v.get("weight", 1)
            if wgt == 0:
                continue
            acc += wgt
            add(f"- r < {acc}:")
            add(f"    ~ variant = {i}")
            for ch in v.get("changes", []):
                n, x = tag(ch)
                if n == "Attitude":
                    add(f"    ~ {self.person[x[0]]}_att = {ATTITUDES.index(x[1])}")
                elif n == "Influence":
                    add(f"    ~ {self.person[x[0]]}_infl = {x[1]}")
                elif n == "Backs":
                    k = self.cix[x[1]] if x[1] else -1
                    add(f"    ~ {self.person[x[0]]}_backs = {k}")
                elif n == "EventWeek":
                    add(f"    ~ {self.event[x[0]]}_week = {x[1]}")
                elif n == "RealIssue":
                    add(f"    ~ {self.issue[x[0]]}_real = {'true' if x[1] else 'false'}")
                elif n == "Effects":
                    for line in self.effects(x, "    "):
                        add(line)
                else:
                    raise ValueError(f"unknown change {ch}")
        add("}")
        add("")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    case_id = args[0] if args else "haicheng"
    if "--json" in sys.argv:
        # A dump made earlier: PEER_DUMP_CASE=cases/<id>.ron cargo bench ... --bench peer > x.json
        with open(sys.argv[sys.argv.index("--json") + 1], encoding="utf-8") as f:
            case = json.load(f)
        args = [a for a in args if not a.endswith(".json")]
        case_id = args[0] if args else case["id"]
    else:
        case = dump_case(case_id)
    ink = Gen(case).write()
    ink_path = os.path.join(HERE, case_id + ".ink")
    with open(ink_path, "w", encoding="utf-8") as f:
        f.write(ink)
    print(f"wrote {os.path.relpath(ink_path, ROOT)} ({len(ink)} bytes)")
    if "--no-compile" in sys.argv:
        return
    compiler = shutil.which("rinklecate")
    if not compiler:
        sys.exit("rinklecate not found: `cargo install rinklecate`, then run this again")
    json_path = ink_path + ".json"
    subprocess.run([compiler, "-o", json_path, ink_path], check=True)
    print(f"wrote {os.path.relpath(json_path, ROOT)}")


if __name__ == "__main__":
    main()
