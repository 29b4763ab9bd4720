//! `dealcraft graph CASE --format dot|mermaid`

use super::output::out;
use super::{CmdResult, GraphFormat, load_case};
use crate::analysis::graph::{Format, render};
use crate::case::text::Lang;

pub fn run(case: &str, format: GraphFormat, lang: Lang) -> CmdResult {
    let c = load_case(case)?;
    let f = match format {
        GraphFormat::Dot => Format::Dot,
        GraphFormat::Mermaid => Format::Mermaid,
    };
    out!("{}", render(&c.case, f, lang));
    Ok(())
}
