//! The NHS login help widget in the browser: renders the app for the current
//! address, then puts it in place of the prerendered page in one step.

/// Talc instead of the standard library's dlmalloc: the same job in fewer
/// bytes of wasm (measured in the README's size figures). The page is one
/// thread, so its lock is none.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    nhs_login_help::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("this is the browser entry point: build it with `trunk build` (the native prerender is `--bin prerender`)");
    std::process::exit(2);
}
