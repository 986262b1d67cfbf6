//! One view per kind of route.

pub mod article;
pub mod hub;
pub mod not_found;
pub mod references;
