//! `dealcraft graph CASE --format dot|mermaid|svg`

use super::output::out;
use super::{CmdResult, Failure, GraphFormat, load_case};
use crate::analysis::graph::{Format, render};
use crate::case::text::Lang;

/// Scenes beyond which the SVG layout is refused: the layout's crossing reduction grows
/// faster than linearly, and a map that large is unreadable anyway (`--format dot` remains).
pub const MAX_SVG_SCENES: usize = 400;

pub fn run(case: &str, format: GraphFormat, lang: Lang) -> CmdResult {
    let c = load_case(case)?;
    let f = match format {
        GraphFormat::Dot => Format::Dot,
        GraphFormat::Mermaid => Format::Mermaid,
        GraphFormat::Svg => {
            out!("{}", svg(&c.case, lang)?);
            return Ok(());
        }
    };
    out!("{}", render(&c.case, f, lang));
    Ok(())
}

/// The case map as SVG, laid out by layout-rs (a Rust implementation of Graphviz's layered
/// layout) from the compact DOT.
pub fn svg(case: &crate::case::Case, lang: Lang) -> Result<String, Failure> {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};
    if case.scenes.len() > MAX_SVG_SCENES {
        return Err(Failure::Invalid(format!(
            "{} scenes: the SVG map is drawn for at most {MAX_SVG_SCENES}; use `--format dot` and Graphviz",
            case.scenes.len()
        )));
    }
    let dot = render(case, Format::DotCompact, lang);
    // The layout library is not ours: a panic inside it becomes an error, never a crash.
    std::panic::catch_unwind(move || {
        let mut parser = DotParser::new(&dot);
        let graph = parser.process().map_err(|e| e.to_string())?;
        let mut builder = GraphBuilder::new();
        builder.visit_graph(&graph);
        let mut visual = builder.get();
        let mut writer = SVGWriter::new();
        visual.do_it(false, false, false, &mut writer);
        Ok::<String, String>(writer.finalize())
    })
    .map_err(|_| Failure::Invalid("the map could not be laid out (layout-rs panicked)".into()))?
    .map_err(|e| Failure::Invalid(format!("the map could not be laid out: {e}")))
}
