//! The tantivy full-text index: a derived, rebuildable view of the SQLite records.
//!
//! Fields: `seq` (the article's SQLite rowid; indexed, fast), `published` (days since
//! 0001-01-01, indexed, fast), `title` and `text` (English-stemmed, BM25; no positions, so
//! phrases match as all their words; Chinese and Japanese text as overlapping character
//! pairs: [`PairTokenizer`]; English articles and those in no supported language),
//! `stems` (an article in another supported language instead: the terms of its title
//! and analysed sentences in that language, as the engine matches a query against
//! them, written as their [`TermId`] in hexadecimal; BM25) and `words` (lower-cased
//! unstemmed tokens of every article, no frequencies: for keyword substring
//! candidates). Nothing is stored: records come from SQLite.
//!
//! Every commit carries the highest `seq` it contains as its payload, so the index
//! itself says how far it has caught up with SQLite.

use std::ops::Bound;
use std::path::Path;

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::index::SegmentReader;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, RegexQuery,
    TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    LowerCaser, PreTokenizedString, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream,
    Tokenizer,
};
use tantivy::{DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, TantivyDocument, Term};

use chronicle_engine::corpus::{TermId, analyzer, term_ids};
use chronicle_engine::{keyword_terms, query_term_ids};
use chronicle_text::Language;

use crate::StoreError;

/// Writer memory budget, shared by the indexing threads: tantivy's minimum per thread
/// is 15 MB.
const WRITER_MEMORY: usize = 96 * 1024 * 1024;
/// Indexing threads. Indexing is about 40 % of ingest CPU; with one thread its queue
/// drains alone at the end of every commit. Two were 3-10 % faster on T17 on 2 cores
/// (1,830-1,990 against 1,720-1,810 articles/s, interleaved runs).
const WRITER_THREADS: usize = 2;

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub seq: Field,
    pub published: Field,
    pub title: Field,
    pub text: Field,
    pub words: Field,
    /// `None` in an index made before the field (see [`TextIndex::is_current`]).
    pub stems: Option<Field>,
}

/// The tokenizer of `title` and `text`: tantivy's `en_stem` with Chinese and Japanese
/// runs cut into character pairs ([`PairTokenizer`]).
const PAIRS_STEM: &str = "chronicle_pairs_stem";
/// The tokenizer of indexes created before [`PAIRS_STEM`]: they are read and written as
/// they are (a Chinese query finds little in them until `Store::rebuild_index`).
pub(crate) const EN_STEM: &str = "en_stem";

/// The schemas an index may have, oldest first: English stems only; with Chinese and
/// Japanese character pairs; with the `stems` field of other languages (current).
/// Older ones are read and written as they are; `Store::rebuild_index` brings them up
/// to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SchemaVersion {
    EnglishStems,
    CharacterPairs,
    LanguageStems,
}

impl SchemaVersion {
    const ALL: [SchemaVersion; 3] = [
        SchemaVersion::EnglishStems,
        SchemaVersion::CharacterPairs,
        SchemaVersion::LanguageStems,
    ];
    const CURRENT: SchemaVersion = SchemaVersion::LanguageStems;

    pub(crate) fn schema(self) -> (Schema, Fields) {
        match self {
            SchemaVersion::EnglishStems => schema(EN_STEM, false),
            SchemaVersion::CharacterPairs => schema(PAIRS_STEM, false),
            SchemaVersion::LanguageStems => schema(PAIRS_STEM, true),
        }
    }
}

fn schema(stem_tokenizer: &str, language_stems: bool) -> (Schema, Fields) {
    let mut b = Schema::builder();
    let seq = b.add_u64_field("seq", INDEXED | FAST);
    let published = b.add_i64_field("published", INDEXED | FAST);
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(stem_tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let title = b.add_text_field("title", stemmed.clone());
    let text = b.add_text_field("text", stemmed);
    let words = b.add_text_field(
        "words",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("default")
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    // Filled with terms made outside tantivy (pre-tokenized): its tokenizer is never
    // run.
    let stems = language_stems.then(|| {
        b.add_text_field(
            "stems",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("raw")
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        )
    });
    (
        b.build(),
        Fields {
            seq,
            published,
            title,
            text,
            words,
            stems,
        },
    )
}

/// What the index holds of an article.
pub(crate) struct IndexedArticle<'a, T> {
    /// Its SQLite rowid.
    pub seq: i64,
    /// Its publication day (days since 0001-01-01).
    pub published: i64,
    pub title: Option<&'a str>,
    pub text: &'a str,
    /// The language it was analysed in.
    pub language: Language,
    /// Its sentences' terms ([`AnalysedSentence::terms`](chronicle_engine::corpus::AnalysedSentence::terms)).
    pub terms: T,
}

pub(crate) struct TextIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
}

/// tantivy's `SimpleTokenizer` (a token is a run of letters and digits) with one
/// difference: a run of Chinese characters or kana ([`chronicle_text::is_unspaced`]) is
/// cut from the letters and digits around it and gives its overlapping character pairs
/// (a lone character stands for itself), as `chronicle_text::Analyzer` does. These
/// scripts put no spaces between words, so without it a whole clause is one token and
/// no query word matches it.
#[derive(Clone, Default)]
pub(crate) struct PairTokenizer {
    token: Token,
    spans: Vec<(usize, usize)>,
}

/// The tokens of one text, found up front by [`PairTokenizer`].
pub(crate) struct PairTokenStream<'a> {
    text: &'a str,
    spans: std::slice::Iter<'a, (usize, usize)>,
    token: &'a mut Token,
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairTokenStream<'a> {
        self.token.reset();
        self.spans.clear();
        pair_spans(text, &mut self.spans);
        PairTokenStream {
            text,
            spans: self.spans.iter(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for PairTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(&(from, to)) = self.spans.next() else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The byte spans of [`PairTokenizer`]'s tokens.
fn pair_spans(text: &str, out: &mut Vec<(usize, usize)>) {
    // A run: its start, and whether it is of unspaced characters.
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let kind = if chronicle_text::is_unspaced(c) {
            Some(true)
        } else {
            c.is_alphanumeric().then_some(false)
        };
        if let Some((start, unspaced)) = run
            && kind != Some(unspaced)
        {
            if unspaced {
                let pairs = chronicle_text::unspaced_pairs(&text[start..i]);
                out.extend(pairs.map(|(s, e)| (start + s, start + e)));
            } else {
                out.push((start, i));
            }
            run = None;
        }
        if run.is_none() {
            run = kind.map(|unspaced| (i, unspaced));
        }
    }
}

/// `query` with each run of Chinese characters or kana written as its character pairs
/// apart ("安全保障" → "安全 全保 保障"): each pair is then a word of the query, as the
/// engine takes a run's pairs, where a word that tokenizes into several tokens would
/// need them all (see [`TextIndex::literal`]).
fn spaced_pairs(query: &str) -> std::borrow::Cow<'_, str> {
    if !query.chars().any(chronicle_text::is_unspaced) {
        return query.into();
    }
    let mut spans = Vec::new();
    pair_spans(query, &mut spans);
    let mut out = String::with_capacity(query.len() * 2);
    let mut at = 0;
    for (start, end) in spans {
        if query[start..end].starts_with(chronicle_text::is_unspaced) {
            // What lies between tokens (operators, quotes, spaces) stays.
            if start > at {
                out.push_str(&query[at..start]);
            }
            out.push(' ');
            out.push_str(&query[start..end]);
            out.push(' ');
            at = at.max(end);
        }
    }
    out.push_str(&query[at.min(query.len())..]);
    out.into()
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Index(e.to_string())
}

impl TextIndex {
    /// Opens the index in `dir`, creating it when `create` and it does not exist.
    /// Returns `Ok(None)` when there is no index and `create` is false.
    pub fn open(dir: &Path, create: bool) -> Result<Option<TextIndex>, StoreError> {
        let exists = dir.join("meta.json").exists();
        let (index, fields) = if exists {
            let index = Index::open_in_dir(dir).map_err(err)?;
            let found = SchemaVersion::ALL
                .into_iter()
                .map(SchemaVersion::schema)
                .find(|(schema, _)| *schema == index.schema());
            let Some((_, fields)) = found else {
                return Err(StoreError::Index(
                    "the full-text index has an unexpected schema".into(),
                ));
            };
            (index, fields)
        } else if create {
            std::fs::create_dir_all(dir)?;
            let (schema, fields) = SchemaVersion::CURRENT.schema();
            (Index::create_in_dir(dir, schema).map_err(err)?, fields)
        } else {
            return Ok(None);
        };
        index.tokenizers().register(
            PAIRS_STEM,
            TextAnalyzer::builder(PairTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(tantivy::tokenizer::Language::English))
                .build(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        Ok(Some(TextIndex {
            index,
            reader,
            fields,
        }))
    }

    /// Whether the index has this build's schema ([`SchemaVersion::CURRENT`]), not one
    /// of an older build.
    pub fn is_current(&self) -> bool {
        self.index.schema() == SchemaVersion::CURRENT.schema().0
    }

    /// The highest article `seq` committed to the index (0 when none).
    pub fn indexed_seq(&self) -> Result<i64, StoreError> {
        let metas = self.index.load_metas().map_err(err)?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| p.strip_prefix("seq="))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0))
    }

    pub fn writer(&self) -> Result<IndexWriter, StoreError> {
        self.index
            .writer_with_num_threads(WRITER_THREADS, WRITER_MEMORY)
            .map_err(err)
    }

    /// Adds an article: an English one (or any, in an index made before `stems`) to
    /// `title` and `text`, one in another language to `stems`, so that each is scored
    /// once, by its own stems.
    pub fn add(
        &self,
        writer: &IndexWriter,
        article: IndexedArticle<'_, impl Iterator<Item = TermId>>,
    ) -> Result<(), StoreError> {
        let IndexedArticle {
            seq,
            published,
            title,
            text,
            language,
            terms,
        } = article;
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.seq, seq as u64);
        doc.add_i64(f.published, published);
        if let Some(t) = title {
            doc.add_text(f.words, t);
        }
        doc.add_text(f.words, text);
        let stems = f.stems.filter(|_| language != Language::English);
        if let Some(field) = stems {
            let title_terms = title.map(|t| term_ids(t, language)).unwrap_or_default();
            let tokens = title_terms
                .into_iter()
                .chain(terms)
                .enumerate()
                .map(|(position, term)| Token {
                    position,
                    text: term_token(term),
                    ..Token::default()
                })
                .collect();
            doc.add_pre_tokenized_text(
                field,
                PreTokenizedString {
                    text: String::new(),
                    tokens,
                },
            );
        } else {
            if let Some(t) = title {
                doc.add_text(f.title, t);
            }
            doc.add_text(f.text, text);
        }
        writer.add_document(doc).map_err(err)?;
        Ok(())
    }

    /// Commits what was added, recording `seq` as the highest indexed article.
    pub fn commit(&self, writer: &mut IndexWriter, seq: i64) -> Result<(), StoreError> {
        let mut prepared = writer.prepare_commit().map_err(err)?;
        prepared.set_payload(&format!("seq={seq}"));
        prepared.commit().map_err(err)?;
        Ok(())
    }

    /// Removes every document above `seq` (left by an interrupted writer whose commit
    /// landed without the matching payload, which cannot happen with tantivy's atomic
    /// commits, but costs nothing to guard).
    pub fn delete_above(&self, writer: &mut IndexWriter, seq: i64) -> Result<(), StoreError> {
        let q = RangeQuery::new(
            Bound::Excluded(Term::from_field_u64(self.fields.seq, seq.max(0) as u64)),
            Bound::Unbounded,
        );
        writer.delete_query(Box::new(q)).map_err(err)?;
        Ok(())
    }

    /// Stemmed tokens of `text`, as the `text` field indexes them.
    fn stems(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Ok(mut tok) = self.index.tokenizer_for_field(self.fields.text) {
            let mut stream = tok.token_stream(text);
            while stream.advance() {
                let t = stream.token().text.clone();
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    fn window_query(&self, from: Option<i64>, to: Option<i64>) -> Option<Box<dyn Query>> {
        if from.is_none() && to.is_none() {
            return None;
        }
        let f = self.fields.published;
        let lo = from.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(f, d))
        });
        let hi = to.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(f, d))
        });
        Some(Box::new(RangeQuery::new(lo, hi)))
    }

    /// BM25 search of a user query (tantivy query syntax, parsed leniently by tantivy's
    /// query grammar; see [`TextIndex::user_query`]) over title and text, or the stems
    /// of articles in other languages, within a window of publication days. Returns
    /// (score, seq), best first.
    pub fn search(
        &self,
        query: &str,
        from: Option<i64>,
        to: Option<i64>,
        limit: usize,
    ) -> Result<Vec<(f32, i64)>, StoreError> {
        self.reader.reload().map_err(err)?;
        let searcher = self.reader.searcher();
        let (ast, _errors) = query_grammar::parse_query_lenient(&spaced_pairs(query));
        let Some(matching) = self.user_query(&ast)? else {
            return Ok(Vec::new());
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, matching)];
        if let Some(w) = self.window_query(from, to) {
            clauses.push((Occur::Must, w));
        }
        let query = BooleanQuery::new(clauses);
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(err)?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let column = searcher
                .segment_reader(addr.segment_ord)
                .fast_fields()
                .u64("seq")
                .map_err(err)?;
            if let Some(seq) = column.first(addr.doc_id) {
                out.push((score, seq as i64));
            }
        }
        Ok(out)
    }

    /// The query for a parsed user query: its clauses with their operators, each
    /// literal matching an English article by `title`/`text` ([`TextIndex::literal`])
    /// and one in another language by its stems. `None` when nothing in it can match
    /// (only stop words, or only what the index cannot answer: ranges, sets, regexes).
    fn user_query(&self, ast: &UserInputAst) -> Result<Option<Box<dyn Query>>, StoreError> {
        Ok(match ast {
            UserInputAst::Clause(children) => {
                let mut clauses: Vec<Clause> = Vec::with_capacity(children.len() + 1);
                for (occur, child) in children {
                    if let Some(q) = self.user_query(child)? {
                        clauses.push((occur.unwrap_or(Occur::Should), q));
                    }
                }
                clauses.extend(self.compounds_across(children));
                // Only exclusions ("-dam", "NOT dam"): everything else, as tantivy's
                // parser reads a query made only of them.
                if !clauses.is_empty() && clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Should, Box::new(AllQuery)));
                }
                (!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
            }
            UserInputAst::Boost(inner, boost) => self.user_query(inner)?.map(|q| {
                Box::new(BoostQuery::new(q, boost.into_inner() as Score)) as Box<dyn Query>
            }),
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Literal(literal) => self.literal(literal)?,
                UserInputLeaf::All => Some(Box::new(AllQuery)),
                _ => None,
            },
        })
    }

    /// A word or a quoted phrase of a user query (its English stop words left out), with
    /// the field it names, if any
    /// (`title:` or `text:`; a literal naming another field is left out, as tantivy's
    /// lenient parser leaves it; other languages' `stems` hold title and text terms
    /// together, so there a field restricts nothing). English side: its stemmed
    /// tokens in `title` or `text`, every one of them when it has several (the index
    /// keeps no positions, so a phrase matches as all its words, and so does a word the
    /// tokenizer splits, "al-Assad"). Other languages: the same over each word's terms
    /// ([`TextIndex::other_languages`]), or the phrase written hyphenated as one term.
    fn literal(&self, literal: &UserInputLiteral) -> Result<Option<Box<dyn Query>>, StoreError> {
        let fields: &[Field] = match literal.field_name.as_deref() {
            None => &[self.fields.title, self.fields.text],
            Some("title") => &[self.fields.title],
            Some("text") => &[self.fields.text],
            Some(_) => return Ok(None),
        };
        let phrase = literal.phrase.as_str();
        let mut sides: Vec<Clause> = Vec::with_capacity(2);
        // English stop words are no part of a literal, as the engine analyses it ("the
        // dam" is "dam"; a phrase of stop words matches no English article).
        let words: Vec<&str> = chronicle_text::word_tokens(phrase)
            .map(|(start, end)| &phrase[start..end])
            .collect();
        let english_stop = analyzer(Language::English);
        let content: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !english_stop.is_stop_word(&w.to_lowercase()))
            .collect();
        let english: Vec<Box<dyn Query>> = self
            .stems(&content.join(" "))
            .iter()
            .map(|stem| {
                let any: Vec<Clause> = fields
                    .iter()
                    .map(|&field| {
                        let term = Term::from_field_text(field, stem);
                        let q: Box<dyn Query> =
                            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                        (Occur::Should, q)
                    })
                    .collect();
                Box::new(BooleanQuery::new(any)) as Box<dyn Query>
            })
            .collect();
        sides.extend(all_of(english).map(|q| (Occur::Should, q)));
        let several = words.len() > 1;
        if let Some(field) = self.fields.stems {
            sides.extend(
                other_language_literal(field, &words)
                    .into_iter()
                    .map(|q| (Occur::Should, q)),
            );
        } else {
            let mut other: Vec<Box<dyn Query>> = Vec::new();
            for word in &words {
                let any = self.other_languages(word, IndexRecordOption::WithFreqs)?;
                if !any.is_empty() {
                    other.push(Box::new(BooleanQuery::new(any)));
                }
            }
            sides.extend(all_of(other).map(|q| (Occur::Should, q)));
        }
        if several && let Some(field) = self.fields.stems {
            sides.extend(terms_query(
                field,
                &compound_tokens(&words.join("-")),
                IndexRecordOption::WithFreqs,
            ));
        }
        Ok((!sides.is_empty()).then(|| Box::new(BooleanQuery::new(sides)) as Box<dyn Query>))
    }

    /// The terms that a clause's plain words (no operator, no field, no quotes) make
    /// together, written hyphenated ("Nueva York" → "nueva-york"), in the `stems` of
    /// other languages, as the engine matches a query's runs of words: one optional
    /// clause, or none.
    fn compounds_across(&self, children: &[(Option<Occur>, UserInputAst)]) -> Option<Clause> {
        let field = self.fields.stems?;
        let mut plain: Vec<&str> = Vec::new();
        for (occur, child) in children {
            if let (None | Some(Occur::Should), UserInputAst::Leaf(leaf)) = (occur, child)
                && let UserInputLeaf::Literal(literal) = leaf.as_ref()
                && literal.field_name.is_none()
                && literal.delimiter == Delimiter::None
            {
                plain.push(&literal.phrase);
            }
        }
        if plain.len() < 2 {
            return None;
        }
        let single: Vec<String> = plain.iter().flat_map(|w| query_stems(w)).collect();
        let runs: Vec<String> = query_stems(&plain.join(" "))
            .into_iter()
            .filter(|t| !single.contains(t))
            .collect();
        let clauses = terms_query(field, &runs, IndexRecordOption::WithFreqs);
        (!clauses.is_empty()).then(|| {
            (
                Occur::Should,
                Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
            )
        })
    }

    /// Every article that may match a topic: for a query, those containing any of its
    /// stemmed terms or a word starting with one of its words' stems in some supported
    /// language ([`language_stems`]); for keywords, those with a token containing each alphanumeric
    /// piece of some keyword; both within the window. A superset of what the engine's
    /// selection keeps; `seq`s ascending.
    pub fn candidates(
        &self,
        query: Option<&str>,
        keywords: &[String],
        from: Option<i64>,
        to: Option<i64>,
    ) -> Result<Vec<i64>, StoreError> {
        self.reader.reload().map_err(err)?;
        let searcher = self.reader.searcher();
        let filter = self.topic_filter(query, keywords, from, to)?;
        let mut seqs = searcher.search(&filter, &SeqCollector).map_err(err)?;
        seqs.sort_unstable();
        seqs.dedup();
        Ok(seqs)
    }

    /// The `limit` candidates (see [`TextIndex::candidates`]) most relevant to the topic
    /// by BM25 over the stems of its query and keywords; `seq`s ascending.
    pub fn most_relevant_candidates(
        &self,
        query: Option<&str>,
        keywords: &[String],
        from: Option<i64>,
        to: Option<i64>,
        limit: usize,
    ) -> Result<Vec<i64>, StoreError> {
        self.reader.reload().map_err(err)?;
        let searcher = self.reader.searcher();
        let filter = self.topic_filter(query, keywords, from, to)?;
        let mut stems = query.map(|q| self.stems(q)).unwrap_or_default();
        for k in keywords {
            for s in self.stems(k) {
                if !stems.contains(&s) {
                    stems.push(s);
                }
            }
        }
        let mut relevance = self.any_stem(&stems, IndexRecordOption::WithFreqs);
        if let Some(field) = self.fields.stems {
            let mut other = query.map(query_stems).unwrap_or_default();
            for k in keywords {
                for s in query_stems(k) {
                    if !other.contains(&s) {
                        other.push(s);
                    }
                }
            }
            relevance.extend(terms_query(field, &other, IndexRecordOption::WithFreqs));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, filter)];
        if !relevance.is_empty() {
            clauses.push((Occur::Should, Box::new(BooleanQuery::new(relevance))));
        }
        let top = searcher
            .search(
                &BooleanQuery::new(clauses),
                &TopDocs::with_limit(limit.max(1)).order_by_score(),
            )
            .map_err(err)?;
        let mut seqs = Vec::with_capacity(top.len());
        for (_, addr) in top {
            let column = searcher
                .segment_reader(addr.segment_ord)
                .fast_fields()
                .u64("seq")
                .map_err(err)?;
            if let Some(seq) = column.first(addr.doc_id) {
                seqs.push(seq as i64);
            }
        }
        seqs.sort_unstable();
        seqs.dedup();
        Ok(seqs)
    }

    /// One `Should` clause per stem and per stemmed field (text, title): together they
    /// match a document holding any of the stems; `option` says whether scores are needed.
    fn any_stem(
        &self,
        stems: &[String],
        option: IndexRecordOption,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        stems
            .iter()
            .flat_map(|s| {
                [self.fields.text, self.fields.title].map(|field| {
                    let term = Term::from_field_text(field, s);
                    let q: Box<dyn Query> = Box::new(TermQuery::new(term, option));
                    (Occur::Should, q)
                })
            })
            .collect()
    }

    /// Clauses that match an article in another language than English holding a word
    /// of `query`: its `stems` hold one of the query's terms in its language (scored
    /// by BM25 when `option` has frequencies); in an index made before `stems`, a word
    /// of `words` starts with one of the query's stems in some language (scored 0, so
    /// such articles come after the matches of the English-stemmed query).
    fn other_languages(
        &self,
        query: &str,
        option: IndexRecordOption,
    ) -> Result<Vec<Clause>, StoreError> {
        if let Some(field) = self.fields.stems {
            return Ok(terms_query(field, &query_stems(query), option));
        }
        Ok(self
            .stem_prefixes(query)?
            .into_iter()
            .map(|prefix| {
                let q: Box<dyn Query> = Box::new(ConstScoreQuery::new(prefix, 0.0));
                (Occur::Should, q)
            })
            .collect())
    }

    /// A query per [`language_stems`] of `query`: a word of `words` starting with it
    /// (an Arabic one after the article and a conjunction or preposition joined before
    /// it: "سد" finds "والسد").
    fn stem_prefixes(&self, query: &str) -> Result<Vec<Box<dyn Query>>, StoreError> {
        language_stems(query)
            .iter()
            .map(|stem| {
                let pattern = if stem.starts_with(chronicle_text::is_arabic) {
                    format!("{ARABIC_PREFIXES}{}.*", escape_regex(stem))
                } else {
                    format!("{}.*", escape_regex(stem))
                };
                let q = RegexQuery::from_pattern(&pattern, self.fields.words).map_err(err)?;
                Ok(Box::new(q) as Box<dyn Query>)
            })
            .collect()
    }

    /// The query matching every candidate of a topic (see [`TextIndex::candidates`]).
    fn topic_filter(
        &self,
        query: Option<&str>,
        keywords: &[String],
        from: Option<i64>,
        to: Option<i64>,
    ) -> Result<Box<dyn Query>, StoreError> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // The engine does not filter the articles of a language in which the query is
        // only stop words ("the of", "de la"): nor may the candidates.
        let filters_every_language = |q: &str| {
            Language::ALL
                .iter()
                .all(|&l| !query_term_ids(q, l).is_empty())
        };
        if let Some(q) = query.filter(|q| filters_every_language(q)) {
            let stems = self.stems(q);
            if !stems.is_empty() {
                let mut any = self.any_stem(&stems, IndexRecordOption::Basic);
                // `text` stems as English; an article in another language holds the
                // query's word in another form ("manifestaciones" for "manifestación").
                any.extend(self.other_languages(q, IndexRecordOption::Basic)?);
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            }
        }
        let mut any_keyword: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for k in keywords {
            let lower = k.trim().to_lowercase();
            let pieces: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|p| !p.is_empty())
                .collect();
            if pieces.is_empty() {
                // A keyword without letters or digits: no token can rule it out.
                any_keyword.push((Occur::Should, Box::new(AllQuery)));
                continue;
            }
            let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for p in pieces {
                let pattern = format!(".*{}.*", escape_regex(p));
                let q = RegexQuery::from_pattern(&pattern, self.fields.words).map_err(err)?;
                all.push((Occur::Must, Box::new(q)));
            }
            any_keyword.push((Occur::Should, Box::new(BooleanQuery::new(all))));
            // An article in another language also holds the keyword when it holds all
            // of the keyword's terms in that language ("Сирии" for "сирия"), as the
            // engine matches keywords there (`chronicle_engine::keyword_terms`).
            if let Some(field) = self.fields.stems {
                let mut forms: Vec<Vec<String>> = Language::ALL
                    .iter()
                    .flat_map(|&l| keyword_terms(std::slice::from_ref(&lower), l))
                    .map(|terms| terms.into_iter().map(term_token).collect())
                    .collect();
                forms.sort_unstable();
                forms.dedup();
                for tokens in forms {
                    let each = terms_query(field, &tokens, IndexRecordOption::Basic);
                    if let Some(q) = all_of(each.into_iter().map(|(_, q)| q).collect()) {
                        any_keyword.push((Occur::Should, q));
                    }
                }
            }
        }
        if !any_keyword.is_empty() {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_keyword))));
        }
        if let Some(w) = self.window_query(from, to) {
            clauses.push((Occur::Must, w));
        }
        if clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Number of documents in the index.
    pub fn num_docs(&self) -> Result<u64, StoreError> {
        self.reader.reload().map_err(err)?;
        Ok(self.reader.searcher().num_docs())
    }
}

/// Shortest stem taken as a prefix: a shorter one matches too many words to narrow
/// anything.
const MIN_PREFIX_STEM: usize = 4;
/// The same for Arabic, whose stems are often a root of three letters or two ("سد").
const MIN_ARABIC_PREFIX_STEM: usize = 2;
/// What may stand before an Arabic stem in an indexed word: the article and a
/// conjunction or preposition joined to it (see `chronicle_text`'s Arabic stemming).
const ARABIC_PREFIXES: &str = "(وبال|وال|فال|بال|كال|ولل|لل|ال)?";

/// A term as `stems` holds it.
fn term_token(term: TermId) -> String {
    format!("{term:016x}")
}

/// The `stems` tokens of a query: in every supported language but English (whose
/// articles are in `text`), the terms that carry its words for the engine
/// ([`query_term_ids`]), distinct. An article's `stems` hold its terms in its own
/// language, so it matches when one of these is among them, as the engine matches it.
fn query_stems(query: &str) -> Vec<String> {
    other_language_tokens(|l| query_term_ids(query, l))
}

/// The distinct `stems` tokens of the terms `terms_in` gives in each supported language
/// but English (whose articles are in `text`).
fn other_language_tokens(terms_in: impl Fn(Language) -> Vec<TermId>) -> Vec<String> {
    let mut terms: Vec<TermId> = Language::ALL
        .iter()
        .filter(|&&l| l != Language::English)
        .flat_map(|&l| terms_in(l))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms.into_iter().map(term_token).collect()
}

/// The words and phrases of a search query that it asks for: every literal of
/// tantivy's query grammar not under an exclusion (`-`, `NOT`), without operators or
/// field names. What a hit is scored and its sentence chosen by.
///
/// ```
/// let wanted = chronicle_store::wanted_phrases("dam \"old bridge\" -breach NOT flood title:rain");
/// assert_eq!(wanted, ["dam", "old bridge", "rain"]);
/// ```
pub fn wanted_phrases(query: &str) -> Vec<String> {
    fn walk(ast: &UserInputAst, out: &mut Vec<String>) {
        match ast {
            UserInputAst::Clause(children) => {
                for (occur, child) in children {
                    if *occur != Some(Occur::MustNot) {
                        walk(child, out);
                    }
                }
            }
            UserInputAst::Boost(inner, _) => walk(inner, out),
            UserInputAst::Leaf(leaf) => {
                if let UserInputLeaf::Literal(l) = leaf.as_ref() {
                    out.push(l.phrase.clone());
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&query_grammar::parse_query_lenient(query).0, &mut out);
    out
}

/// A clause of a `BooleanQuery`.
type Clause = (Occur, Box<dyn Query>);

/// A query that every one of `parts` must match; `None` when there is none.
fn all_of(mut parts: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            parts.into_iter().map(|q| (Occur::Must, q)).collect(),
        ))),
    }
}

/// The `stems` tokens of `compound` (words joined by hyphens) as one term, in every
/// supported language but English.
fn compound_tokens(compound: &str) -> Vec<String> {
    other_language_tokens(|l| term_ids(compound, l).into_iter().take(1).collect())
}

/// A literal's words in the `stems` of other languages, as the engine reads them: in
/// each language, every word that is not one of its stop words ("de" in "presa de
/// Kessler" is none of a Spanish article's terms), each by the terms that carry it
/// ([`query_term_ids`]). One query per distinct reading (names read alike in most
/// languages); none when the words are stop words in every language.
fn other_language_literal(field: Field, words: &[&str]) -> Vec<Box<dyn Query>> {
    let mut readings: Vec<Vec<Vec<String>>> = Vec::new();
    for &language in Language::ALL.iter().filter(|&&l| l != Language::English) {
        let reading: Vec<Vec<String>> = words
            .iter()
            .map(|w| {
                query_term_ids(w, language)
                    .into_iter()
                    .map(term_token)
                    .collect::<Vec<String>>()
            })
            .filter(|tokens| !tokens.is_empty())
            .collect();
        if !reading.is_empty() && !readings.contains(&reading) {
            readings.push(reading);
        }
    }
    readings
        .into_iter()
        .filter_map(|reading| {
            all_of(
                reading
                    .iter()
                    .map(|tokens| {
                        Box::new(BooleanQuery::new(terms_query(
                            field,
                            tokens,
                            IndexRecordOption::WithFreqs,
                        ))) as Box<dyn Query>
                    })
                    .collect(),
            )
        })
        .collect()
}

/// One `Should` clause per term on `field`.
fn terms_query(field: Field, terms: &[String], option: IndexRecordOption) -> Vec<Clause> {
    terms
        .iter()
        .map(|t| {
            let q: Box<dyn Query> =
                Box::new(TermQuery::new(Term::from_field_text(field, t), option));
            (Occur::Should, q)
        })
        .collect()
}

/// The stems of a query's words in every supported language (lower case, each language's
/// stop words left out, at least [`MIN_PREFIX_STEM`] characters; Chinese and Japanese runs
/// are left to the index's character pairs), distinct: prefixes for indexes without
/// `stems`.
fn language_stems(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (s, e) in chronicle_text::word_tokens(query) {
        let word = query[s..e].to_lowercase();
        if word.starts_with(chronicle_text::is_unspaced) {
            continue;
        }
        for &language in &Language::ALL {
            let analyzer = analyzer(language);
            if analyzer.is_stop_word(&word) {
                continue;
            }
            let stem = analyzer.stem(&word);
            let min = if stem.starts_with(chronicle_text::is_arabic) {
                MIN_ARABIC_PREFIX_STEM
            } else {
                MIN_PREFIX_STEM
            };
            if stem.chars().count() >= min && !out.iter().any(|o| o == &stem) {
                out.push(stem.into_owned());
            }
        }
    }
    out
}

fn escape_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~\"@<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Collects the `seq` of every matching document.
struct SeqCollector;

struct SeqSegmentCollector {
    column: Column<u64>,
    out: Vec<i64>,
}

impl Collector for SeqCollector {
    type Fruit = Vec<i64>;
    type Child = SeqSegmentCollector;

    fn for_segment(
        &self,
        _segment_local_id: u32,
        segment: &SegmentReader,
    ) -> tantivy::Result<SeqSegmentCollector> {
        Ok(SeqSegmentCollector {
            column: segment.fast_fields().u64("seq")?,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<i64>>) -> tantivy::Result<Vec<i64>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SeqSegmentCollector {
    type Fruit = Vec<i64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(seq) = self.column.first(doc) {
            self.out.push(seq as i64);
        }
    }

    fn harvest(self) -> Vec<i64> {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        pair_spans(text, &mut spans);
        spans.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn unspaced_runs_give_pairs_and_the_rest_splits_like_tantivy() {
        assert_eq!(
            tokens("al-Assad's 2011 top-kill"),
            ["al", "Assad", "s", "2011", "top", "kill"]
        );
        assert_eq!(
            tokens("据BBC报道，安理会于2011年通过"),
            [
                "据", "BBC", "报道", "安理", "理会", "会于", "2011", "年通", "通过"
            ]
        );
        assert_eq!(tokens(""), Vec::<&str>::new());
        assert_eq!(tokens("年"), ["年"]);
    }

    #[test]
    fn unspaced_query_words_are_written_as_their_pairs() {
        assert_eq!(spaced_pairs("oil spill"), "oil spill");
        assert_eq!(spaced_pairs("安全保障"), " 安全  全保  保障 ");
        assert_eq!(spaced_pairs("BBC 安理会 -dam"), "BBC  安理  理会  -dam");
    }

    #[test]
    fn query_words_give_their_stems_in_every_language() {
        let stems = language_stems("Manifestaciones de la oposición");
        assert!(stems.contains(&"manifest".to_string()), "{stems:?}");
        assert!(
            stems.contains(&"oposicion".to_string()) || stems.contains(&"oposición".to_string()),
            "{stems:?}"
        );
        // Stop words ("de", "la") and short stems give no prefix; nor does Chinese.
        assert!(stems.iter().all(|s| s.chars().count() >= MIN_PREFIX_STEM));
        assert!(language_stems("的 de la 水坝").is_empty());
    }

    #[test]
    fn query_terms_in_the_other_languages_are_the_engine_s() {
        let query = "Manifestaciones de la oposición";
        let tokens = query_stems(query);
        // Spanish as the engine analyses a Spanish article: stems, stop words left out.
        let spanish = term_ids(query, Language::Spanish);
        assert_eq!(spanish.len(), 2);
        assert!(
            spanish.iter().all(|&t| tokens.contains(&term_token(t))),
            "{tokens:?}"
        );
        // Hyphenated runs of the query's words are terms too, as for the engine.
        let tokens = query_stems("Nueva York");
        let compound = term_ids("nueva-york", Language::Spanish)[0];
        assert!(tokens.contains(&term_token(compound)));
        assert!(query_stems("").is_empty());
    }

    #[test]
    fn indexes_of_older_schemas_still_open_and_say_they_are_outdated() {
        for version in SchemaVersion::ALL {
            let dir = tempfile::tempdir().unwrap();
            Index::create_in_dir(dir.path(), version.schema().0).unwrap();
            let index = TextIndex::open(dir.path(), false).unwrap().unwrap();
            assert_eq!(index.indexed_seq().unwrap(), 0);
            assert_eq!(index.is_current(), version == SchemaVersion::CURRENT);
            assert_eq!(
                index.fields.stems.is_some(),
                version == SchemaVersion::CURRENT
            );
        }
        // Anything else is refused.
        let other = tempfile::tempdir().unwrap();
        Index::create_in_dir(other.path(), schema("whitespace", false).0).unwrap();
        assert!(TextIndex::open(other.path(), false).is_err());
    }
}
