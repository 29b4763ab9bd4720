//! Parse errors in the author's words (issue 13's list): each mistake a sales manager made
//! writing a case, fed to the loader, gives its place and the fix — not the RON parser's terms.

use dealcraft::case::Diagnostic;
use dealcraft::case::text::Lang;
use dealcraft::engine::load_bytes;

/// The message and hint as `--lang zh` says them: every message here has its Chinese.
fn zh(d: &Diagnostic) -> (String, String) {
    assert!(d.zh.is_some(), "no Chinese for {d}");
    let z = d.in_lang(Lang::Zh);
    (z.message, z.hint.unwrap_or_default())
}

const TUTORIAL: &str = include_str!("../cases/first-lead.ron");

/// The tutorial with `from` replaced (first occurrence) by `to`: one error, located.
fn broken(from: &str, to: &str) -> (String, Diagnostic) {
    assert!(TUTORIAL.contains(from), "{from}");
    let text = TUTORIAL.replacen(from, to, 1);
    let l = load_bytes("first-lead.ron", text.as_bytes());
    let d = l
        .diagnostics
        .into_iter()
        .find(|d| d.is_error())
        .unwrap_or_else(|| panic!("no error for {to}"));
    (text, d)
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_number_where_a_word_belongs_names_the_words() {
    let (text, d) = broken(
        "AttitudeAtLeast(\"nurse_lin\", Supporter)",
        "AttitudeAtLeast(\"nurse_lin\", 3)",
    );
    assert_eq!(d.line, line_of(&text, "AttitudeAtLeast(\"nurse_lin\", 3)"));
    assert!(d.message.contains("`AttitudeAtLeast` takes a word"), "{d}");
    let (m, h) = zh(&d);
    assert!(m.contains("`AttitudeAtLeast` 这里要写一个词"), "{m}");
    assert!(h.contains("`Supporter`") && h.contains("`Mentor`"), "{h}");
    let hint = d.hint.unwrap();
    assert!(
        hint.contains("`Supporter`") && hint.contains("`Mentor`"),
        "{hint}"
    );
}

#[test]
fn a_quote_inside_a_text_suggests_the_escape_or_chinese_quotes() {
    let (_, d) = broken("en: \"First lead", "en: \"He said \"yes\". First lead");
    assert!(d.message.contains("inside a text ends the text"), "{d}");
    let (m, h) = zh(&d);
    assert!(m.contains("提前结束"), "{m}");
    assert!(h.contains("\\\"") && h.contains("「」"), "{h}");
    assert!(d.hint.unwrap().contains("\\\""));
}

#[test]
fn a_missing_parenthesis_points_to_where_it_was_opened() {
    // The label's text loses its `)`: the parser only notices at the next field.
    let (text, d) = broken(
        "label: (en: \"Phone Lin Hua back\", zh: \"给林华回电话\"),",
        "label: (en: \"Phone Lin Hua back\", zh: \"给林华回电话\",",
    );
    let opened = line_of(&text, "label: (en: \"Phone Lin Hua back\"");
    assert!(
        d.message.contains(&format!("opened at line {opened}")),
        "{d}"
    );
    assert!(d.message.contains("never closed"), "{d}");
    let (m, h) = zh(&d);
    assert!(
        m.contains(&format!("第 {opened} 行")) && m.contains("没有关上"),
        "{m}"
    );
    assert!(h.contains("`)`"), "{h}");
}

#[test]
fn a_hash_comment_says_comments_start_with_slashes() {
    let (_, d) = broken("    scenes: [", "    scenes: [\n    # the scenes");
    assert!(d.message.contains("`#` does not start a comment"), "{d}");
    let (m, h) = zh(&d);
    assert!(m.contains("`#` 不是注释"), "{m}");
    assert!(h.contains("`//`"), "{h}");
    assert!(d.hint.unwrap().contains("//"));
}

#[test]
fn a_missing_argument_lists_the_values() {
    let (_, d) = broken(
        "Value(CustomerVerifies, DecisionMaker)",
        "Value(CustomerVerifies)",
    );
    assert!(
        d.message.contains("`Value` takes 2 values, but 1 is given"),
        "{d}"
    );
    let (m, h) = zh(&d);
    assert!(m.contains("`Value` 要 2 个值，这里只给了 1 个"), "{m}");
    assert!(
        h.contains("`CustomerVerifies`") && h.contains("`DecisionMaker`"),
        "{h}"
    );
    let hint = d.hint.unwrap();
    assert!(
        hint.contains("`CustomerVerifies`") && hint.contains("`DecisionMaker`"),
        "{hint}"
    );
}

#[test]
fn full_width_punctuation_names_the_ascii_character() {
    let (_, d) = broken("difficulty: Easy,", "difficulty: Easy，");
    assert!(d.message.contains("U+FF0C"), "{d}");
    assert!(d.message.contains("ASCII `,`"), "{d}");
    let (m, h) = zh(&d);
    assert!(m.contains("全角的 `，`") && m.contains("半角 `,`"), "{m}");
    assert!(h.contains("半角 `,`"), "{h}");
}

#[test]
fn the_column_counts_characters_on_a_line_with_chinese() {
    // An unknown value after Chinese text on the same line: the column is in characters.
    let (text, d) = broken("zh: \"给林华回电话\"),", "zh: \"给林华回电话\", bogus: 1),");
    let line = text.lines().nth(d.line - 1).unwrap();
    let col_chars = line[..line.find("bogus").unwrap()].chars().count() + 1;
    assert_eq!(d.column, col_chars, "{d}");
}

#[test]
fn a_misspelt_flag_is_named_with_the_flag_that_is_set() {
    let text = TUTORIAL.replacen("Flag(\"lin_takes_you\")", "Flag(\"lin_take_you\")", 1);
    let l = load_bytes("first-lead.ron", text.as_bytes());
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.code == "W112")
        .unwrap_or_else(|| panic!("no W112: {:#?}", l.diagnostics));
    assert!(d.message.contains("`lin_take_you`"), "{d}");
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("did you mean `lin_takes_you`?"),
        "{d}"
    );
    assert_eq!(d.line, line_of(&text, "Flag(\"lin_take_you\")"), "{d}");
    let (m, h) = zh(d);
    assert!(
        m.contains("`lin_take_you`") && m.contains("从没有地方设置"),
        "{m}"
    );
    assert!(h.contains("是不是 `lin_takes_you`？"), "{h}");
    // A warning: the case still loads.
    assert!(l.case.is_some());
}

#[test]
fn an_unknown_id_says_did_you_mean_in_both_languages() {
    let text = TUTORIAL.replacen("meets: [\"nurse_lin\"]", "meets: [\"nurse_lim\"]", 1);
    let l = load_bytes("first-lead.ron", text.as_bytes());
    let d = l.diagnostics.iter().find(|d| d.code == "E011").unwrap();
    assert_eq!(d.line, line_of(&text, "meets: [\"nurse_lim\"]"), "{d}");
    assert!(d.message.contains("unknown stakeholder `nurse_lim`"), "{d}");
    let (m, h) = zh(d);
    assert!(m.contains("没有这个人物：`nurse_lim`"), "{m}");
    assert!(h.contains("是不是 `nurse_lin`？"), "{h}");
}

#[test]
fn a_decimal_where_a_whole_number_belongs_names_the_range() {
    let (_, d) = broken("power: 1,", "power: 1.5,");
    assert!(d.message.contains("whole number"), "{d}");
    let (m, h) = zh(&d);
    assert!(m.contains("`1.5` 是小数"), "{m}");
    assert!(h.contains("0–5"), "{h}");
}

// ---- The validator in Chinese ------------------------------------------------------------------

/// The tutorial with each `(from, to)` replaced (first occurrence, in order).
fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = TUTORIAL.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The tutorial without its `decision` model.
fn without_decision(text: &str) -> String {
    let start = text.find("    decision: Some((").unwrap();
    let end = start + text[start..].find(")),\n").unwrap() + 4;
    let mut t = text.to_string();
    t.replace_range(start..end, "");
    t
}

/// Everything the loader says about a text (it must parse: these are the validator's findings).
fn findings(text: &str) -> Vec<Diagnostic> {
    let l = load_bytes("first-lead.ron", text.as_bytes());
    assert!(
        !l.diagnostics
            .iter()
            .any(|d| matches!(d.code, "E001" | "E002" | "E003" | "E004" | "E005" | "E006")),
        "does not parse: {:#?}",
        l.diagnostics
    );
    l.diagnostics
}

/// The finding with this code whose English message contains `needle`.
fn finding<'a>(ds: &'a [Diagnostic], code: &str, needle: &str) -> &'a Diagnostic {
    ds.iter()
        .find(|d| d.code == code && d.message.contains(needle))
        .unwrap_or_else(|| panic!("no {code} with {needle}: {ds:#?}"))
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// Broken versions of the tutorial, together making most of the validator's findings.
fn broken_cases() -> Vec<(&'static str, String)> {
    let one = |from: &str, to: &str| edited(&[(from, to)]);
    vec![
        (
            "duplicate id",
            one("id: \"ask_closed\",", "id: \"ask_open\","),
        ),
        ("power 9", one("power: 1,", "power: 9,")),
        ("strength 15", one("strength: 5,", "strength: 15,")),
        ("value 200", one("value: 20,", "value: 200,")),
        ("no weeks", one("weeks: 6,", "weeks: 0,")),
        ("too many weeks", one("weeks: 6,", "weeks: 600,")),
        (
            "repeatable for free",
            one("id: \"call_lin\",", "id: \"call_lin\",\n repeatable: true,"),
        ),
        (
            "no note",
            one(
                "note: (en: \"Leaving without a next step wastes the call.\", zh: \"没有约定下一步就挂电话，这通电话就白打了。\"),",
                "note: (),",
            ),
        ),
        (
            "branch chance 0",
            one(
                "when: [NotChose(\"ask_open\")],",
                "when: [NotChose(\"ask_open\")], chance: Some(0),",
            ),
        ),
        (
            "event chance 0",
            one(
                "when: Week(3),",
                "when: Chance(percent: 0, from: 4, to: 2),",
            ),
        ),
        (
            "weightless variants",
            TUTORIAL.replace("weight: 1,", "weight: 0,"),
        ),
        (
            "a stuck scene",
            one(
                "    scenes: [",
                "    scenes: [\n (id: \"dead_end\", title: (en: \"X\", zh: \"某处\"), kind: Board, text: (en: \"X\", zh: \"某处\"), choices: []),",
            ),
        ),
        (
            "an unused ending and a fact nobody learns",
            edited(&[
                (
                    "    endings: [",
                    "    endings: [\n (id: \"spare\", title: (en: \"X\", zh: \"某处\"), outcome: Lost, value: 0, text: (en: \"X\", zh: \"某处\")),",
                ),
                (
                    "    facts: [",
                    "    facts: [\n (id: \"secret\", text: (en: \"X\", zh: \"某事\")),",
                ),
            ]),
        ),
        (
            "no won ending",
            one("outcome: Won, value: 100", "outcome: Lost, value: 100"),
        ),
        (
            "a flag nobody sets",
            one("effects: [Set(\"lin_takes_you\"), ", "effects: ["),
        ),
        (
            "all weights 0",
            one(
                "weights: (burning_issue: 25, insider: 0, sequencing: 30, rank: 0, intensity: 10, outcome: 25, cost: 5, read: 5)",
                "weights: (burning_issue: 0, insider: 0, sequencing: 0, rank: 0, intensity: 0, outcome: 0, cost: 0, read: 0)",
            ),
        ),
        (
            "insider weighed but never scored",
            one(
                "weights: (burning_issue: 25, insider: 0, sequencing: 30,",
                "weights: (burning_issue: 25, insider: 5, sequencing: 30,",
            ),
        ),
        (
            "insider scored but weightless",
            one(
                "effects: [Learn(\"nights\")]",
                "effects: [Learn(\"nights\"), ChooseInsider(\"nurse_lin\")]",
            ),
        ),
        (
            "a rank decision without JudgeRank",
            one("kind: Decision(BurningIssue),", "kind: Decision(Rank),"),
        ),
        (
            "a character the font lacks",
            one("zh: \"签约\"", "zh: \"签约🎉\""),
        ),
        (
            "a missing translation",
            one(
                "title: (en: \"Deal board\", zh: \"商机看板\"),",
                "title: (en: \"Deal board\"),",
            ),
        ),
        (
            "a long text",
            one(
                "en: \"The quarter ends with nothing decided.\"",
                &format!("en: \"{}\"", "a".repeat(10_001)),
            ),
        ),
        (
            "a portrait outside the folder",
            one("known: true,", "known: true, portrait: Some(\"../x.png\"),"),
        ),
        // deal.rs
        (
            "introduced by himself",
            one("via: Some(\"nurse_lin\"),", "via: Some(\"director_xu\"),"),
        ),
        (
            "an introduction to nobody, a question to nobody",
            one(
                "id: \"walk_away\",",
                "id: \"walk_away\", via: Some(\"nurse_lin\"), ask: Some(Open),",
            ),
        ),
        (
            "an empty trap",
            one("trap: Some(\"discount\"),", "trap: Some(\"\"),"),
        ),
        (
            "an engine mistake as a trap",
            one("trap: Some(\"discount\"),", "trap: Some(\"over_head\"),"),
        ),
        (
            "activity 135",
            one("activity: Some(35),", "activity: Some(135),"),
        ),
        (
            "decision won is lost",
            one("won: \"won\",", "won: \"lost\","),
        ),
        (
            "decision weight 30",
            one("decision_maker: 3,", "decision_maker: 30,"),
        ),
        (
            "decision week 9",
            one("decision_week: Some(5)", "decision_week: Some(9)"),
        ),
        (
            "nothing decides",
            edited(&[(", decision_week: Some(5)", ""), ("effects: [Decide],", "")]),
        ),
        (
            "a partner without a shared ending",
            one("Competitor(\"bigsoft\", 1)]", "Partner(\"bigsoft\")]"),
        ),
        ("no decision model", without_decision(TUTORIAL)),
        (
            "an event decides without a model",
            without_decision(&one(
                "effects: [Competitor(\"bigsoft\", 1)],\n            news",
                "effects: [Decide],\n            news",
            )),
        ),
        // refs.rs, ids.rs, cast.rs
        (
            "start misspelt",
            one("start: \"board\",", "start: \"bord\","),
        ),
        (
            "timeout misspelt",
            one(
                "timeout_ending: \"quarter_closed\"",
                "timeout_ending: \"quarter_close\"",
            ),
        ),
        (
            "a reporting loop",
            one(
                "role: DecisionMaker,",
                "role: DecisionMaker, reports_to: Some(\"nurse_lin\"),",
            ),
        ),
        (
            "unknown id",
            one("meets: [\"nurse_lin\"]", "meets: [\"nurse_lim\"]"),
        ),
        (
            "go and end",
            one(
                "id: \"leave_lin\",",
                "id: \"leave_lin\", end: Some(\"dropped\"),",
            ),
        ),
        (
            "a look-alike letter in an id",
            one("id: \"leave_xu\",", "id: \"leave_\u{0445}u\","),
        ),
        (
            "a wait past the calendar, an absence backwards and one too late",
            edited(&[
                ("cost: (weeks: 1),", "cost: (weeks: 1, until: Some(99)),"),
                (
                    "known: true,",
                    "known: true, away: [(from: 4, to: 2), (from: 9, to: 10)],",
                ),
            ]),
        ),
    ]
}

/// A broken case's name, the code, a piece of the English message that picks the finding, and
/// what its Chinese message and hint contain.
type Expected<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a [&'a str]);

#[test]
fn validator_findings_are_said_in_chinese_with_their_ids() {
    let cases = broken_cases();
    let case = |name: &str| -> Vec<Diagnostic> {
        let (_, t) = cases.iter().find(|(n, _)| *n == name).unwrap();
        findings(t)
    };
    let expect: &[Expected] = &[
        // mod.rs
        (
            "duplicate id",
            "E010",
            "`ask_open`",
            &["选项的 id `ask_open` 重复了"],
            &["改个名字"],
        ),
        (
            "power 9",
            "E016",
            "`nurse_lin`",
            &["`nurse_lin`", "`power`", "9", "0–5"],
            &["`power`"],
        ),
        (
            "repeatable for free",
            "E015",
            "`call_lin`",
            &["`call_lin`", "反复选"],
            &["`cost: (weeks: 1)`"],
        ),
        (
            "no note",
            "E017",
            "`leave_lin`",
            &["选项 `leave_lin` 没有教学点评"],
            &["`note`"],
        ),
        (
            "event chance 0",
            "E016",
            "chance 0",
            &["事件 `bigsoft_demo`", "概率 0", "1–100"],
            &[],
        ),
        (
            "event chance 0",
            "E016",
            "empty window",
            &["事件 `bigsoft_demo`", "第 4 周", "第 2 周"],
            &[],
        ),
        (
            "a stuck scene",
            "E018",
            "`dead_end`",
            &["场景 `dead_end` 没有选项"],
            &["选项"],
        ),
        (
            "a stuck scene",
            "W102",
            "`dead_end`",
            &["场景 `dead_end` 永远走不到"],
            &["`go`"],
        ),
        (
            "an unused ending and a fact nobody learns",
            "W103",
            "`spare`",
            &["结局 `spare`"],
            &["`end`"],
        ),
        (
            "an unused ending and a fact nobody learns",
            "W107",
            "`secret`",
            &["信息 `secret`"],
            &["`Learn(\"…\")`"],
        ),
        (
            "no won ending",
            "W110",
            "`outcome: Won`",
            &["`outcome: Won`", "`value` 达到 100"],
            &["`Withdrew`"],
        ),
        (
            "a flag nobody sets",
            "W104",
            "`go_with_lin`",
            &["选项 `go_with_lin` 永远不会出现", "标记 `lin_takes_you`"],
            &[],
        ),
        (
            "all weights 0",
            "E019",
            "weights are 0",
            &["评分权重都是 0"],
            &["`burning_issue`"],
        ),
        (
            "insider weighed but never scored",
            "W105",
            "`insider`",
            &["`insider` 的权重是 5"],
            &["`Decision(Insider)`", "`ChooseInsider(...)`"],
        ),
        (
            "insider scored but weightless",
            "W106",
            "`insider`",
            &["`insider`", "权重是 0"],
            &["`insider`"],
        ),
        (
            "a rank decision without JudgeRank",
            "W108",
            "`decide`",
            &["决策场景 `decide`", "`JudgeRank(...)`"],
            &[],
        ),
        (
            "a character the font lacks",
            "W109",
            "U+1F389",
            &["`🎉`", "U+1F389", "方框"],
            &["GB2312"],
        ),
        (
            "a missing translation",
            "W101",
            "`board` title",
            &["`board` 的 `title` 没有中文（zh）译文"],
            &["`zh: \"…\"`"],
        ),
        ("a long text", "E020", "10000", &["10000"], &["删短"]),
        (
            "a portrait outside the folder",
            "E022",
            "`nurse_lin`",
            &["`nurse_lin` 的头像", "`../x.png`", "案例文件夹外面"],
            &["文件夹"],
        ),
        (
            "weightless variants",
            "E016",
            "weight 0",
            &["变体", "`weight`"],
            &[],
        ),
        // deal.rs
        (
            "introduced by himself",
            "W201",
            "`go_with_lin`",
            &["`go_with_lin`", "`director_xu` 不能把你引荐给他自己"],
            &["`via`"],
        ),
        (
            "an introduction to nobody, a question to nobody",
            "W201",
            "`walk_away`",
            &["`walk_away`", "`via`"],
            &["`meets`"],
        ),
        (
            "an introduction to nobody, a question to nobody",
            "W202",
            "`walk_away`",
            &["`walk_away` 提了一个问题"],
            &["`Meeting([...])`", "`meets`"],
        ),
        (
            "an empty trap",
            "E010",
            "`present_price`",
            &["`present_price` 的陷阱名"],
            &[],
        ),
        (
            "an engine mistake as a trap",
            "W203",
            "`over_head`",
            &["`present_price`", "`over_head`", "失误"],
            &["`fly_blind`"],
        ),
        (
            "activity 135",
            "E016",
            "`bigsoft`",
            &["`bigsoft`", "135%", "0–100"],
            &[],
        ),
        (
            "decision won is lost",
            "W204",
            "`lost`",
            &["`decision.won` 是 `lost`", "`outcome` 是 `lost`"],
            &["`outcome: Won`"],
        ),
        (
            "decision weight 30",
            "E016",
            "decision_maker is 30",
            &["`decision.weights.decision_maker` 是 30", "1–10"],
            &[],
        ),
        (
            "decision week 9",
            "E016",
            "decision_week is 9",
            &["`calendar.decision_week` 是第 9 周", "第 1–6 周"],
            &[],
        ),
        (
            "nothing decides",
            "W205",
            "`decision`",
            &["`decision`"],
            &["`calendar.decision_week`", "`Decide`"],
        ),
        (
            "a partner without a shared ending",
            "W206",
            "`shared`",
            &["竞争对手", "`shared`"],
            &["`shared: Some(\"…\")`"],
        ),
        (
            "no decision model",
            "W200",
            "`decision`",
            &["`decision`", "结局"],
            &["docs/case-format.md"],
        ),
        (
            "no decision model",
            "E024",
            "`calendar.decision_week`",
            &["`calendar.decision_week`", "`decision`"],
            &["`decision: Some((won: \"…\", lost: \"…\"))`"],
        ),
        (
            "no decision model",
            "E024",
            "`ask_committee`",
            &["`ask_committee` 让客户做决定"],
            &["最外层"],
        ),
        (
            "an event decides without a model",
            "E024",
            "event `bigsoft_demo`",
            &["事件 `bigsoft_demo` 让客户做决定"],
            &["`decision: Some((won: \"…\", lost: \"…\"))`"],
        ),
        // refs.rs, ids.rs, cast.rs
        (
            "go and end",
            "E013",
            "`leave_lin`",
            &["`leave_lin` 同时写了 `go` 和 `end`"],
            &["结束这单"],
        ),
        (
            "start misspelt",
            "E012",
            "`bord`",
            &["开始场景 `bord` 不存在"],
            &["是不是 `board`？"],
        ),
        (
            "timeout misspelt",
            "E011",
            "`quarter_close`",
            &["没有这个结局：`quarter_close`", "`calendar.timeout_ending`"],
            &["是不是 `quarter_closed`？"],
        ),
        (
            "a reporting loop",
            "E014",
            "`director_xu`",
            &["`director_xu`", "`reports_to`"],
            &["组织架构"],
        ),
        (
            "a look-alike letter in an id",
            "E023",
            "U+0445",
            &["选项的 id `leave_\u{0445}u` 含有 U+0445", "看起来像 `x`"],
            &["写成 `leave_xu`"],
        ),
        (
            "a wait past the calendar, an absence backwards and one too late",
            "E025",
            "until week 99",
            &["第 99 周"],
            &["第 6 周"],
        ),
    ];
    let mut codes = std::collections::BTreeSet::new();
    for (name, code, en, zh_msg, zh_hint) in expect {
        let ds = case(name);
        let d = finding(&ds, code, en);
        let (m, h) = zh(d);
        assert!(has_cjk(&m), "{name}: {m}");
        for x in *zh_msg {
            assert!(m.contains(x), "{name} {code}: `{x}` not in {m}");
        }
        for x in *zh_hint {
            assert!(h.contains(x), "{name} {code}: `{x}` not in hint {h}");
        }
        codes.insert(*code);
    }
    assert!(codes.len() >= 20, "{codes:?}");
}

/// The backticked pieces of a message that are single words (ids, fields, code).
fn quoted(s: &str) -> Vec<&str> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .filter(|q| !q.contains(' ') || (q.contains(['"', '(']) && !q.contains(" or ")))
        .collect()
}

#[test]
fn every_validator_finding_has_chinese_that_keeps_its_ids() {
    let mut seen = std::collections::BTreeSet::new();
    for (name, text) in broken_cases() {
        for d in findings(&text) {
            let z =
                d.zh.as_ref()
                    .unwrap_or_else(|| panic!("{name}: no Chinese for {d}"));
            seen.insert(d.code);
            assert!(has_cjk(&z.message), "{name}: {d}: {}", z.message);
            assert_eq!(d.hint.is_some(), z.hint.is_some(), "{name}: {d}: {z:?}");
            for q in quoted(&d.message) {
                assert!(
                    z.message.contains(q),
                    "{name}: `{q}` of {d} not in {}",
                    z.message
                );
            }
            // Chinese punctuation in the Chinese sentences (code in backticks stays ASCII).
            for s in [Some(&z.message), z.hint.as_ref()].into_iter().flatten() {
                let prose: String = s.split('`').step_by(2).collect();
                assert!(
                    !prose.contains([',', ';', ':', '?']),
                    "{name}: ASCII punctuation in {s}"
                );
            }
        }
    }
    // The broken cases between them make most of the validator's kinds of finding.
    for code in [
        "E010", "E011", "E012", "E013", "E014", "E015", "E016", "E017", "E018", "E019", "E020",
        "E022", "E023", "E024", "E025", "W101", "W102", "W103", "W104", "W105", "W106", "W107",
        "W108", "W109", "W110", "W112", "W115", "W200", "W201", "W202", "W203", "W204", "W205",
        "W206",
    ] {
        assert!(seen.contains(code), "no broken case makes {code}: {seen:?}");
    }
}

#[test]
fn the_bundled_cases_say_all_their_findings_in_chinese() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/cases")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let l = load_bytes(&p.to_string_lossy(), &std::fs::read(&p).unwrap());
        for d in &l.diagnostics {
            assert!(d.zh.is_some(), "no Chinese for {d}");
        }
    }
}
