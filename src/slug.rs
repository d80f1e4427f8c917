//! Slugs for page paths: lowercase ASCII words joined by `-`, never empty, never a path.

use std::collections::HashMap;

/// A URL-safe slug for `text`: transliterated to ASCII, lowercase, words joined by `-`.
/// Never contains `/`, `\\`, `.` or `..`, and is never empty (`untitled` stands in).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    truncate_at_word(&mut slug, 80);
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    slug
}

fn truncate_at_word(slug: &mut String, max: usize) {
    if slug.len() <= max {
        return;
    }
    let cut = slug[..max]
        .rfind('-')
        .filter(|&i| i > max / 2)
        .unwrap_or(max);
    slug.truncate(cut);
}

/// Hands out unique slugs: the first claimant of a slug gets it as is, later ones get `-2`,
/// `-3`, ... Callers claim in a deterministic order, so the result is stable across runs.
#[derive(Debug, Default)]
pub struct SlugSet {
    taken: HashMap<String, usize>,
}

impl SlugSet {
    pub fn new() -> SlugSet {
        SlugSet::default()
    }

    pub fn claim(&mut self, wanted: &str) -> String {
        let base = slugify(wanted);
        let mut candidate = base.clone();
        let mut n = *self.taken.get(&base).unwrap_or(&1);
        while self.taken.contains_key(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.taken.insert(base, n);
        self.taken.insert(candidate.clone(), 1);
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_readable() {
        assert_eq!(slugify("Ilham Aliyev"), "ilham-aliyev");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("Kraków, Poland"), "krakow-poland");
        assert_eq!(slugify("..."), "untitled");
        assert_eq!(slugify("a/b\\c"), "a-b-c");
    }

    #[test]
    fn collisions_get_numbered_suffixes_in_claim_order() {
        let mut set = SlugSet::new();
        assert_eq!(set.claim("Same"), "same");
        assert_eq!(set.claim("same!"), "same-2");
        assert_eq!(set.claim("Same?"), "same-3");
        assert_eq!(set.claim("same-2"), "same-2-2");
    }

    #[test]
    fn long_slugs_are_cut_at_a_word_boundary() {
        let long = "word ".repeat(40);
        let s = slugify(&long);
        assert!(s.len() <= 80 && !s.ends_with('-'), "{s}");
    }
}
