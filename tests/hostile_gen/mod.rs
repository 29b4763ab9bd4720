//! Generators of hostile cases, shared by the tests and the benchmarks (`#[path]`-included):
//! each reproduces one failure of issue 10 at full size without storing megabytes in git.
#![allow(dead_code)]

/// The size limit of a case file.
pub const MAX: usize = 2 * 1024 * 1024;

/// A minimal valid case around `facts`, the effects of its one ending choice, `more_choices`
/// (after that choice, in the start scene) and `more_scenes`.
pub fn case(facts: &str, effects: &str, more_choices: &str, more_scenes: &str) -> String {
    format!(
        "Case(id:\"r\",title:(en:\"t\"),summary:(en:\"s\"),briefing:(en:\"b\"),\n\
         calendar:(weeks:10,budget:100,timeout_ending:\"e\"),\n\
         seller:(company:(en:\"c\"),you:(en:\"y\")),customer:(name:(en:\"n\")),\n\
         stakeholders:[],facts:[{facts}],start:\"a\",\n\
         scenes:[(id:\"a\",title:(en:\"a\"),text:(en:\"a\"),choices:[\n\
         (id:\"c\",label:(en:\"c\"),note:(en:\"n\"),effects:[{effects}],end:\"e\"){more_choices}]){more_scenes}],\n\
         endings:[(id:\"e\",title:(en:\"e\"),outcome:Won,value:50,text:(en:\"e\"))],\n\
         scoring:(weights:(outcome:1)))\n"
    )
}

/// Close to 2 MB of text in characters the font cannot draw (all distinct: CJK Extension B),
/// in facts of 2,000 characters each, all learned: only W109 warnings.
pub fn font_heavy() -> String {
    let mut facts = Vec::new();
    let mut learns = Vec::new();
    let mut len = 2_000;
    let mut next = 0x20000u32;
    let mut i = 0;
    while len < MAX - 20_000 {
        let text: String = (0..2_000)
            .filter_map(|_| {
                next += 1;
                char::from_u32(next)
            })
            .collect();
        let f = format!("(id:\"f{i}\",text:(en:\"{text}\"))");
        let l = format!("Learn(\"f{i}\")");
        len += f.len() + l.len() + 4;
        facts.push(f);
        learns.push(l);
        i += 1;
    }
    case(&facts.join(",\n"), &learns.join(","), "", "")
}

/// `n` facts that nothing teaches: W107 each.
pub fn unlearned_facts(n: usize) -> String {
    let facts: Vec<String> = (0..n)
        .map(|i| format!("(id:\"f{i}\",text:(en:\"a fact\"))"))
        .collect();
    case(&facts.join(",\n"), "", "", "")
}

/// A bilingual case in which `n` choices have an English label only: `n` × W101.
pub fn missing_translations(n: usize) -> String {
    let choices: String = (0..n)
        .map(|i| {
            format!(",\n(id:\"x{i}\",label:(en:\"label {i}\"),note:(en:\"n\",zh:\"注\"),end:\"e\")")
        })
        .collect();
    case("", "", &choices, "").replace("title:(en:\"t\")", "title:(en:\"t\",zh:\"题\")")
}

/// A chain of `n` once-only choices in the start scene, each offered after the one before: a
/// game `n` moves long (the explorer recurses once per move).
pub fn chain(n: usize) -> String {
    let choices: String = (0..n)
        .map(|i| {
            let when = if i == 0 {
                String::new()
            } else {
                format!("when:[Chose(\"k{}\")],", i - 1)
            };
            let end = if i + 1 == n { ",end:\"e\"" } else { "" };
            format!(",\n(id:\"k{i}\",label:(en:\"k\"),note:(en:\"n\"),{when}effects:[]{end})")
        })
        .collect();
    case("", "", &choices, "")
}

/// A start scene with `n` free, once-only choices that can be taken in any order: 2^n states.
pub fn free_choices(n: usize) -> String {
    let choices: String = (0..n)
        .map(|i| format!(",\n(id:\"free{i}\",label:(en:\"f\"),note:(en:\"n\"))"))
        .collect();
    case("", "", &choices, "")
}

/// The whole case on one line, with `n` unknown references (E011 each).
pub fn one_line_with_errors(n: usize) -> String {
    let effects: Vec<String> = (0..n).map(|i| format!("Learn(\"nope{i}\")")).collect();
    case("", &effects.join(","), "", "").replace('\n', " ")
}

/// `n` choices of one scene each pointing at a scene that does not exist (E011 each), to fill
/// the file: the did-you-mean of each must not scan every id.
pub fn many_unknown_scenes(n: usize) -> String {
    let choices: String = (0..n)
        .map(|i| format!(",\n(id:\"u{i}\",label:(en:\"u\"),note:(en:\"n\"),go:\"missing{i}\")"))
        .collect();
    case("", "", &choices, "")
}
