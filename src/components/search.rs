//! The search box and its results: the WAI-ARIA combobox pattern. The input
//! owns focus; arrow keys move through the options (announced with
//! `aria-activedescendant`), Enter opens one, Escape clears the query. The
//! results stand in place of the page while there is a query.

use help_search::{locate, snippet, Answer, Doc, Located, MAX_QUERY_CHARS};
use help_core::Site;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use help_core::ids;
use help_core::model::page_href;

use crate::browser;
use crate::components::blocks::external_link;
use crate::components::page_link;
use crate::components::reference_list::reference_list;
use crate::content;
use crate::state::IndexState;

pub const INPUT_ID: &str = ids::SEARCH_INPUT;
const LISTBOX_ID: &str = ids::SEARCH_RESULTS;
const MAX_RESULTS: usize = ids::SEARCH_RESULTS_SHOWN;
const SNIPPET_WORDS: usize = 24;
/// Offered when nothing matches.
const SUGGESTIONS: &[&str] = &["forgotten password", "security code", "change phone number", "GP surgery"];

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub query: AttrValue,
    pub index: IndexState,
    /// The query changed (typing, Escape, a suggestion).
    pub on_query: Callback<String>,
    /// The box got focus: time to fetch the index.
    pub on_focus: Callback<()>,
    /// A result was chosen: the `href` of its section.
    pub on_open: Callback<String>,
}

/// Where a result is in the model, and so what it shows.
fn located<'a>(site: &'a Site, doc: &Doc) -> Option<Located<'a>> {
    locate(&site.pages, doc)
}

/// Where a result leads: its section, or the details block it is.
fn href(site: &Site, doc: &Doc) -> Option<String> {
    let found = located(site, doc)?;
    Some(page_href(&found.page.file, Some(found.anchor())))
}

#[function_component(Search)]
pub fn search(props: &SearchProps) -> Html {
    let site = content::site();
    let active = use_state(|| None::<usize>);
    // "Search instead for" what was typed, after a correction.
    let literal = use_state(|| false);
    let results = {
        let (query, index) = (props.query.clone(), props.index.clone());
        // Searching and cutting snippets happen once per query, not again
        // on every arrow key that only moves the active option.
        use_memo((query, index, *literal), |(query, index, literal)| match index {
            // Typed text gets the same normalisation as the address bar's.
            IndexState::Ready(engine) if !query.trim().is_empty() => {
                let results = engine.search(&browser::normalised(query), MAX_RESULTS, !literal).unwrap_or_default();
                let snippets: Vec<Vec<(String, bool)>> = results
                    .docs
                    .iter()
                    .map(|doc| match located(content::site(), doc) {
                        Some(found) => snippet(&found.text(), &results.matched, SNIPPET_WORDS),
                        None => Vec::new(),
                    })
                    .collect();
                Some((results, snippets))
            }
            _ => None,
        })
    };
    {
        // A new query starts with no option active, and forgiving typos.
        let (active, literal) = (active.clone(), literal.clone());
        use_effect_with(props.query.clone(), move |_| {
            active.set(None);
            literal.set(false);
        });
    }
    let hits: &[Doc] = results.as_ref().as_ref().map_or(&[], |(r, _)| &r.docs);
    let open = |i: usize| match (&props.index, hits.get(i)) {
        (IndexState::Ready(_), Some(doc)) => href(site, doc),
        _ => None,
    };

    let oninput = props.on_query.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onfocus = props.on_focus.reform(|_: FocusEvent| ());
    let onkeydown = {
        let (active, on_query, on_open) = (active.clone(), props.on_query.clone(), props.on_open.clone());
        let empty = props.query.is_empty();
        let count = hits.len();
        let targets: Vec<Option<String>> = (0..count).map(open).collect();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" if count > 0 => {
                e.prevent_default();
                active.set(Some(active.map_or(0, |i| (i + 1).min(count - 1))));
            }
            "ArrowUp" if count > 0 => {
                e.prevent_default();
                active.set(active.and_then(|i| i.checked_sub(1)));
            }
            // Enter that ends an input method's composition is not a choice.
            "Enter" if !e.is_composing() => {
                if let Some(Some(href)) = targets.get(active.unwrap_or(0)) {
                    e.prevent_default();
                    on_open.emit(href.clone());
                }
            }
            "Escape" if !empty => {
                e.prevent_default();
                on_query.emit(String::new());
            }
            _ => {}
        })
    };

    let has_query = !props.query.trim().is_empty();
    // What was typed, shown back as the address's text is: without the
    // bidirectional controls that would make it read reversed.
    let shown = help_core::given::shown(props.query.trim());
    let shown = shown.as_str();
    let (summary, status) = match (&props.index, results.as_ref().as_ref().map(|(r, _)| r)) {
        _ if !has_query => (String::new(), String::new()),
        (IndexState::Failed, _) => ("Search is not available right now".to_owned(), "Search is not available right now.".to_owned()),
        (IndexState::Ready(_), Some(r)) if r.docs.is_empty() => (format!("No results for “{shown}”"), "No results".to_owned()),
        (IndexState::Ready(_), Some(Answer { corrected: Some(corrected), found, .. })) => {
            (format!("Showing results for “{corrected}”"), format!("{} for {corrected}", count(*found)))
        }
        (IndexState::Ready(_), Some(r)) => (format!("Results for “{shown}”"), count(r.found)),
        _ => ("Searching…".to_owned(), "Loading search…".to_owned()),
    };
    let expanded = has_query && !hits.is_empty();
    let option = |(i, doc): (usize, &Doc)| {
        let Some(found) = located(site, doc) else {
            return html! {};
        };
        let page = found.page;
        let pieces = results.as_ref().as_ref().and_then(|(_, s)| s.get(i)).cloned().unwrap_or_default();
        let target = open(i);
        let onclick = props.on_open.reform(move |_: MouseEvent| target.clone().unwrap_or_default());
        html! {
            <li role="option" id={ids::search_result(i)} class="app-search__option" aria-selected={(*active == Some(i)).to_string()} {onclick}>
                <span class="app-search__title">
                    { &page.title }
                    if let Some(partner) = &page.partner {
                        { " " }<strong class="app-partner-label">{ format!("From {}", content::partner_name(partner)) }</strong>
                    }
                </span>
                <span class="app-search__heading">{ found.heading() }</span>
                <span class="app-search__snippet">
                    { for pieces.into_iter().map(|(text, marked)| if marked { html! { <mark>{ text }</mark> } } else { html! { { text } } }) }
                </span>
            </li>
        }
    };

    html! {
        <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds app-search" role="search">
            <label class="nhsuk-label" for={INPUT_ID}>{ "Search NHS login help" }</label>
            <div class="nhsuk-hint" id={ids::SEARCH_HINT}>{ "For example, forgotten password or CID7023" }</div>
            <input id={INPUT_ID} class="nhsuk-input" type="text" role="combobox" autocomplete="off" spellcheck="false"
                maxlength={MAX_QUERY_CHARS.to_string()}
                aria-describedby={ids::SEARCH_HINT} aria-autocomplete="list" aria-controls={LISTBOX_ID}
                aria-expanded={expanded.to_string()}
                aria-activedescendant={active.filter(|i| expanded && *i < hits.len()).map(ids::search_result)}
                value={props.query.clone()} {oninput} {onfocus} {onkeydown} />
            <p class="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">{ status }</p>
            // While there is a query the results are the page, so they have its heading.
            if has_query {
                <h1 class="nhsuk-heading-m app-search__summary" tabindex="-1">{ summary }</h1>
            }
            if let Some(Answer { corrected: Some(_), .. }) = results.as_ref().as_ref().map(|(r, _)| r) {
                { search_instead(shown, &literal) }
            }
            // How many sections matched, for everyone (the live region above
            // tells screen readers as it changes); the list shows the best few.
            if let Some(r) = results.as_ref().as_ref().map(|(r, _)| r).filter(|r| has_query && !r.docs.is_empty()) {
                <p class="nhsuk-body-s app-search__count">{ count(r.found) }</p>
            }
            <ul id={LISTBOX_ID} role="listbox" aria-label="Search results" class="app-search__results" hidden={!expanded}>
                { for hits.iter().enumerate().map(option) }
            </ul>
            if has_query && matches!(props.index, IndexState::Ready(_)) && hits.is_empty() {
                { no_results(&props.on_query, &props.on_open) }
            }
            if has_query && matches!(props.index, IndexState::Failed) {
                <p>{ "Search is not available right now. You can still browse the help from the " }
                    { app_link("index.html", "help centre home page", &props.on_open) }{ "." }</p>
            }
        </div>
        </div>
    }
}

fn count(results: usize) -> String {
    if results == 1 { "1 result".to_owned() } else { format!("{results} results") }
}

/// After a correction, the query exactly as typed is one click away.
fn search_instead(typed: &str, literal: &UseStateHandle<bool>) -> Html {
    let literal = literal.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        literal.set(true);
        browser::focus(INPUT_ID);
    });
    html! {
        <p class="app-search__instead">
            <a href={browser::query_href(typed)} {onclick}>{ "Search instead for “" }{ typed }{ "”" }</a>
        </p>
    }
}

/// A link to a page of the widget that moves in-app on a plain click.
fn app_link(file: &'static str, text: &'static str, on_open: &Callback<String>) -> Html {
    let onclick = page_link::on_click(Some(on_open), file);
    html! { <a href={file} {onclick}>{ text }</a> }
}

fn no_results(on_query: &Callback<String>, on_open: &Callback<String>) -> Html {
    let suggestion = |s: &&'static str| {
        let s: &'static str = s;
        let on_query = on_query.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_query.emit(s.to_owned());
            // The link is replaced by the results: keep focus in the box.
            browser::focus(INPUT_ID);
        });
        html! { <li><a href={format!("?q={}", s.replace(' ', "+"))} {onclick}>{ s }</a></li> }
    };
    html! {
        <div class="app-search__none">
            <p>{ "Check the spelling, or try fewer or different words. You could search for:" }</p>
            <ul class="nhsuk-list nhsuk-list--bullet">{ for SUGGESTIONS.iter().map(suggestion) }</ul>
            <h2 class="nhsuk-heading-s">{ "If a website or app showed you an error reference" }</h2>
            <p>{ "Find it here for what it means and what you can do, or see the " }
                { app_link(help_core::model::REFERENCES_FILE, "list of error references", on_open) }{ " on its own page." }</p>
            { reference_list() }
            <p>{ external_link(content::site().contact_url.clone(), None, "", html! { "Contact NHS login" }) }{ " if you still need help." }</p>
        </div>
    }
}
