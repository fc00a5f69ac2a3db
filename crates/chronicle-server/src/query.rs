//! Search queries of the in-memory backend, read as the store reads them: tantivy's
//! query grammar (words, `"a phrase"`, `+required`, `-excluded`, `AND`/`OR`/`NOT`,
//! `title:`), evaluated over sets of articles, so that `GET /api/v1/search` selects
//! the same articles whether the server holds files or a store.

use std::collections::HashSet;

use tantivy_query_grammar::{Delimiter, Occur, UserInputAst, UserInputLeaf, UserInputLiteral};

/// Parses `query` leniently: what the grammar cannot read is left out, never an error.
pub(crate) fn parse(query: &str) -> UserInputAst {
    tantivy_query_grammar::parse_query_lenient(query).0
}

/// The articles `ast` selects among `all()` (asked only when a clause excludes and
/// requires nothing, or for `*`). `literal` gives the articles holding a word
/// or phrase (all its terms), or `None` when it can match nothing (only stop words, an
/// unknown field): such a literal is left out of its clause. In a clause, `+` clauses
/// are required, `-` clauses excluded, and without a required one at least one plain
/// clause must hold; a clause of exclusions only selects every other article. `None`
/// when nothing in the query can match.
pub(crate) fn select(
    ast: &UserInputAst,
    all: &impl Fn() -> HashSet<u32>,
    literal: &mut impl FnMut(&UserInputLiteral) -> Option<HashSet<u32>>,
) -> Option<HashSet<u32>> {
    match ast {
        UserInputAst::Clause(children) => {
            let mut required: Option<HashSet<u32>> = None;
            let mut optional: Option<HashSet<u32>> = None;
            let mut excluded: HashSet<u32> = HashSet::new();
            let mut any = false;
            for (occur, child) in children {
                let Some(found) = select(child, all, literal) else {
                    continue;
                };
                any = true;
                match occur.unwrap_or(Occur::Should) {
                    Occur::Must => {
                        required = Some(match required {
                            None => found,
                            Some(r) => r.intersection(&found).copied().collect(),
                        });
                    }
                    Occur::Should => optional.get_or_insert_with(HashSet::new).extend(found),
                    Occur::MustNot => excluded.extend(found),
                }
            }
            if !any {
                return None;
            }
            let base = required.or(optional).unwrap_or_else(all);
            Some(base.into_iter().filter(|a| !excluded.contains(a)).collect())
        }
        UserInputAst::Boost(inner, _) => select(inner, all, literal),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(l) => literal(l),
            UserInputLeaf::All => Some(all()),
            _ => None,
        },
    }
}

/// The literals of `ast` when it is a plain list of words (no operator, field or
/// quotes), which selects every article holding one of them; `None` otherwise.
pub(crate) fn plain_words(ast: &UserInputAst) -> Option<Vec<&UserInputLiteral>> {
    fn word(ast: &UserInputAst) -> Option<&UserInputLiteral> {
        match ast {
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Literal(l)
                    if l.field_name.is_none() && l.delimiter == Delimiter::None && !l.prefix =>
                {
                    Some(l)
                }
                _ => None,
            },
            _ => None,
        }
    }
    match ast {
        UserInputAst::Clause(children) => children
            .iter()
            .map(|(occur, child)| match occur {
                None | Some(Occur::Should) => word(child),
                _ => None,
            })
            .collect(),
        _ => word(ast).map(|l| vec![l]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles 0..4 holding these words.
    const ARTICLES: [&[&str]; 4] = [
        &["dam", "breach"],
        &["dam"],
        &["bridge"],
        &["dam", "bridge"],
    ];

    fn run(query: &str) -> Option<Vec<u32>> {
        let all = || (0..ARTICLES.len() as u32).collect::<HashSet<u32>>();
        let mut literal = |l: &UserInputLiteral| -> Option<HashSet<u32>> {
            if l.field_name.is_some() {
                return None;
            }
            let words: Vec<&str> = l.phrase.split_whitespace().collect();
            if words.iter().all(|w| *w == "the") {
                return None;
            }
            Some(
                (0..ARTICLES.len() as u32)
                    .filter(|&a| words.iter().all(|w| ARTICLES[a as usize].contains(w)))
                    .collect(),
            )
        };
        let mut found: Vec<u32> = select(&parse(query), &all, &mut literal)?
            .into_iter()
            .collect();
        found.sort();
        Some(found)
    }

    #[test]
    fn operators_select_articles() {
        assert_eq!(run("dam"), Some(vec![0, 1, 3]));
        assert_eq!(run("dam bridge"), Some(vec![0, 1, 2, 3]));
        assert_eq!(run("\"dam bridge\""), Some(vec![3]));
        assert_eq!(run("+dam +bridge"), Some(vec![3]));
        assert_eq!(run("dam AND bridge"), Some(vec![3]));
        assert_eq!(run("dam -bridge"), Some(vec![0, 1]));
        assert_eq!(run("+dam breach"), Some(vec![0, 1, 3]));
        assert_eq!(run("dam AND NOT breach"), Some(vec![1, 3]));
        assert_eq!(run("-dam"), Some(vec![2]));
        // Left out: stop words and unknown fields; nothing else left, nothing found.
        assert_eq!(run("the dam"), Some(vec![0, 1, 3]));
        assert_eq!(run("+the +dam"), Some(vec![0, 1, 3]));
        assert_eq!(run("the"), None);
        assert_eq!(run("x:dam"), None);
    }

    #[test]
    fn plain_words_are_told_apart() {
        let words = |q: &str| plain_words(&parse(q)).map(|w| w.len());
        assert_eq!(words("dam"), Some(1));
        assert_eq!(words("dam breach flood"), Some(3));
        // One required word alone is read as the word.
        assert_eq!(words("+dam"), Some(1));
        for q in [
            "\"dam breach\"",
            "+dam breach",
            "dam -breach",
            "dam AND breach",
            "title:dam",
        ] {
            assert_eq!(words(q), None, "{q}");
        }
    }
}
