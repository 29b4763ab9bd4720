//! `dealcraft`: the game (no arguments) and the tools for authors and instructors; in the
//! browser, the game alone.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    dealcraft::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The page's query string chooses what a command line would (`?case=haicheng&seed=7&lang=zh`).
    if let Err(e) = dealcraft::app::run(dealcraft::web::page_options()) {
        // On the page, where the loading note was: a trainee sees why, not a blank page.
        if let Some(note) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("loading"))
        {
            note.set_text_content(Some(&format!("Dealcraft could not start · 无法启动: {e}")));
        }
        web_sys::console::error_1(&e.into());
    }
}
