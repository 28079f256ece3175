//! A place named as the reference of a distance is not where the event
//! happened. "al-Zahraa district of the city located 162 kilometers (101
//! miles) north of the capital Damascus", "Jayrud, 60 kilometres from
//! Damascus": news gives the bearing to help the reader find the place, as
//! a map legend would, and the place it measures from is elsewhere by
//! construction.

use sitrep_model::Span;

/// Units of a distance.
const UNITS: &[&str] = &["kilometers", "kilometres", "km", "kms", "miles", "mi"];

/// Words that may stand between the unit and the reference place.
const BETWEEN: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "of",
    "from",
    "the",
    "capital",
    "city",
    "town",
    "outside",
    "away",
];

/// How many words before the place the unit may be ("162 kilometers (101
/// miles) north of the capital Damascus": "miles" is four words back).
const WINDOW: usize = 6;

/// True when the place mention at `span` is the point a distance is
/// measured from.
#[must_use]
pub fn reference_point(text: &str, span: Span) -> bool {
    let mut from = span.start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let Some(before) = text.get(from..span.start) else { return false };
    let words: Vec<&str> =
        before.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    let tail = &words[words.len().saturating_sub(WINDOW)..];
    let Some(unit) = tail.iter().rposition(|w| UNITS.iter().any(|u| w.eq_ignore_ascii_case(u))) else { return false };
    let rest = &tail[unit + 1..];
    !rest.is_empty() && rest.iter().all(|w| BETWEEN.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, place: &str) -> bool {
        let at = text.find(place).expect("place in text");
        reference_point(text, Span::new(at, at + place.len()))
    }

    #[test]
    fn distances_measure_from_elsewhere() {
        let t = "the city located 162 kilometers (101 miles) north of the capital Damascus on Sunday";
        assert!(reference(t, "Damascus"));
        assert!(reference("the town of Jayrud 60 kilometres (35 miles) from Damascus", "Damascus"));
        assert!(reference("a village 10 km south-east of Kunduz city", "Kunduz"));
        assert!(
            !reference("Gunmen killed 10 km of road workers in Kunduz", "Kunduz"),
            "the unit is not the reference's"
        );
        assert!(!reference("fighting in Damascus", "Damascus"));
    }
}
