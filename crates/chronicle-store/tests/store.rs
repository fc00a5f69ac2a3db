//! Library-level tests of the store: idempotence, near duplicates, schema versions, the
//! write lock, concurrent readers, and the index catching up with SQLite.

use chronicle_ingest::Article;
use chronicle_store::{Store, StoreError, Topic, Window};
use chronicle_text::Language;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const WIRE: &str = "Rescue teams worked through the night after the Kessler dam failed on Sunday, \
    flooding the lower valley and forcing thousands of residents to leave their homes. \
    Officials said the water level was falling but warned of more rain on Tuesday. \
    The governor declared a state of emergency on 2024-03-04.";

/// An article declared Spanish, published on 2024-03-05.
fn spanish(id: &str, text: &str) -> Article {
    Article {
        language: Some("es".into()),
        ..article(id, day(2024, 3, 5), "diario", text)
    }
}

fn article(id: &str, published: NaiveDate, source: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        published,
        title: None,
        url: None,
        source: Some(source.into()),
        language: None,
        text: text.into(),
    }
}

fn sample() -> Vec<Article> {
    vec![
        article("wire-1", day(2024, 3, 4), "wire", WIRE),
        article(
            "herald-1",
            day(2024, 3, 4),
            "herald",
            &format!("TALLIS (Wire) - {WIRE} More to follow."),
        ),
        article(
            "bank-1",
            day(2024, 3, 6),
            "ledger",
            "The central bank raised interest rates by a quarter point on Wednesday, citing \
             persistent inflation in services and a tight labour market.",
        ),
    ]
}

#[test]
fn ingest_is_idempotent_and_finds_near_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    let report = store.ingest(sample()).unwrap();
    assert_eq!(report.added, 3);
    assert_eq!(report.near_duplicates, 1);
    let again = store.ingest(sample()).unwrap();
    assert_eq!((again.added, again.already_stored), (0, 3));

    let herald = store.article("herald-1").unwrap().unwrap();
    assert_eq!(herald.near_duplicate_of.as_deref(), Some("wire-1"));
    let wire = store.article("wire-1").unwrap().unwrap();
    assert_eq!(wire.near_duplicates, vec!["herald-1".to_string()]);

    // Near duplicates are sources, not votes: the corpus has one copy of the story…
    let corpus = store
        .corpus_for(&Topic::keywords(["dam"]), Window::default())
        .unwrap();
    assert_eq!(corpus.articles.len(), 1);
    // …and the timeline cites both.
    let options = chronicle_engine::TimelineOptions {
        keywords: vec!["dam".into()],
        ..Default::default()
    };
    let timeline = store.timeline(&options).unwrap();
    let sources: Vec<&str> = timeline.dates[0].sentences[0]
        .sources
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert!(sources.contains(&"herald-1"), "{sources:?}");

    // A different article under a taken id is kept, renamed.
    let clash = article("bank-1", day(2024, 5, 1), "x", "A wholly different story.");
    let r = store.ingest(vec![clash]).unwrap();
    assert_eq!(r.renamed, 1);
    assert!(store.article("bank-1#2").unwrap().is_some());

    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, 4);
    assert_eq!(stats.near_duplicates, 1);
    assert_eq!(stats.indexed, 4);
    assert_eq!(stats.first_published, Some(day(2024, 3, 4)));
}

#[test]
fn search_respects_window() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store.ingest(sample()).unwrap();
    let hits = store
        .search("interest rates", Window::default(), 5)
        .unwrap();
    assert_eq!(hits[0].id, "bank-1");
    assert!(
        hits[0]
            .sentence
            .as_deref()
            .unwrap()
            .contains("interest rates")
    );
    let none = store
        .search(
            "interest rates",
            Window::between(Some(day(2024, 3, 7)), None),
            5,
        )
        .unwrap();
    assert!(none.is_empty());
    // Query syntax errors are not errors.
    assert!(store.search("\"unbalanced (", Window::default(), 5).is_ok());
}

#[test]
fn schema_version_mismatch_is_refused() {
    for version in [99, 0] {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::create_or_open(dir.path()).unwrap());
        let conn = rusqlite::Connection::open(dir.path().join(chronicle_store::DB_FILE)).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        drop(conn);
        for result in [
            Store::open(dir.path()).err(),
            Store::create_or_open(dir.path()).err(),
        ] {
            match result {
                Some(StoreError::Schema(msg)) => {
                    assert!(msg.contains(&format!("schema version {version}")), "{msg}")
                }
                Some(other) => panic!("unexpected error {other}"),
                None => panic!("a store of version {version} was opened"),
            }
        }
    }
    // An unrelated SQLite file is not a store.
    let dir = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(dir.path().join(chronicle_store::DB_FILE)).unwrap();
    conn.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(conn);
    assert!(matches!(
        Store::create_or_open(dir.path()),
        Err(StoreError::Schema(_))
    ));
    assert!(matches!(
        Store::open(tempfile::tempdir().unwrap().path()),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn second_writer_is_locked_out_and_readers_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let writer = Store::create_or_open(dir.path()).unwrap();
    writer.ingest(sample()).unwrap();
    assert!(matches!(
        Store::create_or_open(dir.path()),
        Err(StoreError::Locked(_))
    ));
    let reader = Store::open(dir.path()).unwrap();
    assert!(matches!(reader.ingest(sample()), Err(StoreError::ReadOnly)));
    // Reads from several threads at once.
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                assert_eq!(reader.stats().unwrap().articles, 3);
                assert!(
                    !reader
                        .search("dam", Window::default(), 3)
                        .unwrap()
                        .is_empty()
                );
            });
        }
    });
    drop(writer);
    assert!(Store::create_or_open(dir.path()).is_ok());
}

#[test]
fn index_is_rebuilt_from_sqlite_when_missing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store.ingest(sample()).unwrap();
    drop(store);
    std::fs::remove_dir_all(dir.path().join(chronicle_store::INDEX_DIR)).unwrap();
    // Without an index, readers still select from SQLite.
    let reader = Store::open(dir.path()).unwrap();
    let corpus = reader
        .corpus_for(&Topic::keywords(["interest"]), Window::default())
        .unwrap();
    assert_eq!(corpus.articles.len(), 2); // unfiltered candidates; the engine selects
    drop(reader);
    let store = Store::create_or_open(dir.path()).unwrap();
    assert_eq!(store.stats().unwrap().indexed, 3);
    assert_eq!(
        store.search("rates", Window::default(), 3).unwrap()[0].id,
        "bank-1"
    );
}

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn store_is_send_and_sync() {
    assert_send_sync::<Store>();
}

#[test]
fn broad_topics_read_only_the_most_relevant_articles_up_to_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    // Ten articles mention the flood once in passing; two are about it.
    let subjects = [
        "approved new bus routes",
        "debated the library opening hours",
        "named a new fire chief",
        "raised parking fees downtown",
        "delayed the school budget vote",
        "praised the harvest festival volunteers",
        "ordered repairs to the old bridge",
        "rejected a plan for a casino",
        "hired two building inspectors",
        "renamed the central park",
    ];
    let mut articles: Vec<Article> = subjects
        .iter()
        .enumerate()
        .map(|(i, subject)| {
            article(
                &format!("brief-{i}"),
                day(2024, 3, 1 + i as u32),
                "ledger",
                &format!("The council {subject}. A flood warning was read out at the end."),
            )
        })
        .collect();
    let reports = [
        "Flood waters rose through the valley. The flood closed roads, the flood barrier \
         failed and flood crews worked overnight as the flood peaked.",
        "A second flood crest reached the town on Friday; flood shelters filled and the \
         flood insurance office opened late for families hit by the flood.",
    ];
    for (i, (id, text)) in ["flood-a", "flood-b"].iter().zip(reports).enumerate() {
        articles.push(article(id, day(2024, 3, 20 + i as u32), "herald", text));
    }
    store.ingest(articles).unwrap();
    let topic = Topic::keywords(["flood"]);

    let (all, coverage) = store
        .corpus_with_coverage(&topic, Window::default())
        .unwrap();
    assert_eq!(all.articles.len(), 12);
    assert!(!coverage.truncated());

    let store = store.with_max_articles(2);
    let (capped, coverage) = store
        .corpus_with_coverage(&topic, Window::default())
        .unwrap();
    let ids: Vec<&str> = capped.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["flood-a", "flood-b"]);
    assert_eq!((coverage.matched, coverage.read), (12, 2));
    assert!(coverage.truncated());

    // Without words to rank by, the cap spreads over the archive.
    let (spread, coverage) = store
        .corpus_with_coverage(&Topic::default(), Window::default())
        .unwrap();
    assert_eq!((spread.articles.len(), coverage.matched), (2, 12));
    assert_ne!(spread.articles[0].id, spread.articles[1].id);
}

#[test]
fn an_ingester_takes_articles_in_pieces_and_matches_one_ingest() {
    let one = tempfile::tempdir().unwrap();
    let pieces = tempfile::tempdir().unwrap();
    let store_one = Store::create_or_open(one.path()).unwrap();
    let whole = store_one.ingest(sample()).unwrap();
    let store = Store::create_or_open(pieces.path()).unwrap();
    let mut ingester = store.ingester(&Default::default()).unwrap();
    for a in sample() {
        ingester.add(vec![a]).unwrap();
    }
    let report = ingester.finish().unwrap();
    assert_eq!(report, whole);
    let topic = Topic::keywords(["dam"]);
    let a = store_one.corpus_for(&topic, Window::default()).unwrap();
    let b = store.corpus_for(&topic, Window::default()).unwrap();
    assert_eq!(a.articles, b.articles);
    assert_eq!(store.search("dam", Window::default(), 10).unwrap().len(), 2);
}

/// `stats` reads the counts kept by ingest; a store without them (written by an older
/// build) or with stale ones (an older build ingested since) is counted by a scan, with
/// the same answer, and the next writer rebuilds them.
#[test]
fn stats_come_from_kept_counts_and_fall_back_to_a_scan() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store.ingest(sample()).unwrap();
    let extra = vec![
        article(
            "none-1",
            day(2024, 3, 8),
            "wire",
            "A levee near the dam was reinforced with sandbags on Friday morning.",
        ),
        Article {
            source: None,
            language: Some("fr".into()),
            ..article(
                "fr-1",
                day(2024, 3, 9),
                "",
                "Le barrage de Kessler a cédé dimanche, a indiqué la préfecture.",
            )
        },
    ];
    store.ingest(extra).unwrap();
    // Sizes on disk change with the WAL; compare the counts.
    let counted = |mut s: chronicle_store::Stats| {
        (s.db_bytes, s.index_bytes, s.total_bytes) = (0, 0, 0);
        s
    };
    let kept = counted(store.stats().unwrap());
    assert_eq!(kept.articles, 5);
    assert_eq!(kept.near_duplicates, 1);
    assert!(kept.sentences >= 7, "{kept:?}");
    assert_eq!(kept.sources[0], ("wire".to_string(), 2));
    assert!(kept.sources.contains(&(String::new(), 1)), "{kept:?}");
    assert!(kept.languages.contains(&("fr".to_string(), 1)), "{kept:?}");
    drop(store);

    let db = dir.path().join(chronicle_store::DB_FILE);
    let meta = |sql: &str| {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(sql).unwrap();
    };
    // Missing (older build): a reader scans.
    meta("DELETE FROM meta WHERE key = 'counts'");
    assert_eq!(
        counted(Store::open(dir.path()).unwrap().stats().unwrap()),
        kept
    );
    // The next writer rebuilds them, and ingests keep them current.
    let store = Store::create_or_open(dir.path()).unwrap();
    assert_eq!(counted(store.stats().unwrap()), kept);
    drop(store);
    let has_counts = || {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row("SELECT count(*) FROM meta WHERE key = 'counts'", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap()
    };
    assert_eq!(has_counts(), 1);
    // Stale (an article added behind their back): a reader scans, the answer is exact.
    meta(
        "INSERT INTO articles (id, published, source, language, text, hash, n_sentences, sentences)
         SELECT 'copy', published, 'ledger', language, text, 'x', n_sentences, sentences
         FROM articles WHERE id = 'bank-1'",
    );
    let after = Store::open(dir.path()).unwrap().stats().unwrap();
    assert_eq!(after.articles, 6);
    assert!(
        after.sources.contains(&("ledger".to_string(), 2)),
        "{after:?}"
    );
}

/// An article without a declared language is analysed (and stored) in the language of
/// its text, unless the ingest options fix one.
#[test]
fn undeclared_language_is_identified_at_ingest() {
    let text = "Le barrage de Kessler a cédé dans la nuit de dimanche, inondant la vallée \
                en aval, a indiqué la préfecture lundi matin.";
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store
        .ingest(vec![article("fr-1", day(2024, 3, 4), "wire", text)])
        .unwrap();
    let stored = store.article("fr-1").unwrap().unwrap();
    assert_eq!(stored.language, chronicle_text::Language::French);

    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    let fixed = chronicle_store::IngestOptions {
        language: chronicle_text::LanguagePolicy::Fixed(chronicle_text::Language::English),
        ..Default::default()
    };
    store
        .ingest_with(
            vec![article("fr-1", day(2024, 3, 4), "wire", text)],
            &fixed,
            &mut |_, _| {},
        )
        .unwrap();
    let stored = store.article("fr-1").unwrap().unwrap();
    assert_eq!(stored.language, chronicle_text::Language::English);
}

#[test]
fn reanalysis_needs_the_write_side_and_keeps_every_article() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::create_or_open(dir.path()).unwrap();
        store.ingest(sample()).unwrap();
    }
    let reader = Store::open(dir.path()).unwrap();
    assert!(matches!(
        reader.reanalyse(None, 10, &mut |_, _| {}),
        Err(StoreError::ReadOnly)
    ));
    drop(reader);
    let store = Store::create_or_open(dir.path()).unwrap();
    let before = store.stats().unwrap();
    let mut calls = Vec::new();
    // Batches of 2: three articles take two transactions.
    let report = store
        .reanalyse(None, 2, &mut |done, total| calls.push((done, total)))
        .unwrap();
    assert_eq!(calls, [(0, 3), (2, 3), (3, 3)]);
    assert_eq!(report.articles, 3);
    assert_eq!(report.sentences_before, report.sentences_after);
    assert_eq!(report.sentences_after, before.sentences);
    // English articles of a current index, analysed by the same version: nothing to
    // rebuild.
    assert!(!report.index_needs_rebuild);
    let after = store.stats().unwrap();
    assert_eq!((after.articles, after.near_duplicates), (3, 1));
    let herald = store.article("herald-1").unwrap().unwrap();
    assert_eq!(herald.near_duplicate_of.as_deref(), Some("wire-1"));
    assert_eq!(store.search("dam", Window::default(), 10).unwrap().len(), 2);
}

/// Chinese and Japanese put no spaces between words: the index cuts their text into
/// character pairs, so a query word finds the clause that holds it.
#[test]
fn chinese_and_japanese_text_is_found_by_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store
        .ingest(vec![
            article(
                "zh-1",
                day(2024, 3, 6),
                "wire",
                "河谷水坝于3月4日夜间决堤，下游三个村庄被洪水淹没。",
            ),
            article(
                "ja-1",
                day(2024, 3, 7),
                "wire",
                "政府は3月6日、ダムの再建に予算を割り当てると発表した。",
            ),
            article("en-1", day(2024, 3, 7), "wire", WIRE),
        ])
        .unwrap();
    let ids = |query: &str| -> Vec<String> {
        store
            .search(query, Window::default(), 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(ids("水坝"), ["zh-1"]);
    assert_eq!(ids("村庄 洪水"), ["zh-1"]);
    assert_eq!(ids("再建"), ["ja-1"]);
    assert_eq!(ids("Kessler dam"), ["en-1"]);
    let corpus = store
        .corpus_for(&Topic::query("水坝决堤"), Window::default())
        .unwrap();
    assert_eq!(corpus.articles.len(), 1);
}

/// The index stems as English; a query finds an article in another language that holds
/// its word in another form, as a timeline from files does.
#[test]
fn a_query_finds_other_languages_word_forms() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store
        .ingest(vec![
            article(
                "es-1",
                day(2024, 3, 5),
                "diario",
                "Miles de manifestantes salieron a las calles el lunes. Las manifestaciones \
                 continuaron durante toda la noche.",
            ),
            article(
                "ru-1",
                day(2024, 3, 5),
                "газета",
                "Протесты продолжались всю ночь, сообщили власти во вторник.",
            ),
            article(
                "ar-1",
                day(2024, 3, 5),
                "جريدة",
                "انهار سد وادي الريم يوم الأحد بعد أيام من الأمطار الغزيرة، وغمرت المياه \
                 البلدة. وطلبت البلدية مساعدة الحكومة لإصلاح الأضرار.",
            ),
            article("en-1", day(2024, 3, 7), "wire", WIRE),
        ])
        .unwrap();
    let found = |query: &str| -> usize {
        store
            .corpus_for(&Topic::query(query), Window::default())
            .unwrap()
            .articles
            .len()
    };
    assert_eq!(found("manifestación"), 1);
    assert_eq!(found("протест"), 1);
    assert_eq!(found("dams failing"), 1);
    assert_eq!(found("parlamento"), 0);
    // Arabic joins the article and prepositions to the word: "the dam" finds "سد", and
    // "to the government" ("للحكومة") is found by "الحكومة".
    assert_eq!(found("السد"), 1);
    assert_eq!(found("للحكومة"), 1);
    // Search finds them too.
    let hits = store
        .search("manifestación", Window::default(), 10)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "es-1");
}

/// Articles in other languages are ranked by BM25 over their own stems, as English ones
/// are over theirs (before, the query's exact form decided, and other forms matched
/// with a score of 0).
#[test]
fn other_languages_are_ranked_by_their_own_stems() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store
        .ingest(vec![
            spanish(
                "es-passing",
                "El concejo municipal aprobó el presupuesto el lunes. Una manifestación \
                 está prevista para el mes próximo, según el alcalde.",
            ),
            spanish(
                "es-about",
                "Las manifestaciones se reanudaron el martes en el centro. Los \
                 manifestantes piden que se reabra el puente, y las organizaciones \
                 anuncian más manifestaciones para el jueves.",
            ),
            article("en-1", day(2024, 3, 7), "wire", WIRE),
        ])
        .unwrap();
    assert!(!store.index_is_outdated());
    let hits = store
        .search("manifestación", Window::default(), 10)
        .unwrap();
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    // The article about the protests first, though only the other one holds the
    // query's own form; both scored, not merely matched.
    assert_eq!(ids, ["es-about", "es-passing"], "{hits:?}");
    assert!(hits[1].score > 0.0, "{hits:?}");
}

/// Search's operators (quoted phrases, `+required`, `-excluded`, `title:`) hold for
/// articles in every language, and a phrase matches as all its words (the index keeps
/// no positions: tantivy's own parser would drop the phrase and find nothing).
#[test]
fn search_operators_apply_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    store
        .ingest(vec![
            spanish(
                "es-bridge",
                "Las manifestaciones se reanudaron el martes junto al puente. Los \
                 manifestantes piden que se reabra el puente antes del verano.",
            ),
            spanish(
                "es-square",
                "Una manifestación llenó la plaza mayor el miércoles. La policía \
                 calculó unos tres mil asistentes en el centro de la ciudad.",
            ),
            spanish(
                "es-new-york",
                "El alcalde de la ciudad viajó a Nueva-York el jueves para reunirse \
                 con inversores.",
            ),
            Article {
                title: Some("Dam fails after days of rain".into()),
                ..article("en-1", day(2024, 3, 7), "wire", WIRE)
            },
            article(
                "en-2",
                day(2024, 3, 8),
                "wire",
                "Engineers inspected the bridge below the Kessler reservoir on Friday and \
                 found no damage.",
            ),
        ])
        .unwrap();
    let ids = |query: &str| -> Vec<String> {
        let mut ids: Vec<String> = store
            .search(query, Window::default(), 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        ids.sort();
        ids
    };
    // Phrases: every word, in any order (no positions).
    assert_eq!(ids("\"Kessler dam\""), ["en-1"]);
    assert_eq!(ids("\"dam Kessler\""), ["en-1"]);
    assert!(ids("\"Kessler bridge dam\"").is_empty());
    assert_eq!(ids("\"manifestación puente\""), ["es-bridge"]);
    // A phrase's stop words in the article's language are none of its terms, as the
    // engine reads it ("de", "el"); the rest must all be there.
    assert_eq!(ids("\"alcalde de la ciudad\""), ["es-new-york"]);
    assert_eq!(ids("\"el alcalde\""), ["es-new-york"]);
    assert!(ids("\"alcalde de la plaza\"").is_empty());
    // A word the tokenizer splits needs all its pieces, like a phrase ("al-Assad").
    assert_eq!(ids("Kessler-dam"), ["en-1"]);
    // Without quotes, any word.
    assert_eq!(ids("Kessler"), ["en-1", "en-2"]);
    assert_eq!(ids("manifestación puente"), ["es-bridge", "es-square"]);
    // Required and excluded words.
    assert_eq!(ids("Kessler -dam"), ["en-2"]);
    assert_eq!(ids("+Kessler +bridge"), ["en-2"]);
    assert_eq!(ids("manifestación -puente"), ["es-square"]);
    assert_eq!(ids("+manifestación +plaza"), ["es-square"]);
    assert_eq!(ids("manifestación AND puente"), ["es-bridge"]);
    assert_eq!(ids("Kessler AND NOT bridge"), ["en-1"]);
    // A field: the title only.
    assert_eq!(ids("title:rain"), ["en-1"]);
    assert!(ids("title:valley").is_empty());
    assert!(ids("unknown:dam").is_empty());
    // Plain words written hyphenated in the text, as the engine matches them.
    assert_eq!(ids("Nueva York"), ["es-new-york"]);
    assert_eq!(ids("\"Nueva York\""), ["es-new-york"]);
    // Only an exclusion: everything else, as tantivy reads it.
    assert_eq!(
        ids("-dam"),
        ["en-2", "es-bridge", "es-new-york", "es-square"]
    );
}

/// Keywords match inflected forms in other languages ("Сирии" for "сирия"), and the
/// index's candidates include those articles, so a timeline from the store is the one
/// from the same files.
#[test]
fn keywords_find_inflected_forms_in_other_languages() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    let russian = |id: &str, d: u32, text: &str| Article {
        language: Some("ru".into()),
        ..article(id, day(2012, 2, d), "газета", text)
    };
    let articles = vec![
        russian(
            "ru-1",
            4,
            "Совет Безопасности ООН в субботу не смог принять резолюцию по Сирии.",
        ),
        russian(
            "ru-2",
            5,
            "В воскресенье в Хомсе продолжались обстрелы. Правозащитники сообщили о \
             погибших в Сирии.",
        ),
        russian("ru-3", 8, "Центробанк сохранил ключевую ставку в среду."),
    ];
    store.ingest(articles.clone()).unwrap();
    let topic = Topic::keywords(["сирия"]);
    let corpus = store.corpus_for(&topic, Window::default()).unwrap();
    let mut ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["ru-1", "ru-2"]);
    let options = chronicle_engine::TimelineOptions {
        keywords: vec!["сирия".into()],
        ..Default::default()
    };
    let from_files =
        chronicle_engine::build_timeline(&chronicle_engine::Corpus::analyse(articles), &options)
            .unwrap();
    assert_eq!(store.timeline(&options).unwrap(), from_files);
    assert_eq!(from_files.dates.len(), 2);
}

/// A query that is only stop words in some language filters nothing for the engine in
/// that language, so the store's candidates must not narrow it either: the timeline
/// from the store is the one from the same files.
#[test]
fn a_query_of_stop_words_in_some_language_narrows_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_or_open(dir.path()).unwrap();
    let articles = vec![
        article("en-1", day(2024, 3, 4), "wire", WIRE),
        article(
            "en-2",
            day(2024, 3, 5),
            "wire",
            "Rescuers reached two stranded families by boat on Monday.",
        ),
        spanish(
            "es-1",
            "Los equipos de rescate llegaron el martes a dos familias aisladas.",
        ),
    ];
    store.ingest(articles.clone()).unwrap();
    let from_files = chronicle_engine::Corpus::analyse_with(articles, Language::English);
    for query in ["the", "de la", "who"] {
        let options = chronicle_engine::TimelineOptions {
            query: Some(query.into()),
            ..Default::default()
        };
        assert_eq!(
            store.timeline(&options).unwrap(),
            chronicle_engine::build_timeline(&from_files, &options).unwrap(),
            "{query}"
        );
    }
}
