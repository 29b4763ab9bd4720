//! Validation is linear in the file: the 2 MB cases of issue 10 (font coverage, unlearned facts,
//! unknown references, a one-line file) are checked with work counted — bytes read plus lookup
//! steps — and that work must stay within a small multiple of the file's size. The time is
//! measured by `cargo bench --bench hardening`, not here.
//!
//! Warnings never block: a case with only warnings, however many, loads.

mod hostile_gen;

use dealcraft::case::load::parse;
use dealcraft::case::validate::{MAX_DIAGNOSTICS, validate_counted};
use dealcraft::engine::load_bytes;

/// Validate `src`, assert the work is linear, return the diagnostics' codes.
fn linear(name: &str, src: &str) -> Vec<&'static str> {
    assert!(src.len() <= hostile_gen::MAX, "{name}: {} bytes", src.len());
    let case = parse(name, src).unwrap_or_else(|d| panic!("{name}: {d}"));
    let (diags, work) = validate_counted(&case, src, name);
    assert!(
        work <= 3 * src.len() + 100_000,
        "{name}: {work} units of work for {} bytes",
        src.len()
    );
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    assert!(
        errors <= MAX_DIAGNOSTICS + 1 && warnings <= MAX_DIAGNOSTICS + 1,
        "{name}: {errors} errors, {warnings} warnings"
    );
    diags.iter().map(|d| d.code).collect()
}

#[test]
fn two_megabytes_of_rare_characters_validate_linearly_and_load() {
    let src = hostile_gen::font_heavy();
    assert!(src.len() > 2_000_000, "{}", src.len());
    let codes = linear("font.ron", &src);
    let w109 = codes.iter().filter(|&&c| c == "W109").count();
    assert!(w109 >= MAX_DIAGNOSTICS - 5, "{w109} × W109");
    assert!(codes.contains(&"W111"), "the warnings cap is named");
    let loaded = load_bytes("font.ron", src.as_bytes());
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.first_error());
    assert!(loaded.case.is_some(), "warnings never block loading");
}

#[test]
fn ten_thousand_unlearned_facts_validate_linearly_and_load() {
    let src = hostile_gen::unlearned_facts(10_000);
    let codes = linear("facts.ron", &src);
    assert!(codes.iter().filter(|&&c| c == "W107").count() == MAX_DIAGNOSTICS);
    assert!(load_bytes("facts.ron", src.as_bytes()).case.is_some());
}

#[test]
fn hundreds_of_missing_translations_do_not_block() {
    let src = hostile_gen::missing_translations(369);
    let loaded = load_bytes("w101.ron", src.as_bytes());
    let w101 = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == "W101")
        .count();
    assert_eq!(w101, MAX_DIAGNOSTICS);
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.first_error());
    let cap = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "W111")
        .unwrap();
    assert!(!cap.is_error());
    assert!(
        cap.message.contains("stopped after 200 warnings"),
        "{}",
        cap.message
    );
    assert!(
        loaded.case.is_some(),
        "369 × W101 must not stop the case from loading"
    );
}

#[test]
fn errors_and_warnings_are_capped_separately() {
    let src = hostile_gen::many_unknown_scenes(30_000);
    let src = &src[..];
    assert!(src.len() < hostile_gen::MAX, "{}", src.len());
    let codes = linear("refs.ron", src);
    let e011 = codes.iter().filter(|&&c| c == "E011").count();
    assert!(e011 >= MAX_DIAGNOSTICS - 5, "{e011} × E011");
    assert!(codes.contains(&"E021"));
}

#[test]
fn a_one_line_file_full_of_errors_validates_linearly() {
    let mut n = 1_000;
    while hostile_gen::one_line_with_errors(n * 2).len() < hostile_gen::MAX {
        n *= 2;
    }
    let src = hostile_gen::one_line_with_errors(n);
    let codes = linear("line.ron", &src);
    assert!(codes.contains(&"E021"), "{} findings", codes.len());
}
