//! The few browser calls the app makes, in one place.

use help_core::route::MAX_PARAMETER_CHARS;
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDetailsElement, HtmlElement};

fn window() -> web_sys::Window {
    web_sys::window().expect("runs in a browser window")
}

/// Text the page was given (the address, the search box) as the app reads
/// and shows it: Unicode NFKC, by the browser's own
/// `String.prototype.normalize`, so that full-width and other compatibility
/// forms read as plain letters and digits without shipping normalisation
/// tables in the wasm; then without bidirectional controls
/// ([`help_core::given::shown`]), so it reads as it is.
pub fn normalised(text: &str) -> String {
    help_core::given::shown(&String::from(JsString::from(text).normalize("NFKC")))
}

/// The current location as the core's router reads it: the path, the query
/// parameters and the fragment (decoded, [`normalised`]).
pub struct Location {
    pub path: String,
    pub params: Vec<(String, String)>,
    pub fragment: String,
}

pub fn location() -> Location {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let mut params = Vec::new();
    if let Ok(parsed) = web_sys::UrlSearchParams::new_with_str(&search) {
        if let Ok(Some(entries)) = js_sys::try_iter(&parsed) {
            for entry in entries.flatten() {
                let pair: js_sys::Array = entry.unchecked_into();
                let key = pair.get(0).as_string().unwrap_or_default();
                let value = pair.get(1).as_string().unwrap_or_default();
                params.push((bounded_nfkc(&key), bounded_nfkc(&value)));
            }
        }
    }
    let hash = location.hash().unwrap_or_default();
    let fragment = js_sys::decode_uri_component(&hash).map(String::from).unwrap_or(hash);
    Location { path: location.pathname().unwrap_or_default(), params, fragment: bounded_nfkc(&fragment) }
}

/// At most [`MAX_PARAMETER_CHARS`] of `text`, [`normalised`]: cut before (so
/// a huge link costs nothing) and after (NFKC expands some characters).
fn bounded_nfkc(text: &str) -> String {
    let cut = |s: &str| s.chars().take(MAX_PARAMETER_CHARS).collect::<String>();
    cut(&normalised(&cut(text)))
}

/// Adds a history entry for an in-app navigation.
pub fn push_url(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    window().document()?.get_element_by_id(id)
}

/// Opens the details with `id` and every details around it.
fn open_details(target: &web_sys::Element) {
    let mut node = Some(target.clone());
    while let Some(el) = node {
        if let Some(details) = el.dyn_ref::<HtmlDetailsElement>() {
            details.set_open(true);
        }
        node = el.parent_element();
    }
}

/// Brings the section or details with `id` into view and gives its heading
/// focus, so a screen reader reads it first; opens the details it is (or
/// sits in), and the details named by `also_open`.
pub fn reveal(id: &str, also_open: Option<&str>) {
    if let Some(inner) = also_open.and_then(element) {
        open_details(&inner);
    }
    let Some(target) = element(id) else { return };
    open_details(&target);
    let focus = target
        .query_selector("h2, h3, summary")
        .ok()
        .flatten()
        .unwrap_or(target);
    // The page's top stays in view (its title, where the person is) when
    // the heading fits in the first screen with it.
    let bottom = focus.get_bounding_client_rect().bottom() + window().scroll_y().unwrap_or(0.0);
    let screen = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if bottom <= screen {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    } else {
        focus.scroll_into_view();
    }
    if let Some(el) = focus.dyn_ref::<HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// After a navigation to a page: top of the page, focus on its main heading.
pub fn focus_main_heading() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(h1) = window().document().and_then(|d| d.query_selector("main h1").ok().flatten()) {
        if let Some(el) = h1.dyn_ref::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Shows `query` in the address bar as `?q=`, keeping the page, its other
/// parameters (`error`, ...) and its fragment, and replacing the history
/// entry: typing must not add one entry per keystroke.
pub fn replace_query(query: &str) {
    let location = window().location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default()) else { return };
    if query.is_empty() {
        params.delete("q");
    } else {
        params.set("q", query);
    }
    let search = String::from(params.to_string());
    let url = format!(
        "{}{}{search}{}",
        location.pathname().unwrap_or_default(),
        if search.is_empty() { "" } else { "?" },
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A link to this page searching for `query`.
pub fn query_href(query: &str) -> String {
    format!("?q={}", String::from(js_sys::encode_uri_component(query)))
}

/// The text at `url` (same origin), or an error if it cannot be fetched.
/// The request starts when this is called, not when the result is awaited,
/// so two fetches awaited in turn still travel together.
pub fn fetch_text(url: &str) -> impl std::future::Future<Output = Result<String, JsValue>> {
    let response = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(url));
    async move {
        let response = ok_response(response.await?)?;
        let text = wasm_bindgen_futures::JsFuture::from(response.text()?).await?;
        text.as_string().ok_or_else(|| JsValue::from_str("not text"))
    }
}

/// The bytes at `url` (same origin), as [`fetch_text`] fetches text.
pub fn fetch_bytes(url: &str) -> impl std::future::Future<Output = Result<Vec<u8>, JsValue>> {
    let response = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(url));
    async move {
        let response = ok_response(response.await?)?;
        let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

fn ok_response(response: JsValue) -> Result<web_sys::Response, JsValue> {
    let response: web_sys::Response = response.dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str("not found"));
    }
    Ok(response)
}

/// The text of the element with `id` (a page file's data), if there is one.
pub fn text_of(id: &str) -> Option<String> {
    element(id)?.text_content()
}

/// Loads the current address afresh, as a page file.
pub fn reload() {
    let _ = window().location().reload();
}

/// Puts keyboard focus in the element with `id`.
pub fn focus(id: &str) {
    if let Some(el) = element(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    window().navigator().on_line()
}

/// Whether a service worker answers this page's requests: only then is what
/// it shows the copy saved on this device.
pub fn served_by_service_worker() -> bool {
    js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("serviceWorker"))
        .and_then(|container| js_sys::Reflect::get(&container, &JsValue::from_str("controller")))
        .is_ok_and(|controller| controller.is_object())
}

/// The one Trusted Types policy the pages' Content-Security-Policy allows
/// (`trusted-types nhs-login-help`, written by the content compiler's
/// `headers.rs`): with `require-trusted-types-for 'script'` the browser
/// refuses a plain string as a script's URL, so the app's one, the service
/// worker, goes through it. (The frame bridge is loaded by the pages' head
/// script with `import()`, which Trusted Types do not govern.)
const TRUSTED_TYPES_POLICY: &str = "nhs-login-help";

thread_local! {
    /// The policy, made on first use: `undefined` where the browser has no
    /// Trusted Types (a sink then takes a string) or refused it (a sink then
    /// refuses the string, and the caller goes on without that script).
    static SCRIPT_URL_POLICY: JsValue = script_url_policy().unwrap_or(JsValue::UNDEFINED);
}

/// `trustedTypes.createPolicy("nhs-login-help", { createScriptURL: String })`.
/// It passes on what it is given: only [`script_url`] holds it (no script
/// of the page can reach it, and the page's policy allows no second one),
/// and that takes nothing but the names the app was compiled with.
fn script_url_policy() -> Result<JsValue, JsValue> {
    let window = window();
    let factory = js_sys::Reflect::get(&window, &JsValue::from_str("trustedTypes"))?;
    if factory.is_undefined() {
        return Ok(factory);
    }
    let rules = js_sys::Object::new();
    js_sys::Reflect::set(&rules, &JsValue::from_str("createScriptURL"), &js_sys::Reflect::get(&window, &JsValue::from_str("String"))?)?;
    let create_policy: js_sys::Function = js_sys::Reflect::get(&factory, &JsValue::from_str("createPolicy"))?.unchecked_into();
    create_policy.call2(&factory, &JsValue::from_str(TRUSTED_TYPES_POLICY), &rules)
}

/// `file`, one of the widget's own scripts beside the page (a name fixed
/// when the app was compiled), as a script URL sink takes it: a
/// TrustedScriptURL from the policy, or the string itself.
fn script_url(file: &'static str) -> Result<JsValue, JsValue> {
    SCRIPT_URL_POLICY.with(|policy| {
        if policy.is_undefined() {
            return Ok(JsValue::from_str(file));
        }
        let create: js_sys::Function = js_sys::Reflect::get(policy, &JsValue::from_str("createScriptURL"))?.unchecked_into();
        create.call1(policy, &JsValue::from_str(file))
    })
}

/// Registers the offline service worker (`sw.js`, beside the page, so it
/// works under any sub-path). Where it cannot be registered (private mode, a
/// policy, an old browser, a sandboxed frame) the widget works online as
/// before: the reason goes to the console, nothing to the person.
pub fn register_service_worker(url: &'static str) {
    // Reached through Reflect: merely reading `navigator.serviceWorker`
    // throws in some sandboxed frames, and it is undefined in others.
    let container = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|c| c.is_object());
    let register = container.as_ref().and_then(|c| js_sys::Reflect::get(c, &JsValue::from_str("register")).ok());
    let (Some(container), Some(register)) = (container, register.and_then(|r| r.dyn_into::<js_sys::Function>().ok())) else {
        web_sys::console::info_1(&JsValue::from_str("Offline help is not available in this browser."));
        return;
    };
    let Ok(promise) = script_url(url).and_then(|url| register.call1(&container, &url)).and_then(|p| p.dyn_into::<js_sys::Promise>()) else {
        web_sys::console::info_1(&JsValue::from_str("Offline help could not be set up."));
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(reason) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::info_2(&JsValue::from_str("Offline help could not be set up:"), &reason);
        }
    });
}

/// The id of the element the app lives in, in every page file.
const ROOT_ID: &str = help_core::ids::ROOT;

/// Set once the app has replaced the prerendered page.
static TOOK_OVER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A new, detached element for the app to render into.
pub fn new_root() -> Option<web_sys::Element> {
    window().document()?.create_element("div").ok()
}

/// Puts `fresh` (the rendered app) in place of the prerendered page, in one
/// step. What the person did meanwhile carries over: open details sections,
/// text typed in the search box (the input with id `search_box`), and
/// keyboard focus.
pub fn take_over(fresh: &web_sys::Element, search_box: &str) {
    if TOOK_OVER.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let Some(document) = window().document() else { return };
    // The page refused to show (a frame on a site no partner profile names:
    // the frame bridge found out after the app had started).
    if document.document_element().is_some_and(|root| root.has_attribute("data-leaving")) {
        return;
    }
    let Some(old) = document.get_element_by_id(ROOT_ID) else {
        fresh.set_id(ROOT_ID);
        if let Some(body) = document.body() {
            let _ = body.append_child(fresh);
        }
        return;
    };
    if let Ok(open) = old.query_selector_all("details[open][id]") {
        for i in 0..open.length() {
            let id = open.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()).map(|e| e.id()).unwrap_or_default();
            if let Ok(Some(details)) = fresh.query_selector(&format!("details[id=\"{id}\"]")) {
                let _ = details.set_attribute("open", "");
            }
        }
    }
    let search_box = format!("#{search_box}");
    let typed = old
        .query_selector(&search_box)
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .filter(|v| !v.is_empty());
    // Focus, by its place among the focusable elements: the markup is the
    // same, so the same place is the same link or summary.
    const FOCUSABLE: &str = "a[href], button, input, summary, [tabindex]";
    let focused = document.active_element().filter(|a| old.contains(Some(a))).and_then(|active| {
        let list = old.query_selector_all(FOCUSABLE).ok()?;
        (0..list.length()).find(|&i| list.item(i).is_some_and(|n| JsValue::from(n) == JsValue::from(active.clone())))
    });
    let _ = old.replace_with_with_node_1(fresh);
    fresh.set_id(ROOT_ID);
    if let Some(place) = focused {
        if let Some(el) = fresh.query_selector_all(FOCUSABLE).ok().and_then(|l| l.item(place)).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
    if let Some(text) = typed {
        if let Some(input) = fresh.query_selector(&search_box).ok().flatten().and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_value(&text);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            }) {
                let _ = input.dispatch_event(&event);
            }
        }
    }
}

/// After a panic: the prerendered page, if it is still there, keeps working;
/// otherwise a short message with the way to get help replaces the app.
/// Built element by element: no markup is parsed, so no HTML sink is used.
pub fn show_failure(contact_href: &str) {
    if !TOOK_OVER.load(std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = failure_message(contact_href);
}

fn failure_message(contact_href: &str) -> Option<()> {
    let document = window().document()?;
    let root = document.get_element_by_id(ROOT_ID)?;
    let make = |tag: &str, attributes: &[(&str, &str)], text: Option<&str>| {
        let element = document.create_element(tag).ok()?;
        for (name, value) in attributes {
            element.set_attribute(name, value).ok()?;
        }
        if text.is_some() {
            element.set_text_content(text);
        }
        Some(element)
    };
    let link = |href: &str, text: &str| make("a", &[("href", href), ("target", "_blank"), ("rel", "noopener noreferrer")], Some(text));
    let heading = make("h1", &[], Some("Sorry, there is a problem with this help page"))?;
    let (centre, contact) = (link("https://help.login.nhs.uk/", "NHS login help centre")?, link(contact_href, "contact NHS login support")?);
    let text = make("p", &[], None)?;
    text.append_with_str_1("Reload the page to try again. You can also read this help on the ").ok()?;
    text.append_child(&centre).ok()?;
    text.append_with_str_1(" or ").ok()?;
    text.append_child(&contact).ok()?;
    text.append_with_str_1(".").ok()?;
    let main = make("main", &[("class", "nhsuk-main-wrapper"), ("id", "maincontent")], None)?;
    main.append_child(&heading).ok()?;
    main.append_child(&text).ok()?;
    let container = make("div", &[("class", "nhsuk-width-container")], None)?;
    container.append_child(&main).ok()?;
    root.set_text_content(None);
    root.append_child(&container).ok()?;
    Some(())
}

/// The contract between the app and the frame bridge (`static/embed-frame.js`
/// names the same two things). The app's events wait in
/// `window.nhsLoginHelpEvents`, an array the bridge drains, and each is
/// announced by an `nhs-login-help-event` on the window, so none is lost
/// however late the bridge starts.
pub const FRAME_EVENTS: &str = "nhsLoginHelpEvents";
pub const FRAME_EVENT: &str = "nhs-login-help-event";

/// Queues `{type: kind, detail: {...fields}}` for the frame bridge; fields
/// that are `None` are left out.
pub fn emit_frame_event(kind: &str, fields: &[(&str, Option<JsValue>)]) {
    let window = window();
    let detail = js_sys::Object::new();
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(name), value);
        }
    }
    let event = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&event, &JsValue::from_str("type"), &JsValue::from_str(kind));
    let _ = js_sys::Reflect::set(&event, &JsValue::from_str("detail"), &detail);
    let key = JsValue::from_str(FRAME_EVENTS);
    let outbox = match js_sys::Reflect::get(&window, &key) {
        // The same array, not a copy (`Array::from` would copy it).
        Ok(existing) if js_sys::Array::is_array(&existing) => existing.unchecked_into::<js_sys::Array>(),
        _ => {
            let fresh = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&window, &key, &fresh);
            fresh
        }
    };
    outbox.push(&event);
    if let Ok(announce) = web_sys::Event::new(FRAME_EVENT) {
        let _ = window.dispatch_event(&announce);
    }
}


/// The search engine: a WebAssembly module of its own (`crates/engine`),
/// with no JavaScript glue, fetched with the index the first time search is
/// used. The app writes the index and each query into its memory and reads
/// the [`Answer`](help_search::Answer) back.
#[derive(Debug)]
pub struct SearchEngine {
    exports: JsValue,
}

impl SearchEngine {
    /// Starts the engine from its file's bytes with the index's: an error
    /// when either is refused (from another deploy, damaged) or the index
    /// is another site build's.
    pub async fn start(engine: &[u8], index: &[u8], site: &str) -> Result<SearchEngine, JsValue> {
        let made = wasm_bindgen_futures::JsFuture::from(js_sys::WebAssembly::instantiate_buffer(engine, &js_sys::Object::new())).await?;
        let exports = js_sys::Reflect::get(&js_sys::Reflect::get(&made, &JsValue::from_str("instance"))?, &JsValue::from_str("exports"))?;
        let engine = SearchEngine { exports };
        let refused = || JsValue::from_str("refused");
        if engine.call("abi", &[])? != help_search::ENGINE_ABI {
            return Err(refused());
        }
        let len = engine.write(index)?;
        if engine.call("load", &[len])? != 1 {
            return Err(refused());
        }
        let len = engine.call("site_name", &[])?;
        if engine.read(len)? != site.as_bytes() {
            return Err(refused());
        }
        Ok(engine)
    }

    /// The best `limit` sections for `query`; `tolerant` forgives misspellings.
    pub fn search(&self, query: &str, limit: usize, tolerant: bool) -> Option<help_search::Answer> {
        let len = self.write(query.as_bytes()).ok()?;
        let len = self.call("search", &[len, limit as u32, u32::from(tolerant)]).ok()?;
        help_search::Answer::from_bytes(&self.read(len).ok()?)
    }

    fn call(&self, name: &str, args: &[u32]) -> Result<u32, JsValue> {
        let function: js_sys::Function = js_sys::Reflect::get(&self.exports, &JsValue::from_str(name))?.dyn_into()?;
        let args: js_sys::Array = args.iter().map(|&n| JsValue::from(n)).collect();
        // A wasm i32 arrives as a signed number.
        Ok(function.apply(&JsValue::NULL, &args)?.as_f64().unwrap_or(-1.0) as i32 as u32)
    }

    /// The engine's memory as it is now (a call may have grown it).
    fn view(&self, at: u32, len: u32) -> Result<js_sys::Uint8Array, JsValue> {
        let memory = js_sys::Reflect::get(&self.exports, &JsValue::from_str("memory"))?;
        let buffer = js_sys::Reflect::get(&memory, &JsValue::from_str("buffer"))?;
        Ok(js_sys::Uint8Array::new_with_byte_offset_and_length(&buffer, at, len))
    }

    /// Puts `bytes` in the engine's buffer; their length.
    fn write(&self, bytes: &[u8]) -> Result<u32, JsValue> {
        let len = bytes.len() as u32;
        let at = self.call("input", &[len])?;
        self.view(at, len)?.copy_from(bytes);
        Ok(len)
    }

    /// The engine's last answer, `len` bytes.
    fn read(&self, len: u32) -> Result<Vec<u8>, JsValue> {
        let at = self.call("output", &[])?;
        Ok(self.view(at, len)?.to_vec())
    }
}
