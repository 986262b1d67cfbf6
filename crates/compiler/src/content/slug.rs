//! Predictable anchors from heading text.

/// Lower-case ASCII letters and digits; apostrophes dropped; every other run
/// of characters one `-`; none at either end.
/// `Unable to connect to your GP surgery’s system` → `unable-to-connect-to-your-gp-surgerys-system`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if matches!(c, '\'' | '’' | '‘') {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_follow_the_url_contract() {
        assert_eq!(slug("How to add a landline number"), "how-to-add-a-landline-number");
        assert_eq!(slug("Forgotten your password?"), "forgotten-your-password");
        assert_eq!(slug("There is an issue connecting to my GP"), "there-is-an-issue-connecting-to-my-gp");
        assert_eq!(slug("I don't have an NHS login account"), "i-dont-have-an-nhs-login-account");
        assert_eq!(slug("If you are using Outlook, Hotmail, or Live"), "if-you-are-using-outlook-hotmail-or-live");
        assert_eq!(slug("  Café — 24 hours!  "), "caf-24-hours");
        assert_eq!(slug("???"), "");
    }
}
