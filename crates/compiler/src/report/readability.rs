//! Reading age, as GOV.UK and the NHS measure plain English: the
//! Flesch-Kincaid grade plus 5 (a grade is a school year; children start at
//! about 5). The aim is a reading age of 9; above 12 is flagged.
//!
//! No crate on crates.io computes it on our terms (the ones there count
//! syllables for other languages or bundle dictionaries), so this is the
//! standard formula with a rule-based English syllable counter, tested on
//! words and sentences counted by hand.

use help_core::walk::{self, Visitor};
use help_core::{Block, Inline};

/// A reading age above this is flagged in the report.
pub const FLAG_ABOVE: f64 = 12.0;
/// What GOV.UK and the NHS aim for.
pub const AIM: f64 = 9.0;

/// Counts for some text: enough for the formula.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
    }

    /// Flesch-Kincaid grade + 5; `None` for text without words.
    pub fn reading_age(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let grade = 0.39 * self.words as f64 / self.sentences as f64 + 11.8 * self.syllables as f64 / self.words as f64 - 15.59;
        Some(grade + 5.0)
    }
}

/// Syllables in one English word, by rule: groups of vowels (and `y` after
/// the first letter), less a silent final `e`, and `-ed` and `-es` when they
/// add none ("changed", "makes"; not "wanted", "changes"). At least 1.
pub fn syllables(word: &str) -> usize {
    let w: Vec<u8> = word.bytes().filter(u8::is_ascii_alphabetic).map(|b| b.to_ascii_lowercase()).collect();
    if w.is_empty() {
        // A number or a symbol read aloud: one beat is the usual count.
        return usize::from(word.chars().any(|c| c.is_alphanumeric()));
    }
    let is_vowel = |i: usize, w: &[u8]| matches!(w[i], b'a' | b'e' | b'i' | b'o' | b'u') || (w[i] == b'y' && i > 0);
    let mut end = w.len();
    let consonant_before = |at: usize| at > 0 && !is_vowel(at - 1, &w);
    if end > 2 && w.ends_with(b"ed") && !matches!(w[end - 3], b't' | b'd') && consonant_before(end - 2) {
        end -= 2;
    } else if end > 2 && w.ends_with(b"es") && !matches!(w[end - 3], b's' | b'x' | b'z' | b'c' | b'g') && !w.ends_with(b"hes") && consonant_before(end - 2) {
        end -= 2;
    } else if end > 2 && w[end - 1] == b'e' && !(w[end - 2] == b'l' && consonant_before(end - 2)) && consonant_before(end - 1) {
        end -= 1;
    }
    let w = &w[..end];
    let mut groups = 0;
    let mut in_group = false;
    for i in 0..w.len() {
        let vowel = is_vowel(i, w);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups.max(1)
}

/// The sentences of some text: split after `.`, `?` or `!` before a space
/// (or at the end), trimmed, empty ones dropped.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let at_break = matches!(c, '.' | '?' | '!') && chars.get(k + 1).is_none_or(|&(_, next)| next.is_whitespace());
        if at_break {
            out.push(&text[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out.into_iter().map(str::trim).filter(|s| s.chars().any(char::is_alphanumeric)).collect()
}

/// The words of a sentence: runs of non-space holding a letter or digit.
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric))
}

pub fn counts(text: &str) -> Counts {
    let mut counts = Counts::default();
    for sentence in sentences(text) {
        counts.sentences += 1;
        for word in words(sentence) {
            counts.words += 1;
            counts.syllables += syllables(word);
        }
    }
    counts
}

/// The text of each paragraph, heading, list item line and details summary
/// in `blocks`: each ends a sentence (a list item need not end with a full
/// stop to be one). Visually hidden text is left out: it is not read on screen.
pub fn units(blocks: &[Block]) -> Vec<String> {
    struct Units {
        out: Vec<String>,
        current: Option<String>,
    }
    impl<'a> Visitor<'a> for Units {
        fn enter(&mut self, block: &'a Block) -> bool {
            match block {
                Block::Paragraph(_) | Block::Subheading(_) => self.current = Some(String::new()),
                Block::Details { summary, .. } => self.out.push(summary.clone()),
                Block::ContentsList { .. } => return false,
                _ => {}
            }
            true
        }
        fn leave(&mut self, block: &'a Block) {
            if matches!(block, Block::Paragraph(_) | Block::Subheading(_)) {
                if let Some(text) = self.current.take() {
                    self.out.push(text);
                }
            }
        }
        fn inline(&mut self, inline: &'a Inline) -> bool {
            match (inline, self.current.as_mut()) {
                (Inline::VisuallyHidden(_), _) => return false,
                (Inline::Text(t), Some(current)) => current.push_str(t),
                (Inline::Text(t), None) => self.out.push(t.clone()),
                (Inline::LineBreak, Some(current)) => current.push(' '),
                _ => {}
            }
            true
        }
    }
    let mut units = Units { out: Vec::new(), current: None };
    walk::blocks(blocks, &mut units);
    units.out.into_iter().map(|u| u.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|u| !u.is_empty()).collect()
}

/// Counts over `blocks`, each unit (see [`units`]) ending its last sentence.
pub fn counts_of_blocks(blocks: &[Block]) -> Counts {
    let mut total = Counts::default();
    for unit in units(blocks) {
        total.add(counts(&unit));
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_words_counted_by_hand() {
        let words = [
            ("the", 1), ("cat", 1), ("any", 2), ("you", 1), ("your", 1), ("time", 1), ("change", 1), ("changed", 1),
            ("changes", 2), ("makes", 1), ("uses", 2), ("wanted", 2), ("table", 2), ("people", 2), ("password", 2),
            ("reviewed", 2), ("security", 4), ("information", 4), ("everyone", 3), ("phone", 1), ("yes", 1),
            ("email", 2), ("account", 2), ("30", 1), ("–", 0), ("NHS", 1),
        ];
        let wrong: Vec<String> = words.iter().filter(|(w, n)| syllables(w) != *n).map(|(w, n)| format!("{w}: {} not {n}", syllables(w))).collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn sentences_split_after_their_stops_only() {
        assert_eq!(sentences("Log in. Then go to settings! Is it there? Version 2.5 works"), ["Log in.", "Then go to settings!", "Is it there?", "Version 2.5 works"]);
        assert_eq!(sentences("  "), Vec::<&str>::new());
    }

    /// The formula on sentences whose syllables were counted by hand; the
    /// counter must land within 0.5 of a year of it (it does exactly here).
    #[test]
    fn reading_age_of_known_sentences() {
        let cases = [
            // 6 words, 1 sentence, 6 syllables: 0.39*6 + 11.8*1 - 15.59 + 5.
            ("The cat sat on the mat.", 3.55),
            // 8 words, 10 syllables: 0.39*8 + 11.8*1.25 - 15.59 + 5.
            ("You can change your password at any time.", 7.28),
            // 2 sentences, 16 words, 25 syllables (se-cu-ri-ty, ac-count, in-for-ma-tion).
            ("We will send a security code to your phone. Enter it to protect your account information.", 0.39 * 8.0 + 11.8 * 25.0 / 16.0 - 15.59 + 5.0),
        ];
        for (text, expected) in cases {
            let age = counts(text).reading_age().unwrap();
            assert!((age - expected).abs() <= 0.5, "{text}: {age:.2}, by hand {expected:.2}");
        }
        assert_eq!(counts("").reading_age(), None);
    }
}
