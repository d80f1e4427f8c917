//! One quotation per statement across outlets.
//!
//! Each occurrence is normalised (case, punctuation, quote and dash styles, thousands
//! separators, British/American spelling) into words. Occurrences join when their words are
//! the same or one's words run inside the other's (fragments, truncations; an elided
//! quotation "A ... B" needs each part inside, in order); a short fragment joins only when
//! everything it runs inside is one quotation already, so that a common phrase cannot chain
//! unrelated quotations together. Candidates come from an inverted
//! index of three-word shingles, so quotations are never compared all pairs; very short
//! quotations (one or two words) join only on exactly the same words and compatible speakers.

use crate::link::union_find::{find, union};

use rustc_hash::FxHashMap as HashMap;

use crate::knowledge::Knowledge;

/// A quotation occurrence to cluster.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// Parts of the quotation as printed (split quotations have several).
    pub parts: Vec<String>,
    pub speaker: Option<usize>,
}

/// Normalised words of a text, for comparison, separated by single spaces.
pub fn normalise(text: &str, k: &Knowledge) -> String {
    let mut out = String::new();
    normalise_into(text, k, &mut out);
    out
}

/// Appends the normalised words of `text` to `out`. Every quotation of a briefing passes
/// through here, so the words go into one string rather than one allocation each.
fn normalise_into(text: &str, k: &Knowledge, out: &mut String) {
    let folded = crate::text::fold(text);
    let mut word = String::new();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == ',')) {
        // Thousands separators: "1,000" and "1000" are the same number; other commas split.
        let number = raw.chars().all(|c| c.is_ascii_digit() || c == ',');
        for piece in raw.split(|c: char| !number && c == ',') {
            word.clear();
            word.extend(piece.chars().filter(|c| c.is_alphanumeric()));
            if word.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(k.american_spelling(&word).unwrap_or(&word));
        }
    }
}

/// Fragments of an occurrence separated by elisions ("...", "…") or by the split between
/// parts, each as normalised words separated by spaces.
fn fragments(o: &Occurrence, k: &Knowledge) -> Vec<String> {
    let mut out = Vec::new();
    for part in &o.parts {
        for piece in part.split("...").flat_map(|p| p.split('…')) {
            let mut words = String::new();
            normalise_into(piece, k, &mut words);
            if !words.is_empty() {
                out.push(words);
            }
        }
    }
    out
}

const SHINGLE: usize = 3;
/// Shingles shared by more occurrences than this are too common to propose candidates.
const HOT_SHINGLE: usize = 500;
/// A fragment of this many words or more is taken to be one statement wherever it runs.
const DISTINCTIVE_WORDS: usize = 8;

/// A normalised word, interned: comparing and hashing numbers is what makes clustering tens
/// of thousands of quotations cheap.
type Word = u32;

/// Each occurrence's fragments as interned words.
fn interned_fragments(occurrences: &[Occurrence], k: &Knowledge) -> Vec<Vec<Vec<Word>>> {
    use rayon::prelude::*;
    let normalised: Vec<Vec<String>> = occurrences.par_iter().map(|o| fragments(o, k)).collect();
    let mut ids: HashMap<&str, Word> = HashMap::default();
    normalised
        .iter()
        .map(|frags| {
            frags
                .iter()
                .map(|frag| {
                    frag.split(' ')
                        .map(|w| {
                            let next = ids.len() as Word;
                            *ids.entry(w).or_insert(next)
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// Clusters occurrences; returns the cluster index of each.
pub fn cluster(occurrences: &[Occurrence], k: &Knowledge) -> Vec<usize> {
    use rayon::prelude::*;
    let frags = interned_fragments(occurrences, k);
    let words: Vec<Vec<Word>> = frags.iter().map(|f| f.concat()).collect();
    let mut parent: Vec<usize> = (0..occurrences.len()).collect();

    // Exact matches (this also covers short quotations).
    let mut exact: HashMap<&[Word], Vec<usize>> =
        HashMap::with_capacity_and_hasher(words.len(), Default::default());
    for (i, w) in words.iter().enumerate() {
        if !w.is_empty() {
            exact.entry(w.as_slice()).or_default().push(i);
        }
    }
    let mut groups: Vec<&Vec<usize>> = exact.values().collect();
    groups.sort();
    for group in groups {
        for &j in &group[1..] {
            let i = group[0];
            if words[i].len() < SHINGLE
                && !compatible(occurrences[i].speaker, occurrences[j].speaker)
            {
                continue;
            }
            union(&mut parent, i, j);
        }
    }

    // Containment, through shingles: whatever contains all of a quotation's fragments holds
    // every one of their shingles, so the occurrences holding its rarest shingle are the only
    // candidates. The index is over each occurrence's whole words, so that a fragment running
    // across another occurrence's elision is found too. It is one sorted list of (shingle,
    // occurrence) pairs rather than a list per shingle: millions of small lists cost more to
    // allocate than everything else here.
    let mut postings: Vec<(u64, u32)> = words
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, w)| {
            w.windows(SHINGLE)
                .map(move |sh| (shingle_key(sh), i as u32))
        })
        .collect();
    postings.par_sort_unstable();
    postings.dedup();
    let mut index: HashMap<u64, (usize, usize)> =
        HashMap::with_capacity_and_hasher(postings.len() / 2, Default::default());
    for (at, &(key, _)) in postings.iter().enumerate() {
        index.entry(key).or_insert((at, at)).1 = at + 1;
    }
    let holders = |key: u64| index.get(&key).map(|&(from, to)| &postings[from..to]);
    // Who runs inside whom: (contained, container). Each occurrence's candidates are checked
    // on their own, so the occurrences are shared out between the cores; the pairs come back
    // in occurrence order, so the clusters do not depend on the number of threads.
    let words_of = &words;
    let contained_in: Vec<(usize, usize)> = frags
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, f)| {
            let rarest = f
                .iter()
                .flat_map(|frag| frag.windows(SHINGLE))
                .filter_map(|sh| holders(shingle_key(sh)))
                .min_by_key(|list| list.len());
            let candidates = rarest
                .filter(|list| list.len() <= HOT_SHINGLE)
                .unwrap_or(&[]);
            candidates
                .iter()
                .map(|&(_, j)| j as usize)
                .filter(move |&j| {
                    j != i && words_of[j] != words_of[i] && contains_all(&words_of[j], f)
                })
                .map(move |j| (i, j))
        })
        .collect();
    // A fragment long enough to be one statement joins its container outright.
    for &(inner, outer) in &contained_in {
        if words[inner].len() >= DISTINCTIVE_WORDS {
            union(&mut parent, inner, outer);
        }
    }
    // A short fragment ("we will win", "I think it's") can run inside many unrelated
    // quotations; joining it to all of them would chain those into one. It joins only when
    // every quotation it runs inside is already one cluster, and its speaker fits.
    let mut containers: HashMap<usize, Vec<usize>> = HashMap::default();
    for &(inner, outer) in &contained_in {
        if words[inner].len() < DISTINCTIVE_WORDS {
            containers.entry(inner).or_default().push(outer);
        }
    }
    let mut short: Vec<(usize, Vec<usize>)> = containers.into_iter().collect();
    short.sort_unstable();
    for (inner, outers) in short {
        let mut roots: Vec<usize> = outers.iter().map(|&o| find(&mut parent, o)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..]
            && outers
                .iter()
                .all(|&o| compatible(occurrences[inner].speaker, occurrences[o].speaker))
        {
            union(&mut parent, inner, root);
        }
    }
    (0..occurrences.len())
        .map(|i| find(&mut parent, i))
        .collect()
}

/// A shingle as one number: 21 bits of each word. Two shingles may share a number when a
/// briefing has over two million distinct words; that only adds candidates, which are
/// checked word by word anyway.
fn shingle_key(shingle: &[Word]) -> u64 {
    shingle
        .iter()
        .fold(0, |key, &w| (key << 21) | u64::from(w & 0x1f_ffff))
}

fn compatible(a: Option<usize>, b: Option<usize>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether every fragment (of two words or more) appears in `words`, in order.
fn contains_all(words: &[Word], frags: &[Vec<Word>]) -> bool {
    let mut from = 0;
    let mut any = false;
    for frag in frags {
        if frag.len() < 2 {
            continue;
        }
        match find_run(&words[from..], frag) {
            Some(at) => {
                from += at + frag.len();
                any = true;
            }
            None => return false,
        }
    }
    any
}

fn find_run(hay: &[Word], needle: &[Word]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ(parts: &[&str], speaker: Option<usize>) -> Occurrence {
        Occurrence {
            parts: parts.iter().map(|s| s.to_string()).collect(),
            speaker,
        }
    }

    fn clusters(o: &[Occurrence]) -> Vec<usize> {
        cluster(o, Knowledge::builtin())
    }

    #[test]
    fn spelling_quote_and_dash_styles_do_not_split_a_quotation() {
        let o = vec![
            occ(&["The fire jumped toward the city center."], Some(1)),
            occ(&["The fire jumped toward the city centre,"], Some(1)),
            occ(&["we have no home — and yes, it's all gone"], Some(2)),
            occ(&["we have no home - and yes, it’s all gone"], Some(2)),
        ];
        let c = clusters(&o);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        assert_ne!(c[0], c[2]);
    }

    #[test]
    fn fragments_and_split_quotations_join_the_whole() {
        let o = vec![
            occ(
                &[
                    "Maybe if we had gotten some concessions, it would be worth it. But we got nothing",
                ],
                None,
            ),
            occ(
                &[
                    "Maybe if we had gotten some concessions,",
                    "it would be worth it. But we got nothing.",
                ],
                None,
            ),
            occ(&["it would be worth it. But we got nothing"], None),
            occ(&["Maybe if we had ... worth it"], None),
        ];
        let c = clusters(&o);
        assert!(c.iter().all(|&x| x == c[0]), "{c:?}");
    }

    #[test]
    fn numbers_with_and_without_separators_match() {
        let o = vec![
            occ(&["more than 1,900 metres of tunnels"], None),
            occ(&["more than 1900 meters of tunnels"], None),
        ];
        let c = clusters(&o);
        assert_eq!(c[0], c[1]);
    }

    #[test]
    fn short_quotations_join_only_when_speakers_agree() {
        let o = vec![
            occ(&["mission accomplished"], Some(1)),
            occ(&["mission accomplished."], Some(1)),
            occ(&["mission accomplished"], None),
            occ(&["terrorists"], Some(2)),
            occ(&["terrorists"], Some(3)),
        ];
        let c = clusters(&o);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[0], c[2]);
        assert_ne!(c[3], c[4]);
    }

    #[test]
    fn different_quotations_stay_apart() {
        let o = vec![
            occ(&["We will rebuild the town, every street of it"], None),
            occ(&["We will rebuild the bridge within a year"], None),
        ];
        let c = clusters(&o);
        assert_ne!(c[0], c[1]);
    }

    #[test]
    fn a_common_short_phrase_does_not_chain_different_quotations() {
        let o = vec![
            occ(&["We will win this war and rebuild every town"], Some(1)),
            occ(
                &["Whatever they say, we will win, and the bridge will stand"],
                Some(2),
            ),
            occ(&["we will win"], None),
        ];
        let c = clusters(&o);
        assert_ne!(c[0], c[1], "{c:?}");
        assert_ne!(
            c[2], c[0],
            "a fragment of two quotations is credited to neither"
        );
    }
}
