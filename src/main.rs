//! `dealcraft`: the game (no arguments) and the tools for authors and instructors.

fn main() -> std::process::ExitCode {
    dealcraft::cli::main()
}
