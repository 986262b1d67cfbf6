//! Small views shared by the pages. They render the model; they hold no rules.

pub mod blocks;
pub mod breadcrumbs;
pub mod feedback;
pub mod footer;
pub mod header;
pub mod offline_notice;
pub mod page_link;
pub mod reference_list;
pub mod search;
pub mod section;
