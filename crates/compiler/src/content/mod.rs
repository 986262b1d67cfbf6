//! Reading `content/` into the model: front matter, Markdown and raw HTML
//! (sanitised and checked), headings and their ids, links, partner
//! profiles, the register of references and review dates.

pub mod dates;
pub mod front_matter;
pub mod html_check;
pub mod links;
pub mod markdown;
pub mod partners;
pub mod register;
pub mod review;
pub mod sanitize;
pub mod slug;
pub mod structure;
