//! `dealcraft cases`

use super::output::outln;
use serde::Serialize;

use super::CmdResult;
use super::output::print_json;
use crate::bundled;
use crate::case::text::Lang;

#[derive(Serialize)]
struct Entry {
    id: String,
    title_en: String,
    title_zh: String,
    languages: Vec<&'static str>,
    difficulty: String,
    weeks: u32,
    scenes: usize,
    choices: usize,
    bytes: usize,
    errors: usize,
}

pub fn run(json: bool) -> CmdResult {
    let mut entries = Vec::new();
    for ((file, src), loaded) in bundled::BUNDLED.iter().zip(bundled::load_all()) {
        let id = bundled::id_of(file).to_string();
        let Some(c) = loaded.case.as_ref() else {
            entries.push(Entry {
                id,
                title_en: String::new(),
                title_zh: String::new(),
                languages: vec![],
                difficulty: String::new(),
                weeks: 0,
                scenes: 0,
                choices: 0,
                bytes: src.len(),
                errors: loaded.errors(),
            });
            continue;
        };
        let case = &c.case;
        let languages = [Lang::En, Lang::Zh]
            .into_iter()
            .filter(|&l| case.title.has(l))
            .map(|l| l.code())
            .collect();
        entries.push(Entry {
            id,
            title_en: case.title.get(Lang::En).to_string(),
            title_zh: case.title.get(Lang::Zh).to_string(),
            languages,
            difficulty: format!("{:?}", case.difficulty),
            weeks: case.calendar.weeks,
            scenes: case.scenes.len(),
            choices: c.choices.len(),
            bytes: src.len(),
            errors: loaded.errors(),
        });
    }
    if json {
        return print_json(&entries);
    }
    outln!(
        "{:<14} {:<8} {:<6} {:>5} {:>7} {:>7}  TITLE",
        "ID",
        "LANG",
        "LEVEL",
        "WEEKS",
        "CHOICES",
        "KB"
    );
    for e in &entries {
        outln!(
            "{:<14} {:<8} {:<6} {:>5} {:>7} {:>7.1}  {} / {}",
            e.id,
            e.languages.join("+"),
            e.difficulty,
            e.weeks,
            e.choices,
            e.bytes as f64 / 1024.0,
            e.title_en,
            e.title_zh
        );
    }
    Ok(())
}
