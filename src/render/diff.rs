//! Word-level differences between an outlet's wording of a quotation and the canonical one.
//! Words are compared in normalised form, so changes that are only spelling, case, punctuation
//! or quote style are told apart from real wording changes; a wording that is a fragment of the
//! canonical one shows the parts it leaves out as an elision, not as deletions.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::knowledge::Knowledge;
use crate::link::quotes::normalise;
use crate::render::body::escape;

/// What a diff found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct DiffSummary {
    /// Runs of words added, removed or replaced inside the quotation.
    pub wording: usize,
    /// Words that differ only in spelling, case, punctuation or quote style.
    pub spelling: usize,
    /// The wording leaves out the beginning or end of the canonical text.
    pub fragment: bool,
}

/// HTML of `text` with its differences from `canonical` marked: `<ins>` for words only the
/// outlet has, `<del>` for canonical words it lacks, `<span class="spelling">` for words that
/// differ only in form, and `<span class="elided">…</span>` for a left-out start or end.
pub fn word_diff_html(canonical: &str, text: &str, k: &Knowledge) -> (String, DiffSummary) {
    if canonical == text {
        // Most quotations are carried in one wording only: nothing to compare. Escaping
        // leaves spaces alone, so the words are joined first and escaped once.
        let words: Vec<&str> = text.split_whitespace().collect();
        return (escape(&words.join(" ")), DiffSummary::default());
    }
    let old: Vec<&str> = canonical.split_whitespace().collect();
    let new: Vec<&str> = text.split_whitespace().collect();
    let key = |w: &&str| normalise(w, k);
    let old_keys: Vec<String> = old.iter().map(key).collect();
    let new_keys: Vec<String> = new.iter().map(key).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);
    let mut summary = DiffSummary::default();
    let mut parts: Vec<String> = Vec::new();
    let last = ops.len().saturating_sub(1);
    for (n, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    let (o, w) = (old[old_index + i], new[new_index + i]);
                    if o == w {
                        parts.push(escape(w));
                    } else {
                        summary.spelling += 1;
                        parts.push(format!(
                            "<span class=\"spelling\" title=\"canonical wording: {}\">{}</span>",
                            escape(o),
                            escape(w)
                        ));
                    }
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                if n == 0 || n == last {
                    summary.fragment = true;
                    parts.push(
                        "<span class=\"elided\" title=\"not in this outlet's wording\">…</span>"
                            .to_string(),
                    );
                } else {
                    summary.wording += 1;
                    parts.push(format!(
                        "<del>{}</del>",
                        escape(&old[old_index..old_index + old_len].join(" "))
                    ));
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                summary.wording += 1;
                parts.push(format!(
                    "<ins>{}</ins>",
                    escape(&new[new_index..new_index + new_len].join(" "))
                ));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                summary.wording += 1;
                parts.push(format!(
                    "<del>{}</del> <ins>{}</ins>",
                    escape(&old[old_index..old_index + old_len].join(" ")),
                    escape(&new[new_index..new_index + new_len].join(" "))
                ));
            }
        }
    }
    (parts.join(" "), summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_changes_are_told_apart_from_wording() {
        let k = Knowledge::builtin();
        let (html, s) = word_diff_html(
            "a fire near the city center.",
            "a fire near the city centre,",
            k,
        );
        assert_eq!(s.wording, 0);
        assert_eq!(s.spelling, 1);
        assert!(html.contains("class=\"spelling\""), "{html}");
        let (html, s) = word_diff_html(
            "the labor market will improve today",
            "the labour market will recover today",
            k,
        );
        assert_eq!(s.wording, 1, "{html}");
        assert_eq!(s.spelling, 1, "{html}");
        assert!(
            html.contains("<del>improve</del>") && html.contains("<ins>recover</ins>"),
            "{html}"
        );
    }

    #[test]
    fn a_fragment_shows_what_it_leaves_out_as_an_elision() {
        let k = Knowledge::builtin();
        let (html, s) = word_diff_html(
            "Mission accomplished! The tunnels have been destroyed.",
            "Mission accomplished!,",
            k,
        );
        assert!(s.fragment);
        assert_eq!(s.wording, 0, "{html}");
        assert!(html.contains("class=\"elided\""), "{html}");
    }

    #[test]
    fn diff_output_is_escaped() {
        let (html, _) = word_diff_html("a <b>", "a <i>", Knowledge::builtin());
        let (same, summary) = word_diff_html("x <b>  y", "x <b>  y", Knowledge::builtin());
        assert_eq!(same, "x &lt;b&gt; y");
        assert_eq!(summary, DiffSummary::default());
        assert!(!html.contains("<i>") && !html.contains("<b>"), "{html}");
    }
}
