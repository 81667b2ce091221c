//! One file per component. Each renders what the core computed and reports what the
//! visitor did through `on_*` callbacks; none of them scores anything.

mod answer_bar;
mod comparison_table;
mod controls;
mod credits;
mod faq;
pub(crate) mod firmness;
mod hire_kit;
mod notices;
mod project_type_chips;
mod said;
mod same;
pub(crate) mod score_chart;
mod share_panel;
mod team_choice;
mod verdict_panel;
mod weight_slider;

pub use answer_bar::AnswerBar;
pub use comparison_table::ComparisonTable;
pub use controls::Controls;
pub use credits::Credits;
pub use faq::Faq;
pub use hire_kit::HireKit;
pub use notices::Notices;
pub use project_type_chips::ProjectTypeChips;
pub use same::{use_kept_ref, Same};
pub use score_chart::ScoreChart;
pub use share_panel::SharePanel;
pub use team_choice::TeamChoice;
pub use verdict_panel::VerdictPanel;
pub use weight_slider::WeightSlider;
