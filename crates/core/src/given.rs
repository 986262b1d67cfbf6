//! Text the page was given and shows back: the address's parameters and
//! fragment, and what is typed in the search box. One rule for all of it,
//! applied where that text is read and normalised.

/// Unicode's bidirectional controls (the Bidi_Control property): the marks
/// U+061C, U+200E and U+200F, the embeddings and overrides U+202A–U+202E
/// and the isolates U+2066–U+2069. Taken from a link, they make text shown
/// back ("Results for “…”") read reversed or out of order.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` as the page may show it: without bidirectional controls, so it
/// reads as its characters are. The caller normalises it (NFKC) first.
pub fn shown(text: &str) -> String {
    text.chars().filter(|&c| !is_bidi_control(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bidirectional_control_goes_and_nothing_else() {
        let controls = ['\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
        for c in controls {
            assert!(is_bidi_control(c), "U+{:04X}", c as u32);
            assert_eq!(shown(&format!("pass{c}word")), "password", "U+{:04X}", c as u32);
        }
        // Their neighbours, and right-to-left text itself, stay: only the
        // controls that reorder what is shown go.
        for c in ['\u{061B}', '\u{061D}', '\u{200D}', '\u{2010}', '\u{2029}', '\u{202F}', '\u{2065}', '\u{206A}', 'א', 'ع'] {
            assert!(!is_bidi_control(c), "U+{:04X}", c as u32);
        }
        assert_eq!(shown("\u{202E}drowssap\u{202C} CID7023 \u{2067}שלום\u{2069}"), "drowssap CID7023 שלום");
        assert_eq!(shown("ａｂｃ 😀 <b>"), "ａｂｃ 😀 <b>");
        assert_eq!(shown(&"\u{202E}".repeat(10_000)), "");
    }
}
