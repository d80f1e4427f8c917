//! One person or organisation per real entity, across the whole briefing.
//!
//! Local entities (one article's) meet under keys: organisations under country + body
//! ("GB|ministry of defense"), people under a transliteration key of their full name. Then,
//! without comparing all pairs: full names that share a given name and differ in the surname
//! by one letter or a transliteration (Aliyev / Aliev) join within their given-name
//! block; surname-only mentions join the one full name with that surname, and stay apart
//! (with a notice) when several people share it. Editors can add and veto joins in
//! `crossbrief.yaml`.

use crate::link::union_find::{find, union};
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::config::AliasRule;
use crate::extract::{Extraction, LocalEntity};
use crate::model::EntityKind;
use crate::text::{fold, translit_key, within_one_edit};

/// A global entity while linking.
#[derive(Debug, Clone)]
pub struct Global {
    pub kind: EntityKind,
    /// Every form of the name seen, with the number of articles using it.
    pub forms: BTreeMap<String, usize>,
    pub roles: Vec<String>,
    pub country: Option<String>,
    pub keys: Vec<String>,
    /// Why variants were joined.
    pub notes: Vec<String>,
    /// Only a surname was ever seen.
    pub surname_only: bool,
    /// The name the editor chose (`merge: into:`), which overrides the most used form.
    pub editor_name: Option<String>,
    /// The name of an event elsewhere in the briefing: nobody, whatever it seemed to say.
    pub is_event: bool,
}

impl Global {
    /// The name shown: a full name over a lone surname; a name in its usual case over the
    /// same name shouted in capitals (a headline's "U.S. COMPANY"); then the form used by most
    /// articles; among equals, the longer; then the alphabetically first, so the choice is
    /// stable. A leading "the" is not a word of the name: "THE SENATE" is no full name.
    pub fn display_name(&self) -> String {
        if let Some(name) = &self.editor_name {
            return name.clone();
        }
        let best = self
            .forms
            .iter()
            .max_by_key(|&(form, &articles)| {
                let name = without_article(form);
                (
                    name.split_whitespace().count() >= 2,
                    !is_shouted(name),
                    articles,
                    name.len(),
                    std::cmp::Reverse(form),
                )
            })
            .map(|(form, _)| form.as_str())
            .unwrap_or_default();
        without_article(best).to_string()
    }

    pub fn aliases(&self) -> Vec<String> {
        let name = self.display_name();
        let mut seen = vec![fold(&name)];
        let mut out = Vec::new();
        for form in self.forms.keys() {
            let f = without_article(form).to_string();
            if !seen.contains(&fold(&f)) {
                seen.push(fold(&f));
                out.push(f);
            }
        }
        out
    }
}

/// The name without a leading "the" in any case.
fn without_article(name: &str) -> &str {
    match name.split_once(' ') {
        Some((first, rest)) if first.eq_ignore_ascii_case("the") => rest,
        _ => name,
    }
}

/// Several words, all in capitals: a headline or a label, not the name as usually written
/// (one word in capitals is an acronym, and may well be how the name is written).
fn is_shouted(name: &str) -> bool {
    name.split_whitespace().count() >= 2
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
}

/// The result: global entities, and for each article the global id of each local entity.
pub struct People {
    pub entities: Vec<Global>,
    pub of_local: Vec<Vec<usize>>,
    /// Surnames shared by several people, with the articles that use them alone.
    pub ambiguous: Vec<(String, Vec<usize>)>,
}

/// "Vox explained", "the Hill reported": a name that is one of the briefing's outlets is that
/// outlet, an organisation, however the sentence made it look like a person.
///
/// Not when the outlet is a person: a briefing of bulk articles has speeches and columns whose
/// source is their author ("Outlet: Jane Smith"). A person who holds a role somewhere
/// ("President Jane Smith") stays a person. A given name is no sign: "Al Jazeera" and
/// "Christian Science Monitor" open with one.
pub fn outlets_are_organisations<'a>(
    people: &mut People,
    outlets: impl Iterator<Item = &'a String>,
) {
    let outlet_keys: HashSet<String> = outlets.map(|o| outlet_key(o)).collect();
    for e in &mut people.entities {
        if e.kind == EntityKind::Person
            && e.editor_name.is_none()
            && e.roles.is_empty()
            && e.forms.keys().any(|f| outlet_keys.contains(&outlet_key(f)))
        {
            e.kind = EntityKind::Organization;
            e.surname_only = false;
            e.notes
                .push("Named like an outlet of this briefing, so taken to be that outlet.".into());
        }
    }
}

/// "Boeing said" in one article, "Boeing itself issued a statement" in another: a name that only
/// ever stood alone as a person's, with no full name to join, is the organisation of that
/// name when the briefing has one.
fn one_word_people_named_like_organisations(globals: &mut [Global], parent: &mut [usize]) {
    let organisation_named: HashMap<String, usize> = globals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == EntityKind::Organization)
        .flat_map(|(i, g)| g.forms.keys().map(move |f| (fold(f), i)))
        .collect();
    if organisation_named.is_empty() {
        return;
    }
    let mut joins = Vec::new();
    for i in lone_names_with_no_full_name(globals, parent) {
        let g = &mut globals[i];
        let Some(&org) = g
            .forms
            .keys()
            .find_map(|f| organisation_named.get(&fold(f)))
        else {
            continue;
        };
        g.kind = EntityKind::Organization;
        g.surname_only = false;
        note(
            g,
            "Named alone like a person, and elsewhere as an organisation of that name, so taken to be the organisation.".to_string(),
        );
        joins.push((i, org));
    }
    for (i, org) in joins {
        union(parent, i, org);
    }
}

/// "National Weather Service" and "US National Weather Service": an organisation named
/// without its country joins the one organisation of that name that has one. A generic body
/// that many countries have ("Defence Ministry", "the police", a one-word "Office") joins
/// nothing, and neither does a name that two countries' organisations share.
fn join_organisations_named_without_country(
    globals: &mut [Global],
    parent: &mut [usize],
    k: &crate::knowledge::Knowledge,
) {
    let split = |key: &str| -> Option<(String, String)> {
        let (country, body) = key.strip_prefix("org:")?.split_once('|')?;
        Some((country.to_string(), body.to_string()))
    };
    let mut with_country: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Organization {
            continue;
        }
        for (country, body) in g.keys.iter().filter_map(|key| split(key)) {
            if !country.is_empty() {
                with_country.entry(body).or_default().push(i);
            }
        }
    }
    let mut joins = Vec::new();
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Organization {
            continue;
        }
        for (country, body) in g.keys.iter().filter_map(|key| split(key)) {
            let generic = body.split_whitespace().count() < 2
                || body.split_whitespace().any(|w| k.is_body_noun(w));
            if !country.is_empty() || generic {
                continue;
            }
            let Some(ids) = with_country.get(&body) else {
                continue;
            };
            let mut roots: Vec<usize> = ids.iter().map(|&j| find(parent, j)).collect();
            roots.sort_unstable();
            roots.dedup();
            if let [only] = roots[..] {
                joins.push((i, only));
            }
        }
    }
    let why = "Named without its country in some articles; joined to the one organisation of that name that has one.";
    join_saying_why(
        globals,
        parent,
        joins.into_iter().map(|(i, org)| (i, org, why)),
    );
}

/// "CDC" in one article, "Centers for Disease Control and Prevention" in another: an
/// organisation only ever named by an acronym joins the one organisation whose name it
/// abbreviates: one that an article spelled out before it in brackets, or one whose name's
/// initials spell it (leaving out "of", "for", "and", a country before the name, and what
/// follows an "and"). Initials alone are weak evidence ("CVS" is not "Commons Votes
/// Services"), so they count only for a name that an article uses together with the acronym.
/// When two organisations could be meant, it joins neither; but two names that articles
/// spelled out as the same acronym ("Centers for Disease Control (CDC)", "Centers for Disease
/// Control and Prevention (CDC)") are one organisation.
fn join_acronyms_to_their_names(
    globals: &mut [Global],
    parent: &mut [usize],
    of_local: &[Vec<usize>],
    k: &crate::knowledge::Knowledge,
) {
    let is_acronym = |form: &str| {
        !form.contains(' ')
            && form.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && crate::extract::text::is_acronym(form)
    };
    let only_acronyms = |g: &Global| g.forms.keys().all(|f| is_acronym(f));
    // Ordered maps: the order of joins decides each group's first member, so it must not
    // depend on hashing.
    let mut spelled_out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut initialled: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Organization || only_acronyms(g) {
            continue;
        }
        for form in g.forms.keys() {
            if is_acronym(form) {
                spelled_out.entry(form.clone()).or_default().push(i);
            } else {
                for acronym in initials(form, k) {
                    initialled.entry(acronym).or_default().push(i);
                }
            }
        }
    }
    let mut joins: Vec<(usize, usize, &str)> = Vec::new();
    for ids in spelled_out.values() {
        for &other in &ids[1..] {
            joins.push((
                other,
                ids[0],
                "Spelled out as the same acronym as another name of it; joined.",
            ));
        }
    }
    join_saying_why(globals, parent, joins.drain(..));
    // Which articles name each organisation that the initials step compares.
    let compared: HashSet<usize> = initialled
        .values()
        .flatten()
        .copied()
        .chain((0..globals.len()).filter(|&i| only_acronyms(&globals[i])))
        .collect();
    let mut articles_of: HashMap<usize, HashSet<usize>> = HashMap::default();
    for (article, ids) in of_local.iter().enumerate() {
        for &id in ids.iter().filter(|id| compared.contains(id)) {
            articles_of.entry(id).or_default().insert(article);
        }
    }
    let together = |a: usize, b: usize| match (articles_of.get(&a), articles_of.get(&b)) {
        (Some(x), Some(y)) => !x.is_disjoint(y),
        _ => false,
    };
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Organization || !only_acronyms(g) {
            continue;
        }
        let spelled = g.forms.keys().filter_map(|f| spelled_out.get(f)).flatten();
        let initials_used_with_it = g
            .forms
            .keys()
            .filter_map(|f| initialled.get(f))
            .flatten()
            .filter(|&&j| together(i, j));
        let mut roots: Vec<usize> = spelled
            .chain(initials_used_with_it)
            .map(|&j| find(parent, j))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if let [only] = roots[..] {
            joins.push((
                i,
                only,
                "Named by an acronym; joined to the one organisation whose name it abbreviates.",
            ));
        }
    }
    join_saying_why(globals, parent, joins);
}

/// Joins each pair not joined already, with a note on the first of it saying why.
fn join_saying_why<'a>(
    globals: &mut [Global],
    parent: &mut [usize],
    joins: impl IntoIterator<Item = (usize, usize, &'a str)>,
) {
    for (a, b, why) in joins {
        if find(parent, a) != find(parent, b) {
            note(&mut globals[a], why.to_string());
            union(parent, a, b);
        }
    }
}

/// The acronyms a multi-word organisation's name may be written as: the initials of its
/// capitalised words, with and without a country in front, and of the part before an "and"
/// ("Centers for Disease Control and Prevention" is "CDC" as well as "CDCP"). None for a
/// name holding a possessive ("Clinton's Oval Office") or an acronym of its own ("DTTM
/// Operations LLC"), whose initials spell nothing anyone writes.
fn initials(name: &str, k: &crate::knowledge::Knowledge) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let unspellable = |w: &&str| {
        crate::knowledge::strip_possessive(w) != *w
            || crate::extract::text::is_acronym(w) && k.country(w).is_none()
    };
    if words.iter().any(unspellable) {
        return Vec::new();
    }
    let spell = |words: &[&str]| -> Option<String> {
        let letters: String = words
            .iter()
            .filter(|w| !k.is_name_connector(w))
            .map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect::<Option<String>>()?;
        (letters.chars().count() >= 3).then_some(letters)
    };
    let mut spelled = Vec::new();
    let without_country = match words.first() {
        Some(w) if words.len() > 2 && k.country(w).is_some() => &words[1..],
        _ => &words[..],
    };
    for part in [&words[..], without_country] {
        spelled.extend(spell(part));
        if let Some(and) = part.iter().position(|w| *w == "and") {
            spelled.extend(spell(&part[..and]));
        }
    }
    spelled.sort();
    spelled.dedup();
    spelled
}

/// The people known only by one word, with no role, that no full name of a person joined:
/// what may be an organisation that was named like a person.
fn lone_names_with_no_full_name(globals: &[Global], parent: &mut [usize]) -> Vec<usize> {
    let full_names: HashSet<usize> = (0..globals.len())
        .filter(|&i| globals[i].kind == EntityKind::Person && !globals[i].surname_only)
        .map(|i| find(parent, i))
        .collect();
    (0..globals.len())
        .filter(|&i| {
            let g = &globals[i];
            g.kind == EntityKind::Person
                && g.surname_only
                && g.roles.is_empty()
                && g.editor_name.is_none()
        })
        .filter(|&i| !full_names.contains(&find(parent, i)))
        .collect()
}

/// "Lufthansa said" in one article, "Lufthansa CEO Carsten Spohr" or "a spokesman for
/// Lufthansa" in another: a name that only ever stood alone as a person's, with no full name
/// to join, is an organisation when the briefing names its staff (`staff_roles` in the
/// lexicon).
fn one_word_people_with_staff(
    globals: &mut [Global],
    parent: &mut [usize],
    k: &crate::knowledge::Knowledge,
) {
    let employers: HashSet<String> = globals
        .iter()
        .flat_map(|g| &g.roles)
        .filter_map(|role| k.employer_in_role(role))
        .map(fold)
        .collect();
    if employers.is_empty() {
        return;
    }
    for i in lone_names_with_no_full_name(globals, parent) {
        let g = &mut globals[i];
        if g.forms.keys().any(|f| employers.contains(&fold(f))) {
            g.kind = EntityKind::Organization;
            g.surname_only = false;
            note(
                g,
                "Named alone like a person, and elsewhere with a staff (a chief executive, a spokesman...), so taken to be an organisation.".to_string(),
            );
        }
    }
}

/// An outlet's name without "The" and without a section after a dash: "The Hill", "New York
/// Times - News" → "hill", "new york times".
fn outlet_key(name: &str) -> String {
    let name = name.split(" - ").next().unwrap_or(name).trim();
    let lower = fold(name);
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

/// Joins the local entities of all articles.
pub fn link_people(
    extractions: &[Extraction],
    aliases: &[AliasRule],
    k: &crate::knowledge::Knowledge,
) -> People {
    let mut globals: Vec<Global> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut of_local: Vec<Vec<usize>> = Vec::with_capacity(extractions.len());

    // Editor's aliases: every variant's key leads to the named entity.
    let mut forced: HashMap<String, String> = HashMap::default();
    for rule in aliases.iter().filter(|r| !r.variants.is_empty()) {
        forced.insert(fold(&rule.name), rule.name.clone());
        for v in &rule.variants {
            forced.insert(fold(v), rule.name.clone());
        }
    }
    let vetoed = |a: &str, b: &str| {
        aliases.iter().any(|r| {
            let names = |x: &str| fold(&r.name) == fold(x);
            let nots = |x: &str| r.not.iter().any(|n| fold(n) == fold(x));
            (names(a) && nots(b)) || (names(b) && nots(a))
        })
    };

    for x in extractions {
        let mut ids = Vec::with_capacity(x.entities.len());
        for e in &x.entities {
            let key = match forced.get(&fold(&e.name)) {
                Some(target) => format!("alias:{}", fold(target)),
                None => e.key(),
            };
            let id = *by_key.entry(key.clone()).or_insert_with(|| {
                globals.push(Global {
                    kind: e.kind,
                    forms: BTreeMap::new(),
                    roles: Vec::new(),
                    country: e.country.clone(),
                    keys: vec![key.clone()],
                    notes: Vec::new(),
                    surname_only: e.is_single_word_person(),
                    editor_name: key
                        .strip_prefix("alias:")
                        .map(|_| forced.get(&fold(&e.name)).cloned().unwrap_or_default()),
                    is_event: false,
                });
                globals.len() - 1
            });
            if key.starts_with("alias:") {
                note(
                    &mut globals[id],
                    format!(
                        "\"{}\" joined by the editor's aliases in crossbrief.yaml",
                        e.name
                    ),
                );
            }
            add_local(&mut globals[id], e);
            ids.push(id);
        }
        of_local.push(ids);
    }

    let mut parent: Vec<usize> = (0..globals.len()).collect();
    join_spelling_variants(&globals, &mut parent, &vetoed, k);
    join_names_after_descriptions(&globals, &mut parent, &vetoed, k);
    join_organisations_named_without_country(&mut globals, &mut parent, k);
    join_acronyms_to_their_names(&mut globals, &mut parent, &of_local, k);
    let ambiguous = join_surnames(&mut globals, &mut parent, &vetoed, &of_local, k);
    one_word_people_named_like_organisations(&mut globals, &mut parent);
    one_word_people_with_staff(&mut globals, &mut parent, k);
    let events = one_word_people_named_like_events(&globals, &mut parent, extractions);

    // Collapse the union-find into final entities, keeping first-seen order.
    let mut new_index: HashMap<usize, usize> = HashMap::default();
    let mut merged: Vec<Global> = Vec::new();
    let mut map = vec![0; globals.len()];
    for (i, slot) in map.iter_mut().enumerate() {
        let root = find(&mut parent, i);
        let target = *new_index.entry(root).or_insert_with(|| {
            merged.push(Global {
                forms: BTreeMap::new(),
                roles: Vec::new(),
                keys: Vec::new(),
                notes: Vec::new(),
                ..globals[root].clone()
            });
            merged.len() - 1
        });
        *slot = target;
    }
    for (i, g) in globals.into_iter().enumerate() {
        let m = &mut merged[map[i]];
        for (form, n) in g.forms {
            *m.forms.entry(form).or_default() += n;
        }
        for r in g.roles {
            if !m.roles.iter().any(|x| fold(x) == fold(&r)) {
                m.roles.push(r);
            }
        }
        m.keys.extend(g.keys);
        for n in g.notes {
            note(m, n);
        }
        // A speaking place joined to a person (who may come later) makes a person; only the
        // members of the group's kind say whether it is known by a surname only.
        if g.kind == EntityKind::Person && m.kind != EntityKind::Person {
            m.kind = EntityKind::Person;
            m.surname_only = true;
        }
        if g.kind == m.kind {
            m.surname_only &= g.surname_only;
        }
        if m.editor_name.is_none() {
            m.editor_name = g.editor_name;
        }
        if m.country.is_none() {
            m.country = g.country;
        }
    }
    for ids in &mut of_local {
        for id in ids.iter_mut() {
            *id = map[*id];
        }
    }
    for g in events {
        merged[map[g]].is_event = true;
    }
    People {
        entities: merged,
        of_local,
        ambiguous,
    }
}

/// "Maria claimed more than 30 lives" in one article, "Hurricane Maria" in another: a lone
/// one-word name that some article gives an event is that event, and speaks for nobody.
/// Returns the entities (before collapsing) that are such events.
fn one_word_people_named_like_events(
    globals: &[Global],
    parent: &mut [usize],
    extractions: &[Extraction],
) -> Vec<usize> {
    let events: rustc_hash::FxHashSet<String> = extractions
        .iter()
        .flat_map(|x| &x.events)
        .filter(|e| !e.contains(' '))
        .map(|e| fold(e))
        .collect();
    if events.is_empty() {
        return Vec::new();
    }
    // A group is an event only when none of its members has a name of two words or more.
    let mut has_full_name = vec![false; globals.len()];
    for (i, g) in globals.iter().enumerate() {
        if g.forms.keys().any(|f| f.contains(' ')) {
            has_full_name[find(parent, i)] = true;
        }
    }
    (0..globals.len())
        .filter(|&i| {
            let g = &globals[i];
            g.kind == EntityKind::Person
                && !has_full_name[find(parent, i)]
                && g.forms.keys().all(|f| events.contains(&fold(f)))
        })
        .collect()
}

fn add_local(g: &mut Global, e: &LocalEntity) {
    for v in &e.variants {
        *g.forms.entry(v.replace('’', "'")).or_default() += 1;
    }
    for r in &e.roles {
        if !g.roles.iter().any(|x| fold(x) == fold(r)) {
            g.roles.push(r.clone());
        }
    }
    g.surname_only &= e.is_single_word_person();
}

fn note(g: &mut Global, text: String) {
    if !g.notes.contains(&text) {
        g.notes.push(text);
    }
}

/// A given name (transliteration key) and a surname's first letter.
type Block = (String, Option<char>);

/// "White Nationalist Richard Spencer" (a headline's description run into the name) and
/// "Richard Spencer": a full name that ends in another person's full name, opening with a
/// given name, is that person when no given name comes before it ("Mary Ann Smith" is not
/// "Ann Smith").
fn join_names_after_descriptions(
    globals: &[Global],
    parent: &mut [usize],
    vetoed: &dyn Fn(&str, &str) -> bool,
    k: &crate::knowledge::Knowledge,
) {
    let person_named: HashMap<String, (usize, usize)> = globals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == EntityKind::Person && !g.surname_only)
        .flat_map(|(i, g)| g.forms.iter().map(move |(f, &n)| (translit_key(f), (i, n))))
        .collect();
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Person || g.surname_only || g.editor_name.is_some() {
            continue;
        }
        for (form, &uses) in &g.forms {
            let words: Vec<&str> = form.split_whitespace().collect();
            let Some(cut) = (1..words.len().saturating_sub(1)).find(|&c| {
                k.given_name(words[c]).is_some()
                    && words[..c].iter().all(|w| k.given_name(w).is_none())
            }) else {
                continue;
            };
            let rest = words[cut..].join(" ");
            // Only a name used more than the described form, so the page keeps its name.
            if let Some(&(other, other_uses)) = person_named.get(&translit_key(&rest))
                && other != i
                && other_uses > uses
                && !vetoed(form, &rest)
            {
                union(parent, other, i);
            }
        }
    }
}

/// Whether two surname keys (after transliteration) may be one surname misspelt: one letter
/// apart, and long enough for one letter to be a slip rather than another name. Below six
/// letters one letter makes another man too often ("Biden" / "Boyden", "Boies" / "Boyer",
/// "Bossie" / "Bowie"); from six it is a slip ("Shoukry" / "Shukry", "Petrov" / "Petrova").
fn may_be_misspelt(a: &str, b: &str) -> bool {
    a.len().min(b.len()) >= 6 && within_one_edit(a, b)
}

/// Full names in the same given-name block whose surnames differ by one edit after
/// transliteration (Aliyev / Aliev / Alijev all meet on the key; "Shoukry" and
/// "Shukry" by one edit). Only names within a block are compared.
fn join_spelling_variants(
    globals: &[Global],
    parent: &mut [usize],
    vetoed: &dyn Fn(&str, &str) -> bool,
    k: &crate::knowledge::Knowledge,
) {
    // A block is a given name and the first letter of the surname, which joined names must
    // share: the pairs compared in a block grow with its square, and "John" alone has
    // thousands of surnames in a newsroom's year. A short form counts as the name it shortens
    // ("Joe" as "Joseph").
    let mut blocks: HashMap<Block, Vec<Member>> = HashMap::default();
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Person {
            continue;
        }
        for form in g.forms.keys() {
            let words: Vec<&str> = form.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let surname = translit_key(words[words.len() - 1]);
            let initial = surname.chars().next();
            let given = translit_key(&k.full_given_name(words[0]));
            let middle = middle_initials(&words);
            blocks.entry((given.clone(), initial)).or_default().push((
                i,
                surname.clone(),
                middle,
                None,
            ));
            // "Sarah Huckabee Sanders" is also "Huckabee Sanders": a word before the surname
            // that is no given name is part of a compound surname ("Mary Ann Smith" is not
            // "Ann Smith").
            let before = words[words.len() - 2];
            // An initial ("George W. Bush") is no part of a surname; a particle ("Frederic Van
            // Leeuw", "Ibrahim El Bakraoui") always is, though "Van" is a given name too.
            let is_initial = before.trim_end_matches('.').chars().count() <= 1;
            if words.len() >= 3
                && !is_initial
                && (k.given_name(before).is_none() || k.is_name_connector(before))
                && crate::extract::text::is_capitalised(before)
            {
                blocks
                    .entry((translit_key(before), initial))
                    .or_default()
                    .push((
                        i,
                        surname,
                        String::new(),
                        Some(FirstWord {
                            key: given.clone(),
                            names_someone: !is_title_or_role(k, words[0]),
                        }),
                    ));
            }
        }
    }
    let mut keys: Vec<&Block> = blocks.keys().collect();
    keys.sort();
    for key in keys {
        let members = &blocks[key];
        // A name without middle initials joins the ones with them only when they agree:
        // "George Bush" is neither "George W. Bush" nor "George H. W. Bush" when both are
        // in the briefing, and through it they would join each other.
        let mut unmarked: Vec<(usize, Vec<usize>, Option<&str>, bool)> = Vec::new();
        // "Ibrahim El Bakraoui" and "Khalid El Bakraoui" share a compound surname, and are
        // brothers: full names in a block by their compound surname join each other only with
        // the same given name, and the compound surname alone ("El Bakraoui") joins only when
        // the full names it fits have one given name between them.
        // Two first words that are not titles tell two people apart: a title run into a
        // name ("Director-General Tedros Adhanom Ghebreyesus") is no other person.
        let same_given = |x: &FirstWord, y: &FirstWord| {
            !(x.names_someone && y.names_someone)
                || x.key == y.key
                || x.key.len().min(y.key.len()) >= 5 && within_one_edit(&x.key, &y.key)
        };
        let given_names_fitting = |a: usize| -> usize {
            let mut distinct: Vec<&FirstWord> = Vec::new();
            let fitting = members
                .iter()
                .filter(|(j, sb, ..)| *j != members[a].0 && *sb == members[a].1)
                .filter_map(|(.., given)| given.as_ref())
                .filter(|given| given.names_someone);
            for given in fitting {
                if !distinct.iter().any(|d| same_given(d, given)) {
                    distinct.push(given);
                }
            }
            distinct.len()
        };
        // Counted once per member, and only in blocks that hold a compound surname: the pairs
        // below would otherwise count them again for each partner.
        let fitting: Vec<usize> = if members.iter().any(|m| m.3.is_some()) {
            (0..members.len()).map(given_names_fitting).collect()
        } else {
            Vec::new()
        };
        for a in 0..members.len() {
            for b in a + 1..members.len() {
                let (i, sa, ma, given_a) = &members[a];
                let (j, sb, mb, given_b) = &members[b];
                if i == j || !(sa == sb || may_be_misspelt(sa, sb)) {
                    continue;
                }
                match (given_a, given_b) {
                    (Some(x), Some(y)) if !same_given(x, y) => continue,
                    (Some(_), None) if fitting[b] > 1 => continue,
                    (None, Some(_)) if fitting[a] > 1 => continue,
                    _ => {}
                }
                let (na, nb) = (globals[*i].display_name(), globals[*j].display_name());
                if vetoed(&na, &nb) {
                    continue;
                }
                match (ma.is_empty(), mb.is_empty()) {
                    (false, false) if ma != mb => {}
                    (false, false) | (true, true) => union(parent, *i, *j),
                    (true, false) => note_middle(&mut unmarked, a, b, mb),
                    (false, true) => note_middle(&mut unmarked, b, a, ma),
                }
            }
        }
        for (a, partners, _, agree) in unmarked {
            if agree {
                for b in partners {
                    union(parent, members[a].0, members[b].0);
                }
            }
        }
    }
}

/// A name in a block: the entity, its surname key, its middle initials, and, when it is in
/// the block by the first word of a compound surname rather than by a given name, its first
/// word.
type Member = (usize, String, String, Option<FirstWord>);

/// The first word of a full name filed under its compound surname, to tell apart people
/// who share the surname.
struct FirstWord {
    /// Its transliteration key, as a given name in full ("Joe" as "joseph").
    key: String,
    /// False for a title or role run into the name ("Director-General Tedros Adhanom
    /// Ghebreyesus"), which tells nobody apart.
    names_someone: bool,
}

/// "President", "Director-General": a title or role word, not the start of a name.
fn is_title_or_role(k: &crate::knowledge::Knowledge, word: &str) -> bool {
    k.is_title_word(word)
        || word
            .split('-')
            .any(|part| k.is_role_noun(part) || k.is_role_modifier(part))
}

/// Records that member `a`, a name without middle initials, matches member `b`, whose
/// middle initials are `middle`; it stays agreeing while every such match has the same.
fn note_middle<'m>(
    unmarked: &mut Vec<(usize, Vec<usize>, Option<&'m str>, bool)>,
    a: usize,
    b: usize,
    middle: &'m str,
) {
    match unmarked.iter_mut().find(|(x, ..)| *x == a) {
        Some((_, partners, seen, agree)) => {
            partners.push(b);
            *agree &= seen.is_none_or(|m| m == middle);
            seen.get_or_insert(middle);
        }
        None => unmarked.push((a, vec![b], Some(middle), true)),
    }
}

/// The initials of the words between a full name's first and last: "hw" for "George H.W.
/// Bush" and "George Herbert Walker Bush", "" for "George Bush".
fn middle_initials(words: &[&str]) -> String {
    let Some((_, inner)) = words.split_last() else {
        return String::new();
    };
    inner
        .iter()
        .skip(1)
        .flat_map(|w| w.split(['.', '-']))
        .filter_map(|part| part.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Surname-only people join the one full name with that surname. When several full names
/// share it, they join the one holding the title they are given, or the one the briefing
/// names in far more articles than the others (with a note saying so); failing both,
/// nothing is joined and the surname is reported as ambiguous.
fn join_surnames(
    globals: &mut [Global],
    parent: &mut [usize],
    vetoed: &dyn Fn(&str, &str) -> bool,
    of_local: &[Vec<usize>],
    k: &crate::knowledge::Knowledge,
) -> Vec<(String, Vec<usize>)> {
    let articles_of_global = articles_per_entity(globals.len(), of_local);
    let mut dominant_joins: Vec<(usize, usize, String)> = Vec::new();
    let mut full_by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, g) in globals.iter().enumerate() {
        if g.kind == EntityKind::Person && !g.surname_only {
            let mut surnames: Vec<String> = g
                .forms
                .keys()
                .filter(|f| f.split_whitespace().count() >= 2)
                .filter_map(|f| crate::extract::names::lone_surname(k, f).map(translit_key))
                .collect();
            surnames.sort();
            surnames.dedup();
            for s in surnames {
                full_by_surname.entry(s).or_default().push(i);
            }
        }
    }
    let mut ambiguous = Vec::new();
    // The words of a full name's roles, made once however many surnames ask.
    let mut role_words_of: HashMap<usize, rustc_hash::FxHashSet<String>> = HashMap::default();
    for (i, g) in globals.iter().enumerate() {
        if g.kind != EntityKind::Person || !g.surname_only {
            continue;
        }
        let surname = translit_key(&g.display_name());
        let Some(candidates) = full_by_surname.get(&surname) else {
            continue;
        };
        let mut roots: Vec<usize> = candidates.iter().map(|&c| find(parent, c)).collect();
        roots.sort_unstable();
        roots.dedup();
        // Several people share the surname: "President X" is the one who holds that title.
        let titled: Vec<usize> = if roots.len() > 1 && !g.roles.is_empty() {
            let own = role_words(g, k);
            candidates
                .iter()
                .filter(|&&c| {
                    let theirs = role_words_of
                        .entry(c)
                        .or_insert_with(|| role_words(&globals[c], k));
                    own.iter().any(|w| theirs.contains(w))
                })
                .map(|&c| find(parent, c))
                .collect::<std::collections::BTreeSet<usize>>()
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        match (roots.as_slice(), titled.as_slice()) {
            ([one], _) | (_, [one]) => {
                if !vetoed(&g.display_name(), &globals[*one].display_name()) {
                    union(parent, *one, i);
                }
            }
            _ => {
                let among = if titled.len() > 1 { &titled } else { &roots };
                match dominant_bearer(among, candidates, parent, &articles_of_global) {
                    Some((one, theirs, others))
                        if surname.len() > 1
                            && surely_a_person(&globals[one], k)
                            && !vetoed(&g.display_name(), &globals[one].display_name()) =>
                    {
                        let rest = match among.len() - 1 {
                            1 => format!("the other person with that surname in {others}"),
                            n => format!("the {n} others with it in {others} between them"),
                        };
                        let why = format!(
                            "\"{}\" alone is taken to be {}, named in {theirs} articles; {rest}.",
                            g.display_name(),
                            globals[one].display_name(),
                        );
                        dominant_joins.push((i, one, why));
                    }
                    _ => ambiguous.push((i, g.display_name())),
                }
            }
        }
    }
    for (surname, person, why) in dominant_joins {
        if find(parent, surname) != find(parent, person) {
            note(&mut globals[surname], why);
            union(parent, person, surname);
        }
    }
    join_speaking_places_to_people(globals, parent, &full_by_surname);
    // The articles that use each ambiguous surname, in one pass over the articles.
    let mut articles_of: HashMap<usize, Vec<usize>> =
        ambiguous.iter().map(|&(i, _)| (i, Vec::new())).collect();
    for (a, ids) in of_local.iter().enumerate() {
        for id in ids {
            if let Some(list) = articles_of.get_mut(id)
                && list.last() != Some(&a)
            {
                list.push(a);
            }
        }
    }
    ambiguous
        .into_iter()
        .map(|(i, name)| (name, articles_of.remove(&i).unwrap_or_default()))
        .collect()
}

/// How many more articles the most named bearer of a surname needs than all the others
/// together before the surname alone is taken to be theirs ("Obama" for Barack Obama, not
/// his wife or brother). Short of it ("Clinton", "Bush") the surname stays ambiguous.
const DOMINANCE: usize = 5;
/// Fewer articles than this say too little about who is the better known.
const DOMINANT_MIN_ARTICLES: usize = 3;

/// Of the people (union roots) sharing a surname, the one named in `DOMINANCE` times as
/// many articles as the others together, with both counts.
fn dominant_bearer(
    roots: &[usize],
    candidates: &[usize],
    parent: &mut [usize],
    articles_of_global: &[usize],
) -> Option<(usize, usize, usize)> {
    let mut per_root: Vec<(usize, usize)> = roots.iter().map(|&r| (r, 0)).collect();
    for &c in candidates {
        let root = find(parent, c);
        if let Some(slot) = per_root.iter_mut().find(|(r, _)| *r == root) {
            slot.1 += articles_of_global[c];
        }
    }
    let &(best, theirs) = per_root
        .iter()
        .max_by_key(|&&(r, n)| (n, std::cmp::Reverse(r)))?;
    let others: usize = per_root.iter().map(|&(_, n)| n).sum::<usize>() - theirs;
    (theirs >= DOMINANT_MIN_ARTICLES && theirs >= DOMINANCE * others.max(1))
        .then_some((best, theirs, others))
}

/// Whether a person is surely one: their name opens with a known given name, or the
/// articles give them a role ("Mitt Romney"). "Goldman Sachs" or "House Intelligence", taken
/// for people, are no one a surname alone should mean.
fn surely_a_person(g: &Global, k: &crate::knowledge::Knowledge) -> bool {
    !g.roles.is_empty()
        || g.display_name()
            .split_whitespace()
            .next()
            .is_some_and(|first| k.given_name(first).is_some())
}

/// In how many articles each entity (before joining) is named.
fn articles_per_entity(entities: usize, of_local: &[Vec<usize>]) -> Vec<usize> {
    let mut count = vec![0; entities];
    let mut last_article = vec![usize::MAX; entities];
    for (a, ids) in of_local.iter().enumerate() {
        for &id in ids {
            if last_article[id] != a {
                last_article[id] = a;
                count[id] += 1;
            }
        }
    }
    count
}

/// The words naming a person's roles ("President", "Gov."), without the modifiers and joining
/// words any role may have ("former", "acting", "of"): two people holding a role named by the
/// same word share it.
fn role_words(g: &Global, k: &crate::knowledge::Knowledge) -> rustc_hash::FxHashSet<String> {
    g.roles
        .iter()
        .flat_map(|r| r.split_whitespace())
        .filter(|w| !k.is_role_modifier(w) && !k.is_name_connector(&w.to_lowercase()))
        .map(|w| fold(w.trim_end_matches('.')))
        .filter(|w| w.len() > 2)
        .collect()
}

/// "Obama said" in an article that never gives the full name: the extractor, seeing a town
/// of that name, took it for the town's government speaking. Across the briefing it is the
/// surname of a person: it joins the surname-only person of that name, or the one full name
/// with that surname.
fn join_speaking_places_to_people(
    globals: &[Global],
    parent: &mut [usize],
    full_by_surname: &HashMap<String, Vec<usize>>,
) {
    let surname_only: HashMap<String, usize> = globals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == EntityKind::Person && g.surname_only)
        .map(|(i, g)| (translit_key(&g.display_name()), i))
        .collect();
    for (i, g) in globals.iter().enumerate() {
        let speaking_place = g.kind == EntityKind::Organization
            && g.keys.iter().any(|k| {
                k.split_once('|')
                    .is_some_and(|(_, body)| body.starts_with(crate::extract::PLACE_GOVERNMENT))
            });
        let name = g.display_name();
        if !speaking_place || name.contains(' ') {
            continue;
        }
        let key = translit_key(&name);
        if let Some(&person) = surname_only.get(&key) {
            union(parent, person, i);
            continue;
        }
        let mut roots: Vec<usize> = full_by_surname
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&c| find(parent, c))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if let [one] = roots.as_slice() {
            union(parent, *one, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn extract(text: &str) -> Extraction {
        let (doc, _) =
            crate::load::parse_document("content/t.txt", format!("T\n\n{text}"), 0).unwrap();
        crate::extract::extract(&doc.body.text, &doc.body.blocks, Knowledge::builtin())
    }

    fn names(p: &People) -> Vec<String> {
        p.entities.iter().map(|g| g.display_name()).collect()
    }

    #[test]
    fn transliteration_variants_and_surnames_join_one_person() {
        let x = vec![
            extract("Azerbaijani President Ilham Aliyev said it was over."),
            extract("Ilham Aliyev said so again."),
            extract("President Ilham Aliev said it was over. Aliev added more."),
            extract("Mr. Alijev said it was over."),
        ];
        let p = link_people(&x, &[], Knowledge::builtin());
        let persons: Vec<_> = p
            .entities
            .iter()
            .filter(|g| g.kind == EntityKind::Person)
            .collect();
        assert_eq!(persons.len(), 1, "{:?}", names(&p));
        assert_eq!(persons[0].display_name(), "Ilham Aliyev");
        assert!(persons[0].aliases().contains(&"Ilham Aliev".to_string()));
    }

    fn named(forms: &[(&str, usize)]) -> Global {
        Global {
            kind: EntityKind::Organization,
            forms: forms.iter().map(|&(f, n)| (f.to_string(), n)).collect(),
            roles: Vec::new(),
            country: None,
            keys: Vec::new(),
            notes: Vec::new(),
            surname_only: false,
            editor_name: None,
            is_event: false,
        }
    }

    #[test]
    fn a_name_shouted_in_a_headline_or_led_by_the_is_not_the_name_shown() {
        // "THE SENATE" once in a headline is not a fuller name than "Senate" in forty articles.
        let senate = named(&[("Senate", 40), ("THE SENATE", 1)]);
        assert_eq!(senate.display_name(), "Senate");
        let company = named(&[("Tarnow Company", 1), ("TARNOW COMPANY", 3)]);
        assert_eq!(company.display_name(), "Tarnow Company");
        assert_eq!(
            named(&[("THE TARNOW COMPANY", 1)]).display_name(),
            "TARNOW COMPANY"
        );
        // One word in capitals is an acronym: how often it is written so decides.
        assert_eq!(named(&[("ZELCO", 5), ("Zelco", 2)]).display_name(), "ZELCO");
        assert_eq!(
            named(&[("Tarnow", 5), ("Anna Tarnow", 1)]).display_name(),
            "Anna Tarnow"
        );
    }

    /// How many organisations the articles name once linked, and all names for the message.
    fn organisations_in(articles: &[&str]) -> (usize, Vec<String>) {
        let x: Vec<Extraction> = articles.iter().map(|a| extract(a)).collect();
        let p = link_people(&x, &[], Knowledge::builtin());
        let count = p
            .entities
            .iter()
            .filter(|g| g.kind == EntityKind::Organization)
            .count();
        (count, names(&p))
    }

    #[test]
    fn organisation_variants_join_by_country_and_body() {
        let (count, names) = organisations_in(&[
            "The truce was holding, the Israeli Ministry of Defense said.",
            "Israel's Defence Ministry said it was holding.",
            "Israel's Defense Ministry said it was holding.",
        ]);
        assert_eq!(count, 1, "{names:?}");
    }

    #[test]
    fn an_organisation_named_without_its_country_joins_the_one_with_it() {
        let (count, names) = organisations_in(&[
            "The storm strengthened, the US Coastal Weather Bureau said.",
            "The storm strengthened, the Coastal Weather Bureau said.",
            "The Israeli Defense Ministry said it was ready.",
            "The Russian Defense Ministry said it was ready.",
            "The Defense Ministry said it was ready.",
        ]);
        // The bureau is one; the ministry named without a country stays apart from both.
        assert_eq!(count, 4, "{names:?}");
    }

    #[test]
    fn a_titled_surname_joins_the_one_bearer_of_the_title_not_of_a_modifier() {
        // Both full names are "former" something; only one is a Secretary.
        let x = vec![
            extract("Former Governor Ada Quillfeather said it. Secretary Ben Quillfeather agreed."),
            extract("Former Secretary Quillfeather said so."),
        ];
        let p = link_people(&x, &[], Knowledge::builtin());
        let ben = p
            .entities
            .iter()
            .find(|g| g.display_name() == "Ben Quillfeather")
            .expect("a person");
        assert!(ben.forms.contains_key("Quillfeather"), "{:?}", names(&p));
        assert!(p.ambiguous.is_empty());
    }

    #[test]
    fn a_short_given_name_and_a_compound_surname_join_the_full_name() {
        let x = vec![
            extract("Sheriff Joe Quarrington said it was over."),
            extract("Sheriff Joseph Quarrington said so again."),
            extract("Press secretary Sarah Pelham Quist said it. Pelham Quist added more."),
            extract("Mary Ann Dorrance said it. Ann Dorrance said it too."),
        ];
        let p = link_people(&x, &[], Knowledge::builtin());
        let mut persons: Vec<String> = p
            .entities
            .iter()
            .filter(|g| g.kind == EntityKind::Person)
            .map(|g| {
                let mut forms: Vec<&str> = g.forms.keys().map(String::as_str).collect();
                forms.sort();
                forms.join(" = ")
            })
            .collect();
        persons.sort();
        assert_eq!(
            persons,
            [
                "Ann Dorrance",
                "Joe Quarrington = Joseph Quarrington",
                "Mary Ann Dorrance",
                "Pelham Quist = Sarah Pelham Quist",
            ]
        );
    }

    #[test]
    fn a_shared_surname_is_ambiguous_and_not_joined() {
        let x = vec![
            extract("John Smith said it. Mary Smith said it too."),
            extract("Smith said so."),
        ];
        let p = link_people(&x, &[], Knowledge::builtin());
        // The second article uses the surname alone.
        assert_eq!(p.ambiguous, vec![("Smith".to_string(), vec![1])]);
        assert_eq!(
            p.entities
                .iter()
                .filter(|g| g.kind == EntityKind::Person)
                .count(),
            3
        );
    }

    #[test]
    fn a_surname_alone_is_the_far_better_known_bearer() {
        let mut x: Vec<Extraction> = (0..5).map(|_| extract("Dalia Quennell said it.")).collect();
        x.push(extract("Marten Quennell said it."));
        x.push(extract("Quennell said so."));
        let p = link_people(&x, &[], Knowledge::builtin());
        assert!(p.ambiguous.is_empty(), "{:?}", p.ambiguous);
        let dalia = p
            .entities
            .iter()
            .find(|g| g.display_name() == "Dalia Quennell")
            .unwrap();
        assert!(dalia.forms.contains_key("Quennell"), "{:?}", dalia.forms);
        assert!(
            dalia
                .notes
                .iter()
                .any(|n| n.contains("alone is taken to be"))
        );

        // Four articles to one is not far enough ahead: ambiguous.
        x.remove(0);
        let p = link_people(&x, &[], Knowledge::builtin());
        assert_eq!(p.ambiguous.len(), 1);
    }

    #[test]
    fn editors_can_add_and_veto_aliases() {
        let x = vec![
            extract("Jon Doe said it."),
            extract("Johnny Doe said it."),
            extract("Jane Roe said it."),
        ];
        let rules = vec![AliasRule {
            name: "Jon Doe".to_string(),
            variants: vec!["Johnny Doe".to_string()],
            ..AliasRule::default()
        }];
        let p = link_people(&x, &rules, Knowledge::builtin());
        assert_eq!(
            p.entities
                .iter()
                .filter(|g| g.kind == EntityKind::Person)
                .count(),
            2,
            "{:?}",
            names(&p)
        );

        for (a, b, people, why) in [
            ("Ivan Petrov", "Ivan Petrova", 1, "one letter apart joins"),
            (
                "Joe Tilan",
                "Joseph Toylan",
                2,
                "a short surname with one letter more is another person's",
            ),
            (
                "Joe Tilan",
                "Joseph Tilen",
                2,
                "a short surname with one letter changed is another person's too",
            ),
        ] {
            let pair = vec![
                extract(&format!("{a} said it.")),
                extract(&format!("{b} said it.")),
            ];
            let linked = link_people(&pair, &[], Knowledge::builtin());
            assert_eq!(linked.entities.len(), people, "{why}");
        }
        let x = vec![
            extract("Ivan Petrov said it."),
            extract("Ivan Petrova said it."),
        ];
        let veto = vec![AliasRule {
            name: "Ivan Petrov".to_string(),
            not: vec!["Ivan Petrova".to_string()],
            ..AliasRule::default()
        }];
        assert_eq!(
            link_people(&x, &veto, Knowledge::builtin()).entities.len(),
            2,
            "the editor keeps them apart"
        );
    }
}
