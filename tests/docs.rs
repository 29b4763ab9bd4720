//! The documentation's example case must be a real, clean case.

use dealcraft::engine::load_bytes;

/// The ```ron block of a markdown file whose first code line starts with `Case(`.
fn example_case(markdown: &str) -> Option<String> {
    let mut blocks = markdown.split("```ron\n").skip(1);
    blocks.find_map(|b| {
        let body = b.split("\n```").next()?;
        let first = body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("//"))?;
        first.starts_with("Case(").then(|| body.to_string())
    })
}

#[test]
fn case_format_example_validates_without_warnings() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/case-format.md"))
        .expect("docs/case-format.md exists");
    let example = example_case(&doc)
        .expect("docs/case-format.md has a complete ```ron example starting with Case(");
    let loaded = load_bytes("docs/case-format.md#example", example.as_bytes());
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let case = loaded.case.expect("example loads");
    let a = dealcraft::analysis::analyze(&case, 1, 0, 1_000_000, || {});
    assert!(a.exhaustive);
    assert!(a.dead_ends.is_empty(), "{:?}", a.dead_ends);
    assert!(a.unreachable.is_empty(), "{:?}", a.unreachable);
}
