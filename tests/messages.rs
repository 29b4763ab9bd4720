//! Parse errors in the author's words (issue 13's list): each mistake a sales manager made
//! writing a case, fed to the loader, gives its place and the fix — not the RON parser's terms.

use dealcraft::case::Diagnostic;
use dealcraft::engine::load_bytes;

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
}

#[test]
fn a_hash_comment_says_comments_start_with_slashes() {
    let (_, d) = broken("    scenes: [", "    scenes: [\n    # the scenes");
    assert!(d.message.contains("`#` does not start a comment"), "{d}");
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
    // A warning: the case still loads.
    assert!(l.case.is_some());
}
