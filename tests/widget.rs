//! The widget in headless Chromium: what a visitor sees when they use it.
//! Run with `cargo xtask test` (wasm-bindgen-test-runner drives Chromium).

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use stackweigh::state::Shared;
use stackweigh::{App, AppProps, Widget};
use stackweigh_core::start::{resolve, Requested};
use stackweigh_core::{evaluate, Choices, Dataset, Settings};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// An element on the page for `Widget::mount`, standing in for `<stack-weigh>`.
fn host_in_page() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// Lets Yew render and run effects, however long that takes on a busy machine, and the
/// browser deliver what it sends in a later task (`<details>` toggles).
async fn settle() {
    yew::scheduler::flush().await;
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    yew::scheduler::flush().await;
}

struct Mounted {
    root: Element,
}

impl Mounted {
    async fn new(props: AppProps) -> Mounted {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        Renderer::<App>::with_root_and_props(root.clone(), props).render();
        settle().await;
        Mounted { root }
    }

    async fn builtin() -> Mounted {
        Mounted::new(props(Settings::default())).await
    }

    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into().ok())
            .collect()
    }

    fn verdict(&self) -> String {
        self.find(".sw-verdict")
            .get_attribute("data-verdict")
            .unwrap()
    }

    /// The roles whose hiring kits show, in order (a kit shown before stays, hidden).
    fn kits(&self) -> Vec<String> {
        self.all("[data-role]:not([hidden])")
            .iter()
            .filter_map(|e| e.get_attribute("data-role"))
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn slider(&self, criterion: &str) -> HtmlInputElement {
        self.find(&format!("input[type=range][data-criterion='{criterion}']"))
            .dyn_into()
            .unwrap()
    }

    async fn slide(&self, criterion: &str, value: u8) {
        let input = self.slider(criterion);
        input.set_value(&value.to_string());
        input.dispatch_event(&Event::new("input").unwrap()).unwrap();
        settle().await;
    }

    async fn click(&self, selector: &str) {
        self.find(selector)
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        settle().await;
    }

    fn slider_values(&self, dataset: &Dataset) -> Vec<f64> {
        dataset
            .criteria
            .iter()
            .map(|c| self.slider(&c.id).value_as_number())
            .collect()
    }
}

fn builtin() -> &'static Dataset {
    Dataset::builtin()
}

/// The App's props for `dataset`, started from what the host asked for, as the embed
/// starts it.
fn props_for(dataset: Shared<Dataset>, requested: Requested) -> AppProps {
    AppProps {
        start: Rc::new(resolve(&dataset, &requested)).into(),
        dataset,
        embed_page: "embed.html".into(),
        sync_url: false,
        on_first_render: Callback::noop(),
        on_change: Callback::noop(),
    }
}

fn props(settings: Settings) -> AppProps {
    props_for(
        builtin().into(),
        Requested {
            settings,
            ..Requested::default()
        },
    )
}

#[wasm_bindgen_test]
async fn moving_a_slider_changes_the_verdict_exactly_as_the_engine_says() {
    let widget = Mounted::builtin().await;
    let d = Dataset::builtin();
    let mut choices = Choices::defaults(d);
    assert_eq!(widget.verdict(), evaluate(d, &choices).verdict.id(d));
    for (criterion, value) in [
        ("data-science", 10),
        ("full-stack-js", 0),
        ("performance", 2),
        ("data-science", 3),
    ] {
        widget.slide(criterion, value).await;
        choices.weights[d.criterion_index(criterion).unwrap()] = f64::from(value);
        let expected = evaluate(d, &choices);
        assert_eq!(
            widget.verdict(),
            expected.verdict.id(d),
            "after {criterion} = {value}"
        );
        let node_score = widget.text("[data-score='node']");
        assert_eq!(
            node_score,
            stackweigh_core::explain::score(expected.scores.mean[0])
        );
        assert_eq!(
            widget.text(".sw-verdict-text"),
            stackweigh_core::explain::headline(d, &expected.verdict)
        );
    }
    // Data science critical, full-stack JS ignored, performance low: Python clearly.
    widget.slide("data-science", 10).await;
    assert_eq!(widget.verdict(), "python");
    assert_eq!(widget.text(".sw-verdict-text"), "Clear: hire Python");
    assert_eq!(
        widget
            .find(".sw-verdict")
            .get_attribute("data-strength")
            .as_deref(),
        Some("clear")
    );
}

#[wasm_bindgen_test]
async fn each_slider_says_its_weight_in_words_and_where_the_verdict_flips() {
    let widget = Mounted::builtin().await;
    widget.slide("talent", 9).await;
    let slider = widget.slider("talent");
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("9, critical")
    );
    widget.slide("talent", 0).await;
    assert_eq!(
        widget
            .slider("talent")
            .get_attribute("aria-valuetext")
            .as_deref(),
        Some("0, not important")
    );
    // Back at the start, with every weight equal it is too close to call. Full-stack
    // JavaScript makes Node.js the lean above 5.7, and Python below 0.1; data science has
    // one tipping point, below it.
    widget.slide("talent", 5).await;
    // Each caption ends with its mark: tipping points are our rule.
    let caption = |c: &str| {
        let text = widget.text(&format!("[data-criterion-row='{c}'] .sw-tip-text"));
        match text.strip_suffix(" ours: Tipping points") {
            Some(caption) => caption.to_string(),
            None => panic!("the caption is marked as ours: {text}"),
        }
    };
    // The marks are one path, a square each.
    let marks = |c: &str| {
        widget
            .all(&format!("[data-criterion-row='{c}'] .sw-tip-mark"))
            .first()
            .expect("every ruler has its marks' path")
            .get_attribute("d")
            .unwrap_or_default()
            .matches('M')
            .count()
    };
    assert_eq!(
        caption("full-stack-js"),
        "Below 0.1: leans Python. Above 5.7: leans Node.js."
    );
    assert_eq!(marks("full-stack-js"), 2);
    assert_eq!(caption("data-science"), "Below 4.3: leans Node.js.");
    assert_eq!(marks("data-science"), 1);
    // Where no weight changes the answer, the slider says nothing about it.
    assert!(widget
        .all("[data-criterion-row='talent'] .sw-tip-text:not([hidden])")
        .is_empty());
    assert_eq!(marks("talent"), 0);
    widget.slide("full-stack-js", 7).await;
    assert_eq!(widget.verdict(), "node");
    // No weight up to 10 makes it a clear call: above, nothing is said.
    assert_eq!(caption("full-stack-js"), "Below 5.7: too close to call.");
}

#[wasm_bindgen_test]
async fn each_slider_shows_the_sources_scores_and_notes() {
    let widget = Mounted::builtin().await;
    // One line per option: its score out of 10 from the source, and the source's note.
    let lines: Vec<String> = widget
        .all("[data-evidence='data-science'] li")
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        lines,
        [
            "Node.js 3 · limited: not a native ML environment",
            "Python 9 · the industry standard: TensorFlow, PyTorch"
        ]
    );
    // Every criterion shares its scores' source, and every note its own: each is named
    // once, above the sliders, with the part of the article it comes from.
    assert_eq!(
        widget.text(".sw-weights > .sw-hint").trim(),
        "Scores out of 10. OfflinePixel, “Detailed Comparison” The notes beside them. CompanyBench Editorial, “Node.js vs Python: Side-by-Side Comparison”"
    );
    // Hiring cost's scores are our conversion of OfflinePixel's pay, and say so.
    let cost = widget.text("[data-evidence='hiring-cost']");
    assert!(
        cost.contains("These scores are our conversion of OfflinePixel's figures"),
        "{cost}"
    );
    assert!(cost.ends_with("ours: Converted scores"), "{cost}");
}

#[wasm_bindgen_test]
async fn chips_apply_presets_and_several_combine() {
    let widget = Mounted::builtin().await;
    let d = Dataset::builtin();
    widget.click("button[data-project-type='real-time']").await;
    assert_eq!(
        widget
            .find("button[data-project-type='real-time']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let real_time = d.project_index("real-time").unwrap();
    assert_eq!(widget.slider_values(d), d.preset_weights(real_time));
    assert_eq!(widget.verdict(), "node");

    widget
        .click("button[data-project-type='machine-learning']")
        .await;
    let ml = d.project_index("machine-learning").unwrap();
    let combined = stackweigh_core::choices::combined_presets(d, &[real_time, ml]).unwrap();
    assert_eq!(widget.slider_values(d), combined);
    assert_eq!(widget.verdict(), "both");
    assert_eq!(
        widget.text(".sw-verdict-text"),
        "You may need both: Python and Node.js"
    );
    assert!(widget
        .text(".sw-both")
        .contains("working knowledge of the other"));
    // With neither language in the team, our hiring order, marked ours, from the sources'
    // note on who is easier to find (theirs), and the kits in that order.
    let both = widget.text(".sw-both-lines");
    assert!(
        both.contains("If you hire one at a time, start with Python. ours: Hiring order"),
        "{both}"
    );
    assert!(
        both.contains("Python developers with Node.js exposure are more common than the reverse: worth weighing when you order your hires. CompanyBench Editorial, “When You Actually Need Both”"),
        "{both}"
    );
    assert_eq!(widget.kits(), ["python-ml", "node-backend"]);
    // A reader opens the Node.js kit.
    let node_kit = widget.find("[data-role='node-backend']");
    node_kit.set_attribute("open", "").unwrap();
    // A Python team lacks Node.js: that is the first hire, and its kit comes first, moved
    // rather than rebuilt, still open.
    widget.click("input[type=radio][value='python']").await;
    assert!(widget
        .text(".sw-both-lines")
        .contains("Hire Node.js first: your team already writes Python. ours: Hiring order"));
    assert_eq!(widget.kits(), ["node-backend", "python-ml"]);
    let moved = widget.find("[data-role='node-backend']");
    assert!(
        moved.is_same_node(Some(&node_kit)) && moved.has_attribute("open"),
        "the kit was rebuilt"
    );
    widget.click("input[type=radio][value='neither']").await;

    widget.click("button[data-project-type='real-time']").await;
    assert_eq!(widget.verdict(), "python");
    assert_eq!(widget.slider_values(d), d.preset_weights(ml));
    // Its kit is no longer shown, and not rebuilt either: it waits, hidden.
    assert_eq!(widget.kits(), ["python-ml"]);
    assert!(node_kit.is_connected() && node_kit.has_attribute("hidden"));

    // Recommended again, it is the same kit, as the reader left it.
    widget.click("button[data-project-type='real-time']").await;
    assert_eq!(widget.kits(), ["python-ml", "node-backend"]);
    let shown = widget.find("[data-role='node-backend']");
    assert!(shown.is_same_node(Some(&node_kit)), "the kit was rebuilt");
    assert!(!shown.has_attribute("hidden") && shown.has_attribute("open"));
}

#[wasm_bindgen_test]
async fn sliders_are_native_ranges_reachable_from_the_keyboard() {
    let widget = Mounted::builtin().await;
    let d = Dataset::builtin();
    for c in &d.criteria {
        let slider = widget.slider(&c.id);
        assert_eq!(slider.type_(), "range");
        assert_eq!(
            (slider.min(), slider.max(), slider.step()),
            ("0".into(), "10".into(), "1".into())
        );
        assert!(!slider.disabled() && slider.tab_index() >= 0);
        // Labelled: the label's `for` points at it.
        let label = widget.find(&format!("label[for='{}']", slider.id()));
        assert_eq!(label.text_content().unwrap(), c.name);
        slider.focus().unwrap();
        assert_eq!(
            widget
                .root
                .get_root_node()
                .dyn_into::<web_sys::Document>()
                .unwrap()
                .active_element()
                .unwrap(),
            slider.clone().into()
        );
    }
}

#[wasm_bindgen_test]
async fn the_live_region_speaks_when_the_verdict_changes_and_not_on_every_step() {
    let widget = Mounted::builtin().await;
    let start = widget.text("[data-live]");
    assert!(start.starts_with("What are you building? Pick"), "{start}");
    widget.click("button[data-project-type='real-time']").await;
    let before = widget.text("[data-live]");
    assert!(before.starts_with("Leans Node.js."), "{before}");
    widget.slide("performance", 9).await;
    assert_eq!(widget.text(".sw-verdict-text"), "Leans Node.js");
    assert_eq!(
        widget.text("[data-live]"),
        before,
        "same answer, same words"
    );
    widget.slide("data-science", 10).await;
    let after = widget.text("[data-live]");
    assert_ne!(after, before);
    assert!(after.starts_with("Leans Python."), "{after}");
}

#[wasm_bindgen_test]
async fn the_first_view_tells_no_one_to_hire() {
    let widget = Mounted::builtin().await;
    assert_eq!(widget.verdict(), "either");
    assert_eq!(widget.text(".sw-verdict-text"), "What are you building?");
    let sentence = widget.text(".sw-sentence");
    assert!(
        sentence.contains("every criterion weighted equally"),
        "{sentence}"
    );
    assert!(
        sentence.contains("Node.js scores 7.4 and Python 7.0 out of 10"),
        "{sentence}"
    );
    let answer = widget.text(".sw-result").to_lowercase();
    assert!(
        !answer.contains("hire"),
        "the answer tells no one to hire: {answer}"
    );
    assert!(widget.kits().is_empty(), "no hiring kit yet");
    // The sources' advice for a team that writes neither language.
    assert!(widget
        .text(".sw-team-advice")
        .contains("data-heavy work points to Python"));
}

#[wasm_bindgen_test]
async fn a_chosen_project_type_shows_what_the_sources_say_without_hovering() {
    let widget = Mounted::builtin().await;
    widget.click("button[data-project-type='real-time']").await;
    let sources = widget.text(".sw-sources [data-project='real-time']");
    assert!(
        sources.starts_with("Real-time app (chat, notifications, live data): hire Node.js. CompanyBench Editorial, “What You're Building: The Hiring Decision Guide”"),
        "{sources}"
    );
    assert!(sources.contains("simultaneous connections"), "{sources}");
    assert!(sources.contains("Our preset weights"), "{sources}");
    assert!(sources.ends_with("ours: Presets"), "{sources}");
    assert!(widget.all(".sw-contradiction").is_empty());
    // The sources' words and ours are marked apart: the verdict and reason with the
    // article's sections, our preset with a framed "ours" tag.
    let marks: Vec<String> = widget
        .all(".sw-sources [data-project='real-time'] .sw-whose")
        .iter()
        .map(|m| m.get_attribute("data-whose").unwrap_or_default())
        .collect();
    assert_eq!(marks, ["source", "source", "ours"]);
    // Weights that now favour Python contradict the sources: the panel says so in one line.
    widget.slide("data-science", 10).await;
    widget.slide("performance", 0).await;
    assert_eq!(
        widget.text(".sw-contradiction"),
        "The sources recommend Node.js for “Real-time app (chat, notifications, live data)”; your weights now favour Python. ours: Presets"
    );
}

#[wasm_bindgen_test]
async fn all_zero_and_all_ten_render_without_panicking() {
    let d = Dataset::builtin();
    let zero = d
        .criteria
        .iter()
        .map(|c| format!("{}:0", c.id))
        .collect::<Vec<_>>()
        .join(",");
    let widget = Mounted::new(props(Settings {
        weights: Some(zero),
        ..Settings::default()
    }))
    .await;
    assert_eq!(widget.verdict(), "either");
    assert_eq!(widget.text(".sw-verdict-text"), "Nothing weighed yet");
    // Any slider starts an answer: each says what it alone would decide.
    // Each caption ends with its mark: tipping points are our rule.
    let caption = |c: &str| {
        let text = widget.text(&format!("[data-criterion-row='{c}'] .sw-tip-text"));
        match text.strip_suffix(" ours: Tipping points") {
            Some(caption) => caption.to_string(),
            None => panic!("the caption is marked as ours: {text}"),
        }
    };
    assert_eq!(caption("data-science"), "Above 0: clear call for Python.");
    assert_eq!(caption("performance"), "Above 0: leans Node.js.");
    assert_eq!(caption("hiring-cost"), "Above 0: too close to call.");
    widget.slide("performance", 10).await;
    assert_eq!(widget.verdict(), "node");
    assert_eq!(caption("performance"), "At 0: nothing is weighed.");

    let ten = d
        .criteria
        .iter()
        .map(|c| format!("{}:10", c.id))
        .collect::<Vec<_>>()
        .join(",");
    let widget = Mounted::new(props(Settings {
        weights: Some(ten),
        ..Settings::default()
    }))
    .await;
    let expected = evaluate(
        d,
        &Choices {
            weights: vec![10.0; d.criteria.len()],
            project_types: vec![],
            team: None,
        },
    );
    assert_eq!(widget.verdict(), expected.verdict.id(d));
    assert_eq!(widget.all(".sw-bar-row").len(), 2);
}

#[wasm_bindgen_test]
async fn bad_attributes_show_a_message_and_the_widget_still_works() {
    let settings = Settings {
        preset: Some("rest-api".into()),
        weights: Some("speed:11".into()),
        team: Some("cobol".into()),
    };
    let bad = props_for(
        builtin().into(),
        Requested {
            settings,
            theme: Some("neon".into()),
            ..Requested::default()
        },
    );
    let widget = Mounted::new(bad).await;
    let notices = widget.text(".sw-notices");
    assert!(
        notices.contains("\"speed\" is not a criterion"),
        "{notices}"
    );
    assert!(notices.contains("team: \"cobol\""), "{notices}");
    assert!(notices.contains("theme: \"neon\""), "{notices}");
    // The good part (the preset) still applies, and the sliders still work.
    assert_eq!(widget.verdict(), "node");
    assert_eq!(
        widget.find(".sw").get_attribute("data-theme").as_deref(),
        Some("auto")
    );
    widget.slide("data-science", 10).await;
    widget.slide("full-stack-js", 0).await;
    widget.slide("performance", 0).await;
    assert_eq!(widget.verdict(), "python");
}

#[wasm_bindgen_test]
async fn a_team_gets_its_bonus_in_the_comparison_not_in_its_score() {
    let widget = Mounted::builtin().await;
    let before = widget.text("[data-score='node']");
    widget.click("input[type=radio][value='javascript']").await;
    assert_eq!(
        widget.text("[data-score='node']"),
        before,
        "scores stay the sources'"
    );
    assert_eq!(widget.text(".sw-verdict-text"), "Leans Node.js");
    assert!(widget
        .text(".sw-reasons")
        .contains("Team bonus: 1 point for Node.js, the stack your team writes. ours: Team bonus"));
    assert!(
        widget.all(".sw-team-advice").is_empty(),
        "the advice for neither is gone"
    );
    // Machine learning is firm for Python: a JavaScript team gets no bonus there.
    widget
        .click("button[data-project-type='machine-learning']")
        .await;
    assert_eq!(widget.text(".sw-verdict-text"), "Clear: hire Python");
    assert!(widget
        .text(".sw-reasons")
        .contains("No team bonus for Node.js"));
}

#[wasm_bindgen_test]
async fn the_comparison_table_and_credits_are_there() {
    let widget = Mounted::builtin().await;
    assert!(widget.all(".sw-table").is_empty(), "built only when opened");
    widget.click(".sw-compare summary").await;
    assert_eq!(widget.all(".sw-table tbody tr").len(), 12);
    let credits = widget.text(".sw-credits");
    assert!(
        credits.contains("CompanyBench") && credits.contains("OfflinePixel"),
        "{credits}"
    );
    for link in widget.all(".sw-credits a") {
        assert!(link.get_attribute("href").unwrap().starts_with("https://"));
    }
}

const THREE_WAY: &str = r#"{
  "title": "Go, Rust or Java for our platform team?",
  "options": [
    {"id": "go", "name": "Go"}, {"id": "rust", "name": "Rust"}, {"id": "java", "name": "Java"}
  ],
  "criteria": [
    {"id": "speed", "name": "Runtime speed", "description": "How fast it runs.", "scores": {"go": 7, "rust": 10, "java": 6}},
    {"id": "hiring", "name": "Hiring pool", "description": "How many people you can hire.", "scores": {"go": 7, "rust": 4, "java": 10}},
    {"id": "onboarding", "name": "Onboarding", "description": "How soon a new hire ships.", "scores": {"go": 9, "rust": 4, "java": 6}}
  ]
}"#;

#[wasm_bindgen_test]
async fn a_three_option_custom_dataset_renders_and_recommends() {
    let d = Rc::new(stackweigh::embed::dataset_from_json(THREE_WAY).unwrap());
    let widget = Mounted::new(props_for(d.clone().into(), Requested::default())).await;
    assert_eq!(widget.all(".sw-bar-row").len(), 3);
    assert_eq!(widget.all("input[type=range]").len(), 3);
    widget.slide("speed", 10).await;
    widget.slide("hiring", 0).await;
    widget.slide("onboarding", 0).await;
    assert_eq!(widget.verdict(), "rust");
    assert_eq!(widget.text(".sw-verdict-text"), "Clear: hire Rust");
}

/// In the browser a custom dataset is parsed by `JSON.parse` and read by the core: what
/// the browser's values hold is refused as the core's tests expect of any parser,
/// unknown fields included, which serde-wasm-bindgen would have let pass.
#[wasm_bindgen_test]
fn the_browser_s_values_are_read_as_strictly_as_the_core_reads_any() {
    use stackweigh::embed::dataset_from_json;
    let refused = |from: &str, to: &str| -> String {
        let json = THREE_WAY.replacen(from, to, 1);
        assert_ne!(json, THREE_WAY, "{from} is in the dataset");
        match dataset_from_json(&json) {
            Ok(_) => panic!("accepted with {to}"),
            Err(e) => e.to_string(),
        }
    };
    for (from, to, says) in [
        (
            r#""title":"#,
            r#""colour": "red", "title":"#,
            "colour: unknown field `colour` at line 2 column 13",
        ),
        (
            r#""description": "How fast it runs.","#,
            r#""description": "How fast it runs.", "weight": 5,"#,
            "criteria[0].weight: unknown field `weight`",
        ),
        (
            r#""go": 7, "rust": 10"#,
            r#""go": "7", "rust": 10"#,
            "criteria[0].scores.go: expected a number, found a string at line",
        ),
        (
            r#"{"id": "rust", "name": "Rust"}"#,
            r#"[["id", "rust"], ["name", "Rust"]]"#,
            "options[1]: expected an object, found an array at line 4",
        ),
        (
            r#""description": "How many people you can hire.""#,
            r#""description": ["How many people you can hire."]"#,
            "criteria[1].description: expected a string, found an array",
        ),
        (
            r#""id": "go", "name": "Go""#,
            r#""id": "go", "name": "Go", "name": "Golang""#,
            "options[0].name: duplicate key at line 4 column",
        ),
        (
            r#""rust": 10, "java": 6"#,
            r#""rust": 1e999, "java": 6"#,
            "criteria[0].scores.rust: number out of range at line",
        ),
        (
            r#""rust": 10, "java": 6"#,
            r#""rust": 12, "java": 6"#,
            "criteria[0].scores.rust: 12 is outside 1–10",
        ),
        (
            r#""title":"#,
            r#""title": ,"#,
            "title: expected a value at line 2 column 12",
        ),
    ] {
        let message = refused(from, to);
        assert!(message.starts_with(says), "{to}: {message}");
    }
    let d = dataset_from_json(THREE_WAY).expect("valid");
    let ids: Vec<&str> = d.criteria[0].scores.keys().collect();
    assert_eq!(ids, ["go", "rust", "java"], "in the order of the text");
}

#[wasm_bindgen_test]
async fn dataset_text_is_rendered_as_text_never_as_html() {
    let hostile = THREE_WAY
        .replace("Runtime speed", "<img src=x onerror=alert(1)>")
        .replace("How fast it runs.", "</script><b>bold</b>");
    let d = Rc::new(stackweigh::embed::dataset_from_json(&hostile).unwrap());
    let widget = Mounted::new(props_for(d.into(), Requested::default())).await;
    assert!(widget.all("img").is_empty());
    assert!(widget.all(".sw-slider-desc b").is_empty());
    assert!(widget
        .text("label[for='sw-w-speed']")
        .contains("<img src=x onerror=alert(1)>"));
}

/// A first render past Yew's 16 ms budget (this debug build's always is) makes Yew hand
/// the browser a turn before it runs effects, and the browser may paint then. By that
/// turn the widget must be on the page, not an empty shadow root, and have said ready.
#[wasm_bindgen_test]
async fn the_widget_is_on_the_page_and_ready_before_the_browser_gets_a_turn() {
    // Yew must be idle when this widget mounts, not still busy with an earlier test's.
    settle().await;
    let host = host_in_page();
    let ready = Rc::new(std::cell::Cell::new(false));
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new({
        let ready = ready.clone();
        move || ready.set(true)
    });
    host.add_event_listener_with_callback("stackweigh:ready", listener.as_ref().unchecked_ref())
        .unwrap();
    let widget = Widget::mount(host.clone());
    // Set now, this timer runs before the one Yew sets when it yields.
    yew::platform::time::sleep(Duration::ZERO).await;
    let shadow = host.shadow_root().expect("a shadow root");
    assert!(
        shadow.query_selector(".sw .sw-verdict").unwrap().is_some(),
        "the widget is in the shadow root"
    );
    assert!(ready.get(), "stackweigh:ready was sent");
    drop(widget);
    host.remove();
}

/// The last widget mounts while Yew is between the others' render and their effects (four
/// widgets take Yew past its 16 ms budget, which makes it yield), so Yew renders it later,
/// in that same pass: it must not say ready before then.
#[wasm_bindgen_test]
async fn a_widget_mounted_while_yew_yields_says_ready_only_once_it_is_on_the_page() {
    settle().await;
    let hosts: Vec<HtmlElement> = (0..5).map(|_| host_in_page()).collect();
    let complete = Rc::new(std::cell::RefCell::new(Vec::<bool>::new()));
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(Event)>::new({
        let complete = complete.clone();
        move |e: Event| {
            let shown = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|host| host.shadow_root())
                .and_then(|shadow| shadow.query_selector(".sw .sw-verdict").ok().flatten())
                .is_some();
            complete.borrow_mut().push(shown);
        }
    });
    for host in &hosts {
        host.add_event_listener_with_callback(
            "stackweigh:ready",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    }
    let mut widgets: Vec<Widget> = hosts[..4].iter().cloned().map(Widget::mount).collect();
    yew::platform::time::sleep(Duration::ZERO).await;
    widgets.push(Widget::mount(hosts[4].clone()));
    settle().await;
    assert_eq!(complete.borrow().as_slice(), [true; 5]);
    drop(widgets);
    hosts.iter().for_each(|h| h.remove());
}

#[wasm_bindgen_test]
async fn the_element_mounts_in_a_shadow_root_and_reports_events() {
    let host = host_in_page();
    host.set_attribute("preset", "machine-learning").unwrap();
    host.set_inner_text("fallback");
    let seen = Rc::new(std::cell::RefCell::new(Vec::<(String, String)>::new()));
    let listener = {
        let seen = seen.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
            move |e: web_sys::CustomEvent| {
                let rec = js_sys::Reflect::get(&e.detail(), &"recommendation".into())
                    .unwrap()
                    .as_string()
                    .unwrap();
                seen.borrow_mut().push((e.type_(), rec));
            },
        )
    };
    for name in ["stackweigh:ready", "stackweigh:change"] {
        document()
            .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
    }
    let mut widget = Widget::mount(host.clone());
    settle().await;
    let shadow = host.shadow_root().expect("a shadow root");
    assert!(shadow.query_selector(".sw-verdict").unwrap().is_some());
    assert_eq!(
        seen.borrow().as_slice(),
        [("stackweigh:ready".to_string(), "python".to_string())]
    );

    host.set_attribute("preset", "real-time").unwrap();
    widget.attributes_changed();
    settle().await;
    assert_eq!(
        seen.borrow().last().cloned(),
        Some(("stackweigh:change".to_string(), "node".to_string()))
    );

    drop(widget);
    settle().await;
    assert!(
        shadow.query_selector(".sw").unwrap().is_none(),
        "removing frees the instance"
    );
    for name in ["stackweigh:ready", "stackweigh:change"] {
        document()
            .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn after_a_failure_each_instance_says_to_reload_instead_of_freezing() {
    let host = host_in_page();
    let widget = Widget::mount(host.clone());
    settle().await;
    stackweigh::embed::show_failure_notice();
    let shadow = host.shadow_root().unwrap();
    let notice = shadow
        .query_selector(".sw-oops[role=alert]")
        .unwrap()
        .expect("a notice");
    assert!(notice.text_content().unwrap().contains("Reload the page"));
    assert!(shadow.query_selector("input").unwrap().is_none());
    drop(widget);
}

#[wasm_bindgen_test]
async fn a_failure_before_the_first_render_is_on_the_page_still_shows_the_notice() {
    let host = host_in_page();
    let widget = Widget::mount(host.clone());
    // No await: Yew has not rendered yet, so the widget's root is not in the shadow root.
    stackweigh::embed::show_failure_notice();
    let shadow = host.shadow_root().unwrap();
    assert!(shadow
        .query_selector(".sw-oops[role=alert]")
        .unwrap()
        .is_some());
    drop(widget);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_answer_says_how_firm_it_is_and_follows_the_sliders() {
    let widget = Mounted::builtin().await;
    // At the start, too close to call: the split of nearby weightings.
    assert!(widget
        .text(".sw-firm-line")
        .starts_with("Nearby weightings (each slider ±2): too close 67% · Node.js 33%. It rests most on Data science & AI. ours: How firm What this means"));
    widget.click("button[data-project-type='real-time']").await;
    assert!(widget
        .text(".sw-firm-line")
        .starts_with("Holds for 7 in 10 nearby weightings (each slider ±2). It rests most on Data science & AI. ours: How firm What this means"));
    // The bar has a segment per answer, as wide as its share.
    let widths: Vec<String> = widget
        .all(".sw-firm-bar rect")
        .iter()
        .map(|r| r.get_attribute("width").unwrap_or_default())
        .collect();
    assert_eq!(widths.len(), 2, "{widths:?}");
    // Analytics holds everywhere near its preset.
    widget.click("button[data-project-type='real-time']").await;
    widget.click("button[data-project-type='analytics']").await;
    assert!(widget
        .text(".sw-firm-line")
        .starts_with("Holds for every nearby weighting (each slider ±2)."));
    // Its explanation is there for hover, focus and print, and is ours.
    let help = widget.find(".sw-firm-help");
    assert!(help
        .text_content()
        .unwrap_or_default()
        .ends_with("ours: How firm"));
    assert_eq!(
        widget
            .find(".sw-help")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("sw-firm-help")
    );
}
