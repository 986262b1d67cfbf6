//! The files written beside the pages for the host, partners and the
//! browser: the page files' head script and start-up, `_headers`, the
//! embed scripts and `embed-config.json`, the offline worker's list and
//! `references.json`. A new output file belongs here.

pub mod embed;
pub mod first_visit;
pub mod headers;
pub mod offline;
pub mod references_file;
