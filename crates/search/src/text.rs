//! Words: how text and queries are cut into terms, a light English stemmer,
//! and the edit distance typo tolerance is measured in.

/// Longest word kept; longer runs are not words anyone types.
const MAX_WORD: usize = 40;

/// Whether `c` belongs in a word: ASCII letters and digits, and any other
/// letter-like character beyond Latin-1 punctuation. Deliberately free of
/// Unicode tables, which would cost the wasm more than the whole search
/// engine; the help is in English, and other scripts still form words.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c >= '\u{c0}' && c != '\u{d7}' && c != '\u{f7}' && !matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'))
}

/// Lower-case words of `text`: runs of letters and digits; apostrophes inside
/// a word are dropped (`don't` → `dont`, `surgery’s` → `surgerys`). Only
/// ASCII letters are lower-cased (see [`is_word_char`]).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut word = String::new();
        let mut length = 0;
        while let Some((_, c)) = chars.next() {
            if is_word_char(c) {
                if length < MAX_WORD {
                    word.push(c.to_ascii_lowercase());
                    length += 1;
                }
            } else if matches!(c, '\'' | '’') && !word.is_empty() && chars.peek().is_some_and(|(_, n)| is_word_char(*n)) {
                continue;
            } else if !word.is_empty() {
                return Some(std::mem::take(&mut word));
            }
        }
        (!word.is_empty()).then_some(word)
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// A light English stemmer: plurals, `-ed`, `-ing`, `-ly` and a final `-e`,
/// so `connecting`, `connected` and `connects` meet at `connect`, and
/// `change`, `changed`, `changing` at `chang`. Stems only need to agree with
/// each other, not to be words. Non-ASCII words are left as they are.
pub fn stem(word: &str) -> String {
    if !word.is_ascii() || word.len() <= 3 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_owned();
    }
    let mut w = word.as_bytes().to_vec();
    let has_vowel = |s: &[u8]| s.iter().any(|&c| is_vowel(c));
    // Plurals.
    if w.ends_with(b"sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with(b"ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push(b'y');
    } else if w.ends_with(b"s") && !w.ends_with(b"ss") && !w.ends_with(b"us") && !w.ends_with(b"is") {
        w.pop();
    }
    // Past and continuous forms, then undouble (`stopped` → `stop`).
    let mut stripped = false;
    for suffix in [&b"ing"[..], b"ed"] {
        if w.ends_with(suffix) && w.len() - suffix.len() >= 3 && has_vowel(&w[..w.len() - suffix.len()]) {
            w.truncate(w.len() - suffix.len());
            stripped = true;
            break;
        }
    }
    if stripped {
        let n = w.len();
        if n >= 2 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) && !matches!(w[n - 1], b'l' | b's' | b'z') {
            w.pop();
        }
    }
    if w.ends_with(b"ly") && w.len() > 5 {
        w.truncate(w.len() - 2);
    }
    if w.ends_with(b"e") && w.len() > 4 {
        w.pop();
    }
    String::from_utf8(w).unwrap_or_else(|_| word.to_owned())
}

/// Damerau–Levenshtein distance (optimal string alignment), giving up as
/// soon as it must exceed `max`: `None` then.
pub fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_chars(&a, &b, max, &mut Vec::new())
}

/// [`distance_within`] on characters already collected, reusing `rows`, for
/// scanning a whole vocabulary per keystroke without allocating.
pub fn distance_chars(a: &[char], b: &[char], max: usize, rows: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    rows.clear();
    rows.resize(3 * width, 0);
    let (mut prev2, mut prev, mut cur) = (0, width, 2 * width);
    for j in 0..width {
        rows[prev + j] = j;
    }
    for i in 1..=a.len() {
        rows[cur] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev + j] + 1).min(rows[cur + j - 1] + 1).min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    let d = rows[prev + b.len()];
    (d <= max).then_some(d)
}

/// Edits a typed word of this length may be away from a word in the index.
pub fn typo_budget(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_runs_without_apostrophes() {
        let w: Vec<String> = words("Unable to connect to your GP surgery’s system - Reference CID7023!").collect();
        assert_eq!(w, ["unable", "to", "connect", "to", "your", "gp", "surgerys", "system", "reference", "cid7023"]);
        assert_eq!(words("Two-step verification, don't").collect::<Vec<_>>(), ["two", "step", "verification", "dont"]);
        assert_eq!(words("'quoted' <b>").collect::<Vec<_>>(), ["quoted", "b"]);
        assert_eq!(words("Café naïve—done “ok”").collect::<Vec<_>>(), ["café", "naïve", "done", "ok"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(&"a".repeat(10_000)).next().map(|w| w.len()), Some(40));
    }

    #[test]
    fn stems_meet_across_forms() {
        for group in [
            &["connect", "connecting", "connected", "connects"][..],
            &["change", "changed", "changing", "changes"],
            &["expire", "expired", "expires"],
            &["receive", "received"],
            &["lock", "locked", "locks"],
            &["number", "numbers"],
            &["address", "addresses"],
            &["surgery", "surgeries"],
            &["stop", "stopped", "stopping"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?} -> {stems:?}");
        }
        assert_eq!(stem("gp"), "gp");
        assert_eq!(stem("cid7023"), "cid7023");
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn distance_counts_edits_and_transpositions() {
        assert_eq!(distance_within("pasword", "password", 1), Some(1));
        assert_eq!(distance_within("secruity", "security", 1), Some(1));
        assert_eq!(distance_within("landlne", "landline", 1), Some(1));
        assert_eq!(distance_within("lost", "lose", 1), Some(1));
        assert_eq!(distance_within("outlok", "outlook", 1), Some(1));
        assert_eq!(distance_within("verificaton", "verification", 2), Some(1));
        assert_eq!(distance_within("abc", "xyz", 2), None);
        assert_eq!(distance_within("a", "abcdef", 2), None);
        assert_eq!(distance_within("same", "same", 0), Some(0));
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget("gp"), 0);
        assert_eq!(typo_budget("lost"), 1);
        assert_eq!(typo_budget("password"), 2);
    }
}
