//! Explicit statements of an event's coded fatalities, as event datasets
//! write them in their notes ("Fatalities coded as 0 (VoJ reported 3).",
//! "Total fatalities coded as 5.", "Fatalities are split across 3 events
//! (2)."). Such a statement is the text's own answer to "how many died in this
//! event", so it overrides the count read from casualty phrases; the number a
//! party reported ("VoJ reported 3") is only that party's claim.

/// The fatalities a coding statement gives, if `sentence` is one.
#[must_use]
pub fn explicit(sentence: &str) -> Option<u32> {
    let lower = sentence.to_ascii_lowercase();
    let at = lower.find("fatalities")?;
    let rest = lower[at + "fatalities".len()..].trim_start();
    if let Some(after) = rest.strip_prefix("coded as") {
        return leading_number(after);
    }
    let split = rest.strip_prefix("are split").or_else(|| rest.strip_prefix("split"))?;
    let open = split.find('(')?;
    leading_number(&split[open + 1..])
}

fn leading_number(s: &str) -> Option<u32> {
    let s = s.trim_start();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::explicit;

    #[test]
    fn coding_statements() {
        for (s, n) in [
            ("Fatalities coded as 0 (VoJ reported 3 fatalities).", Some(0)),
            ("Total fatalities coded as 5.", Some(5)),
            ("Fatalities are split across 3 events (2) (VoJ reported 6 fatalities).", Some(2)),
            ("Fatalities split over 2 locations (1).", Some(1)),
            ("Fatalities coded as 3 (all 3 fatalities coded in Timurak).", Some(3)),
            ("VoJ Arabic reported that 3 out of 5 fatalities were commandos.", None),
            ("The attack caused heavy fatalities.", None),
            ("3 soldiers were killed.", None),
        ] {
            assert_eq!(explicit(s), n, "{s}");
        }
    }
}
