//! `swipefix-lab`: see `swipefix_lab::cli`.

fn main() -> std::process::ExitCode {
    swipefix_lab::cli::main()
}
