//! A case ready to play: the case layer's checked model, compiled. Kept here so the arrows go
//! one way (case → engine): the case layer parses and validates, the engine compiles.

use std::path::Path;
use std::sync::Arc;

use super::Compiled;
use crate::case::Diagnostic;
use crate::case::load::{Checked, check_bytes, check_path};

/// The result of loading one file: the compiled case if it is usable, and everything found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: String,
    pub source: Option<String>,
    pub case: Option<Arc<Compiled>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
    /// The first error, for one-line messages.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }
}

impl From<Checked> for Loaded {
    fn from(c: Checked) -> Self {
        Loaded {
            file: c.file,
            source: c.source,
            case: c.case.map(|case| Arc::new(Compiled::new(case))),
            diagnostics: c.diagnostics,
        }
    }
}

/// Read, check and compile a case file (only regular files, bounded; see `case::load`).
pub fn load_path(path: &Path) -> Loaded {
    check_path(path).into()
}

/// Check and compile a case from its bytes.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Loaded {
    check_bytes(file, bytes).into()
}
