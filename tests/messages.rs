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
