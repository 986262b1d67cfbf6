//! The NHS login help widget in the browser: renders the app for the current
//! address, then puts it in place of the prerendered page in one step.

#[cfg(target_arch = "wasm32")]
fn main() {
    nhs_login_help::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("this is the browser entry point: build it with `trunk build` (the native prerender is `--bin prerender`)");
    std::process::exit(2);
}
