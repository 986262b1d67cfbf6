//! The prerender step (run by Trunk's post-build hook, after `help-content
//! pages`): renders every page with the app's own components (Yew's
//! server-side rendering) and writes the markup into its page file, with the
//! page's title and description. With WebAssembly unavailable the pages are
//! still complete: every article readable, every link a real link, every
//! details section native.
//!
//! Usage: `prerender DIST_DIR`, or `prerender --markup-only DIR` to write
//! just each page's rendered markup into DIR (the stylesheet's purge reads
//! it before the page files exist).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match &args[..] {
        [dist] if !dist.starts_with('-') => prerender::run(std::path::Path::new(dist)),
        [flag, dir] if flag == "--markup-only" => prerender::markup_only(std::path::Path::new(dir)),
        _ => {
            eprintln!("usage: prerender DIST_DIR | prerender --markup-only DIR");
            return std::process::ExitCode::FAILURE;
        }
    };
    match result {
        Ok(count) => {
            eprintln!("prerendered {count} page files");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod prerender {
    use std::path::Path;

    use help_core::html::escape;
    use help_core::model::REFERENCES_FILE;
    use help_core::Route;
    use nhs_login_help::app::{page_title, App, AppProps};
    use nhs_login_help::content;

    /// The markup of `route` as the app renders it on first load.
    fn render(route: Route) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        runtime.block_on(
            yew::ServerRenderer::<App>::with_props(move || AppProps {
                route,
                query: String::new(),
                online: true,
                partner: None,
                embedded: false,
                on_rendered: Default::default(),
            })
            .hydratable(false)
            .render(),
        )
    }

    /// `shell` (a page file as `help-content pages` wrote it) with `body` in
    /// its app element and its own title and description.
    fn fill(shell: &str, body: &str, title: &str, description: Option<&str>) -> Result<String, String> {
        let root = format!("<div id=\"{}\">", help_core::ids::ROOT);
        let start = shell.find(&root).ok_or_else(|| format!("no {root} in the page file"))? + root.len();
        // The shell's app element holds only its <noscript> fallback, so its
        // first closing tag is its own (`trunk serve` adds a script after it).
        let end = start + shell[start..].find("</div>").ok_or("the app element is not closed")?;
        let mut html = format!("{}{body}{}", &shell[..start], &shell[end..]);
        let title_tag = "<title>NHS login help</title>";
        if !html.contains(title_tag) {
            return Err("no <title>NHS login help</title> in the page file".into());
        }
        html = html.replacen(title_tag, &format!("<title>{}</title>", escape(title)), 1);
        if let Some(description) = description {
            let at = html.find("<meta name=\"description\" content=\"").ok_or("no description meta tag")?;
            let value_start = at + "<meta name=\"description\" content=\"".len();
            let value_end = value_start + html[value_start..].find('"').ok_or("unterminated description")?;
            html.replace_range(value_start..value_end, &escape(description));
        }
        Ok(html)
    }

    /// Every page file with the route it shows and its description.
    fn files() -> Vec<(String, Route, Option<&'static str>)> {
        let site = content::site();
        let mut files: Vec<(String, Route, Option<&str>)> = site
            .pages
            .iter()
            .enumerate()
            .map(|(index, page)| (page.file.clone(), Route::Page { index, anchor: None, reference: None }, Some(page.subtitle.as_str())))
            .collect();
        files.push((REFERENCES_FILE.to_owned(), Route::References, None));
        files
    }

    pub fn markup_only(dir: &Path) -> Result<usize, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let files = files();
        for (file, route, _) in &files {
            let path = dir.join(file);
            std::fs::write(&path, render(route.clone())).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(files.len())
    }

    /// Every page's body (`build.rs` writes them), for the app to fetch.
    const SITE_BODIES: &str = include_str!(concat!(env!("OUT_DIR"), "/site-bodies.json"));
    /// One body per line, in page order, each safe inside a `<script>`.
    const PAGE_BODIES: &str = include_str!(concat!(env!("OUT_DIR"), "/page-bodies.jsonl"));

    /// The data element with the bodies a view of `route` shows, which the
    /// app reads at start instead of fetching them.
    fn bodies_element(route: &Route) -> String {
        let lines: Vec<&str> = PAGE_BODIES.lines().collect();
        let bodies: Vec<&str> = route.pages_shown(content::site()).into_iter().map(|i| lines[i]).collect();
        format!(
            "<script type=\"application/json\" id=\"{}\">{{\"site\":\"{}\",\"pages\":[{}]}}</script>",
            content::PAGE_BODIES_ID,
            env!("SITE_VERSION"),
            bodies.join(",")
        )
    }

    pub fn run(dist: &Path) -> Result<usize, String> {
        let site = content::site();
        let files = files();
        for (file, route, description) in &files {
            let path = dist.join(file);
            let shell = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let title = page_title(site, route, false);
            let html = fill(&shell, &render(route.clone()), &title, description.filter(|d| !d.is_empty()))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let html = with_bodies(&html, route).map_err(|e| format!("{}: {e}", path.display()))?;
            std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let bodies = dist.join(content::BODIES_FILE);
        std::fs::write(&bodies, SITE_BODIES).map_err(|e| format!("{}: {e}", bodies.display()))?;
        Ok(files.len())
    }

    /// `html` with the bodies element at the end of its body, when the view
    /// shows any.
    fn with_bodies(html: &str, route: &Route) -> Result<String, String> {
        if route.pages_shown(content::site()).is_empty() {
            return Ok(html.to_owned());
        }
        let end = html.rfind("</body>").ok_or("no </body> in the page file")?;
        Ok(format!("{}{}{}", &html[..end], bodies_element(route), &html[end..]))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const SHELL: &str = "<html><head><title>NHS login help</title>\n    <meta name=\"description\" content=\"Help.\">\n  </head>\n  <body>\n    <div id=\"app\">\n      <noscript>old</noscript>\n    </div>\n  </body>\n</html>";

        #[test]
        fn titles_and_descriptions_are_escaped_and_the_content_replaces_the_fallback() {
            let hostile = r#"Landline "number" & <b>more</b> </title><script>alert('x')</script>"#;
            let html = fill(SHELL, "<main>page</main>", hostile, Some(hostile)).unwrap();
            assert!(html.contains("<title>Landline &quot;number&quot; &amp; &lt;b&gt;more&lt;/b&gt; &lt;/title&gt;&lt;script&gt;alert('x')&lt;/script&gt;</title>"), "{html}");
            assert!(html.contains("content=\"Landline &quot;number&quot; &amp; &lt;b&gt;"), "{html}");
            assert!(!html.contains("<script>") && !html.contains("noscript"), "{html}");
            assert!(html.contains("<div id=\"app\"><main>page</main></div>\n  </body>"), "{html}");
            let served = SHELL.replace("  </body>", "  <script>/* trunk serve's reload */</script>\n  </body>");
            let html = fill(&served, "<main>page</main>", "T", None).unwrap();
            assert!(html.contains("<div id=\"app\"><main>page</main></div>\n  <script>"), "{html}");
        }

        #[test]
        fn every_page_renders_its_own_heading_with_real_links() {
            let site = content::site();
            for (index, page) in site.pages.iter().enumerate() {
                let html = render(Route::Page { index, anchor: None, reference: None });
                assert!(html.contains(&format!(">{}</h1>", escape(&page.title))), "{}", page.file);
                assert!(html.contains("href=\"references.html\""), "{}: the footer links to the references", page.file);
            }
            for (index, page) in site.pages.iter().enumerate() {
                let route = Route::Page { index, anchor: None, reference: None };
                let element = bodies_element(&route);
                let json = element.split_once('>').unwrap().1.strip_suffix("</script>").unwrap();
                assert!(!json.contains('<'), "{}: nothing in the data can end its element", page.file);
                let bodies = help_core::bundle::bodies_from_json(json).unwrap();
                assert_eq!(bodies.pages.iter().map(|b| b.page).collect::<Vec<_>>(), site.shown_with(index), "{}", page.file);
                let rebuilt = site.outline().with_bodies(bodies.pages).unwrap();
                assert_eq!(rebuilt.pages[index], site.pages[index], "{}: the outline and its own body are the page", page.file);
            }
            let references = render(Route::References);
            assert!(references.contains("href=\"error-messages-support.html#cid7023\""), "{references}");
        }
    }
}
