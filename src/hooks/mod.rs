//! The app's effects, one hook each, the way Yew's `function_todomvc` keeps
//! them: the root lists what the app does, and each file says how.

pub mod bodies;
pub mod connection;
pub mod focus;
pub mod frame_bridge;
pub mod history;
pub mod search_index;
pub mod title;
