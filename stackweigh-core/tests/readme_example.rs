//! The custom dataset the README documents is valid and works.

mod common;

use stackweigh_core::{evaluate, Choices};

#[test]
fn the_readme_custom_dataset_example_is_valid_and_recommends() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("<script type=\"application/json\">")
        .expect("the README has a dataset example");
    let body = &readme[start..];
    let json = &body[body.find('\n').unwrap()..body.find("</script>").unwrap()];
    let d = common::from_json(json).unwrap_or_else(|e| panic!("README example: {e}"));
    assert_eq!(d.options.len(), 3);
    let outcome = evaluate(&d, &Choices::for_project_types(&d, vec![0], None));
    assert_eq!(outcome.verdict.id(&d), "go");
}
