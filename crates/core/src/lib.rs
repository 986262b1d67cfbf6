//! The platform-free heart of the NHS login help widget.
//!
//! Everything here is plain data and pure functions: the content model the
//! build-time compiler produces and the app renders, the page-file URL
//! contract, and error-reference recognition. No `web-sys`, no `yew`, so it is
//! tested natively in milliseconds and shared by the compiler and the app.

pub mod bodies;
pub mod bundle;
pub mod error_code;
pub mod given;
pub mod html;
pub mod ids;
pub mod model;
pub mod partner;
pub mod references;
pub mod route;
pub mod walk;

pub use error_code::ErrorCode;
pub use bodies::{Bodies, PageBody};
pub use model::{Block, ContentsItem, Inline, LinkTarget, Naming, Notice, Page, PageKind, Partner, Place, Reference, Section, Site};
pub use route::Route;
