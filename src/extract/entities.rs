//! Who is who inside one article: mentions of the same person or organisation joined into one
//! local entity ("Peter Lerner" ... "Lerner"; "Israel's Defence Ministry" ... "the
//! Israeli Defense Ministry"). Joining across articles happens later, in `link`.

use rustc_hash::FxHashMap as HashMap;

use super::attribution::same_role;
use super::names::{Mention, NameKind, gender_of, person_key};
use crate::knowledge::{Gender, Knowledge};
use crate::model::EntityKind;
use crate::text::translit_key;

/// A person or organisation of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    /// The fullest form of the name seen in the article.
    pub name: String,
    /// Every form seen.
    pub variants: Vec<String>,
    pub roles: Vec<String>,
    pub country: Option<String>,
    /// For organisations: normalised body ("ministry of defense").
    pub body: Option<String>,
    pub descriptive: bool,
    /// A plural body ("Israeli officials").
    pub plural: bool,
    pub gender: Gender,
    /// Indices of its mentions.
    pub mentions: Vec<usize>,
}

impl LocalEntity {
    /// The key under which this entity meets its variants: `person:<translit>` or
    /// `org:<country>|<body>`.
    pub fn key(&self) -> String {
        match self.kind {
            EntityKind::Person => format!("person:{}", person_key(&self.name)),
            EntityKind::Organization => format!(
                "org:{}|{}",
                self.country.as_deref().unwrap_or(""),
                self.body
                    .clone()
                    .unwrap_or_else(|| crate::text::fold(&self.name))
            ),
        }
    }

    pub fn is_single_word_person(&self) -> bool {
        self.kind == EntityKind::Person && !self.name.contains(' ')
    }
}

/// Groups mentions into local entities; returns the entities and, per mention, its entity.
pub fn resolve(mentions: &mut [Mention], k: &Knowledge) -> (Vec<LocalEntity>, Vec<Option<usize>>) {
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut of_mention: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut by_key: HashMap<String, usize> = HashMap::default();

    // Full names first, so surnames can join them wherever they appear.
    let order: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].kind == NameKind::Person && mentions[i].word_count() >= 2)
        .chain((0..mentions.len()).filter(|&i| mentions[i].kind == NameKind::Organization))
        .collect();
    for i in order {
        let m = &mentions[i];
        let kind = m.entity_kind().expect("persons and organisations only");
        let candidate = LocalEntity {
            kind,
            name: m.name.clone(),
            variants: vec![m.name.clone()],
            roles: m
                .role
                .as_deref()
                .and_then(role_without_clause)
                .into_iter()
                .collect(),
            country: m.country.clone(),
            body: m.body.clone(),
            descriptive: m.descriptive,
            plural: m.plural,
            gender: if kind == EntityKind::Person {
                gender_of(k, &m.name)
            } else {
                Gender::Unknown
            },
            mentions: vec![i],
        };
        let key = candidate.key();
        match by_key.get(&key) {
            Some(&e) => {
                absorb(&mut entities[e], candidate);
                of_mention[i] = Some(e);
            }
            None => {
                by_key.insert(key, entities.len());
                of_mention[i] = Some(entities.len());
                entities.push(candidate);
            }
        }
    }

    // Single words: a surname of a person in the article, or a person on their own. Each
    // bearer of a surname is listed with where they are introduced.
    let mut surnames: Vec<(String, usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .filter_map(|(i, e)| {
            let first = e.mentions.iter().copied().min()?;
            super::names::lone_surname(k, &e.name).map(|s| (translit_key(s), i, first))
        })
        .collect();
    for i in 0..mentions.len() {
        if of_mention[i].is_some() {
            continue;
        }
        let m = &mentions[i];
        let single = m.word_count() == 1;
        // A town can share a surname ("Obama", "Kennedy"): in an article that names the
        // person in full, the single word is the person.
        if !(single
            && matches!(
                m.kind,
                NameKind::Person | NameKind::Unknown | NameKind::Place
            ))
        {
            continue;
        }
        let key = translit_key(&m.name);
        let full = bearer_of_surname(&surnames, &entities, &key, i, m.role.as_deref());
        if m.kind == NameKind::Place && (full.is_none() || k.country(&m.name).is_some()) {
            continue;
        }
        match full {
            Some(e) => {
                let m = &mut mentions[i];
                m.kind = NameKind::Person;
                entities[e].mentions.push(i);
                if !entities[e].variants.contains(&m.name) {
                    entities[e].variants.push(m.name.clone());
                }
                if let Some(role) = m.role.as_deref().and_then(role_without_clause)
                    && !entities[e].roles.contains(&role)
                {
                    entities[e].roles.push(role);
                }
                of_mention[i] = Some(e);
            }
            None if m.kind == NameKind::Person => {
                let e = *by_key.entry(format!("person:{key}")).or_insert_with(|| {
                    entities.push(LocalEntity {
                        kind: EntityKind::Person,
                        name: m.name.clone(),
                        variants: vec![m.name.clone()],
                        roles: Vec::new(),
                        country: m.country.clone(),
                        body: None,
                        descriptive: false,
                        plural: false,
                        gender: Gender::Unknown,
                        mentions: Vec::new(),
                    });
                    surnames.push((key.clone(), entities.len() - 1, i));
                    entities.len() - 1
                });
                entities[e].mentions.push(i);
                if let Some(role) = m.role.as_deref().and_then(role_without_clause)
                    && !entities[e].roles.contains(&role)
                {
                    entities[e].roles.push(role);
                }
                of_mention[i] = Some(e);
            }
            None => {}
        }
    }
    for e in &mut entities {
        e.mentions.sort_unstable();
        if e.kind == EntityKind::Person && e.gender == Gender::Unknown {
            e.gender = gender_of_roles(k, &e.roles).unwrap_or(Gender::Unknown);
        }
    }
    (entities, of_mention)
}

/// Who a surname at mention `at` stands for: the bearer introduced first ("Ahmad Khan X",
/// not his wife "Asia Bibi X" named later). A titled surname before a full name is somebody
/// else, unless the full name holds the title too: "President X" opening the story is not
/// "first lady Melania X" further down.
fn bearer_of_surname(
    surnames: &[(String, usize, usize)],
    entities: &[LocalEntity],
    key: &str,
    at: usize,
    title: Option<&str>,
) -> Option<usize> {
    surnames
        .iter()
        .filter(|(s, _, _)| s == key)
        .filter(|&&(_, e, first)| {
            first < at
                || title.is_none_or(|t| {
                    entities[e].roles.iter().any(|r| {
                        r.split_whitespace()
                            .any(|w| t.split_whitespace().any(|x| same_role(w, x)))
                    })
                })
        })
        .min_by_key(|&&(_, _, first)| first)
        .map(|&(_, e, _)| e)
}

/// Adds a mention's entity data to an existing entity; the fuller name wins.
fn absorb(into: &mut LocalEntity, other: LocalEntity) {
    for v in other.variants {
        if !into.variants.contains(&v) {
            into.variants.push(v);
        }
    }
    for r in other.roles {
        if !into.roles.contains(&r) {
            into.roles.push(r);
        }
    }
    if into.descriptive && !other.descriptive {
        into.name = other.name;
        into.descriptive = false;
    }
    if into.country.is_none() {
        into.country = other.country;
    }
    into.mentions.extend(other.mentions);
}

/// Makes a new entity for a mention that turned out to be a speaker but had none (an unknown
/// single word that a cue verb shows to be a person: "Welch said").
pub fn promote_to_person(
    mentions: &mut [Mention],
    entities: &mut Vec<LocalEntity>,
    of_mention: &mut [Option<usize>],
    i: usize,
) -> usize {
    if let Some(e) = of_mention[i] {
        return e;
    }
    let m = &mut mentions[i];
    m.kind = NameKind::Person;
    let key = translit_key(&m.name);
    if let Some(e) = entities.iter().position(|e| {
        e.kind == EntityKind::Person
            && (translit_key(&e.name) == key
                || e.name.split_whitespace().last().map(translit_key) == Some(key.clone()))
    }) {
        entities[e].mentions.push(i);
        of_mention[i] = Some(e);
        return e;
    }
    entities.push(LocalEntity {
        kind: EntityKind::Person,
        name: m.name.clone(),
        variants: vec![m.name.clone()],
        roles: m.role.iter().cloned().collect(),
        country: m.country.clone(),
        body: None,
        descriptive: false,
        plural: false,
        gender: Gender::Unknown,
        mentions: vec![i],
    });
    of_mention[i] = Some(entities.len() - 1);
    entities.len() - 1
}

/// The sex a person's role tells when their name does not: "his brother, Stephen", "the
/// suspects' father". Only the role's head counts, so "lawyer for the widow" tells nothing.
fn gender_of_roles(k: &Knowledge, roles: &[String]) -> Option<Gender> {
    roles.iter().find_map(|role| {
        let head = role
            .split_whitespace()
            .take_while(|w| !k.is_preposition(w))
            .last()?;
        k.role_gender(head)
    })
}

/// A role as a person's page lists it: without the clause that may follow it in the text
/// ("former assistant attorney general who served under X", "chairman has"), which says what
/// they did, not what they are. `None` when nothing is left.
fn role_without_clause(role: &str) -> Option<String> {
    // Closed-class words that open a clause: relative pronouns and conjunctions, and the
    // auxiliaries of a finite verb.
    const OPENS_CLAUSE: &[&str] = &[
        "who", "whom", "whose", "which", "that", "where", "when", "while", "because", "is", "was",
        "were", "are", "has", "had", "have", "did", "does", "will", "would", "could", "can",
        "should", "might",
    ];
    let mut end = role.len();
    let mut offset = 0;
    for word in role.split_inclusive(char::is_whitespace) {
        if OPENS_CLAUSE.contains(&word.trim()) {
            end = offset;
            break;
        }
        offset += word.len();
    }
    let kept = role[..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    (!kept.is_empty()).then(|| kept.to_string())
}

#[cfg(test)]
mod tests {
    use super::role_without_clause;

    #[test]
    fn a_role_ends_where_a_clause_begins() {
        for (role, kept) in [
            (
                "former assistant attorney general who served under Vexlo",
                Some("former assistant attorney general"),
            ),
            ("retired teacher who", Some("retired teacher")),
            ("chairman has", Some("chairman")),
            (
                "manager of the Ivy Apartments where the family stayed",
                Some("manager of the Ivy Apartments"),
            ),
            (
                "professor of political science at Quarn University",
                Some("professor of political science at Quarn University"),
            ),
            ("who", None),
        ] {
            assert_eq!(role_without_clause(role).as_deref(), kept, "{role}");
        }
    }
}
