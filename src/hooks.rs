//! Side effects, kept out of the reducer and the components.

mod use_dataset;
mod use_details_open;
mod use_host_scheme;
mod use_link_sync;
mod use_on_change;

pub use use_dataset::use_dataset;
pub use use_details_open::use_details_open;
pub use use_host_scheme::use_host_scheme;
pub use use_link_sync::use_link_sync;
pub use use_on_change::use_on_change;
