//! `dealcraft graph CASE --format dot|mermaid|svg`

use super::output::out;
use super::{CmdResult, Failure, GraphFormat, load_case};
use crate::analysis::graph::{Format, render};
use crate::case::text::Lang;

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

/// The case map as SVG, laid out in Rust (`analysis::map`).
pub fn svg(case: &crate::case::Case, lang: Lang) -> Result<String, Failure> {
    crate::analysis::map::svg(case, lang).map_err(Failure::Invalid)
}
