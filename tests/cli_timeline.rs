//! End-to-end tests of `chronicle timeline` on the shipped example corpus, the seeds
//! (when `../shared` is present) and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the chronicle binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn timeline_json(args: &[&str]) -> Value {
    let output = chronicle(args);
    assert!(output.status.success(), "failed: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("valid JSON")
}

fn shared(path: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path);
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not present", dir.display());
        None
    }
}

fn entry<'a>(timeline: &'a Value, date: &str) -> Option<&'a Value> {
    timeline["dates"]
        .as_array()?
        .iter()
        .find(|d| d["date"] == date)
}

fn source_ids(entry: &Value) -> Vec<String> {
    let mut ids: Vec<String> = entry["sentences"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["sources"].as_array().into_iter().flatten())
        .filter_map(|s| s["article"].as_str().map(String::from))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every summary sentence is a real sentence of the article it names.
fn assert_sentences_are_real(timeline: &Value, article_texts: &dyn Fn(&str) -> String) {
    for date in timeline["dates"].as_array().unwrap() {
        for sentence in date["sentences"].as_array().unwrap() {
            let text = sentence["text"].as_str().unwrap();
            let article = sentence["article"].as_str().unwrap();
            assert!(
                normalise(&article_texts(article)).contains(text),
                "'{text}' is not in article {article}"
            );
            assert_eq!(sentence["sources"][0]["article"], article);
        }
    }
}

#[test]
fn example_corpus_dates_the_breach_by_the_reports_of_that_day() {
    let timeline = timeline_json(&["timeline", "examples/corpus", "--format", "json", "--quiet"]);
    assert_eq!(timeline["articles"], 16);
    let breach = entry(&timeline, "2024-03-03").expect("the breach day is in the timeline");
    // Three reports of the day and many later ones refer to the breach.
    assert!(breach["reports"].as_u64().unwrap() >= 3, "{breach}");
    // Its summary tells what happened that day, from the reports of that day, not
    // later sentences that only refer back to "the March 3 breach".
    let same_day = [
        "2024-03-03-marrow-falls-courier-kessler-dam-breach",
        "2024-03-03-tallis-valley-herald-dam-fails",
        "2024-03-03-valley-9-news-breach-evacuations",
    ];
    for sentence in breach["sentences"].as_array().unwrap() {
        let article = sentence["article"].as_str().unwrap();
        assert!(same_day.contains(&article), "{sentence}");
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    assert_sentences_are_real(&timeline, &|id| {
        std::fs::read_to_string(corpus.join(format!("{id}.txt")))
            .unwrap_or_else(|_| std::fs::read_to_string(corpus.join("wire.jsonl")).unwrap())
    });
}

#[test]
fn example_corpus_finds_the_story_dates() {
    let timeline = timeline_json(&[
        "timeline",
        "examples/corpus",
        "--dates",
        "10",
        "--format",
        "json",
        "--quiet",
    ]);
    let dates: Vec<&str> = timeline["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len(), 10, "{dates:?}");
    // Events dated only in the text of later reports.
    for expected in ["2024-03-03", "2024-01-09", "2024-02-20", "2024-06-18"] {
        assert!(
            dates.contains(&expected),
            "{expected} missing from {dates:?}"
        );
    }
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "dates are in chronological order");
}

#[test]
fn output_is_deterministic_and_every_format_renders() {
    let args = ["timeline", "examples/corpus", "--quiet", "--format"];
    for format in ["text", "markdown", "json", "tilse"] {
        let first = chronicle(&[&args[..], &[format]].concat());
        let second = chronicle(&[&args[..], &[format]].concat());
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(!first.stdout.is_empty());
        assert_eq!(
            first.stdout, second.stdout,
            "format {format} differs between runs"
        );
    }
    let tilse = stdout(&chronicle(&[&args[..], &["tilse"]].concat()));
    let first_line = tilse.lines().next().unwrap();
    assert!(chrono::NaiveDate::parse_from_str(first_line, "%Y-%m-%d").is_ok());
    assert!(tilse.contains(&format!("\n{}\n", "-".repeat(32))));
}

#[test]
fn keywords_and_window_restrict_the_timeline() {
    let timeline = timeline_json(&[
        "timeline",
        "examples/corpus",
        "--keywords",
        "inquiry",
        "--from",
        "2024-04-01",
        "--to",
        "2024-07-31",
        "--format",
        "json",
        "--quiet",
    ]);
    assert_eq!(timeline["window"]["from"], "2024-04-01");
    assert_eq!(timeline["window"]["to"], "2024-07-31");
    for date in timeline["dates"].as_array().unwrap() {
        let day = date["date"].as_str().unwrap();
        assert!(("2024-04-01"..="2024-07-31").contains(&day), "{day}");
        for sentence in date["sentences"].as_array().unwrap() {
            let text = sentence["text"].as_str().unwrap().to_lowercase();
            assert!(text.contains("inquiry"), "{text}");
        }
    }
    // The volume counts the timeline's own articles, by publication day, in the window.
    let volume = timeline["volume"].as_array().unwrap();
    let counted: u64 = volume.iter().map(|v| v["articles"].as_u64().unwrap()).sum();
    assert_eq!(counted, timeline["articles"].as_u64().unwrap());
    assert!(
        counted > 0 && counted < 16,
        "{counted} of the 16 example articles"
    );
    for v in volume {
        let day = v["date"].as_str().unwrap();
        assert!(("2024-04-01"..="2024-07-31").contains(&day), "{day}");
    }
}

#[test]
fn seeds_give_one_entry_per_event_with_all_sources() {
    let Some(seeds) = shared("seeds") else { return };
    let seeds = seeds.to_str().unwrap();
    let timeline = timeline_json(&["timeline", seeds, "--format", "json", "--quiet"]);
    let new_year = entry(&timeline, "2023-12-31").expect("2023-12-31 entry");
    let ids = source_ids(new_year);
    for prefix in ["000_", "001_", "002_"] {
        assert!(
            ids.iter().any(|i| i.starts_with(prefix)),
            "report {prefix} missing from the 2023-12-31 sources {ids:?}"
        );
    }
    assert!(entry(&timeline, "2024-02-08").is_some(), "{timeline:#}");
    assert!(
        entry(&timeline, "2022-12-30").is_some() || entry(&timeline, "2022-12-31").is_some(),
        "{timeline:#}"
    );
    let dir = PathBuf::from(seeds);
    assert_sentences_are_real(&timeline, &|id| {
        std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap()
    });

    // With more dates, the visits mentioned only in the text appear.
    let wide = timeline_json(&[
        "timeline", seeds, "--dates", "8", "--format", "json", "--quiet",
    ]);
    assert!(
        entry(&wide, "2023-03-20").is_some() || entry(&wide, "2023-10-17").is_some(),
        "{wide:#}"
    );
}

/// The dates and sentences of a timeline, for comparing two runs.
fn dated_sentences(timeline: &Value) -> Vec<(String, Vec<String>)> {
    timeline["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let sentences = d["sentences"].as_array().unwrap();
            let texts = sentences.iter().map(|s| s["text"].to_string()).collect();
            (d["date"].to_string(), texts)
        })
        .collect()
}

/// Mail clients' wrapping: at 60 columns, a word longer than that on a line of its own.
fn wrap_60() -> textwrap::Options<'static> {
    textwrap::Options::new(60).break_words(false)
}

#[test]
fn hard_wrapped_articles_give_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    for file in std::fs::read_dir("examples/corpus").unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let copy = if path.extension().is_some_and(|e| e == "txt") {
            // The date line stays; every paragraph is wrapped at 60 columns.
            let (date_line, body) = text.split_once('\n').unwrap();
            let body: Vec<String> = body
                .split('\n')
                .map(|p| textwrap::fill(p, wrap_60()))
                .collect();
            format!("{date_line}\n{}", body.join("\n"))
        } else {
            text
        };
        std::fs::write(dir.path().join(name), copy).unwrap();
    }
    let wrapped = dir.path().to_str().unwrap();
    let plain = timeline_json(&["timeline", "examples/corpus", "--format", "json", "--quiet"]);
    let from_wrapped = timeline_json(&["timeline", wrapped, "--format", "json", "--quiet"]);
    assert_eq!(dated_sentences(&plain), dated_sentences(&from_wrapped));
}

#[test]
fn t17_bpoil_gives_a_sane_tilse_timeline() {
    let Some(bpoil) = shared("data/t17/bpoil") else {
        return;
    };
    let output = chronicle(&[
        "timeline",
        bpoil.to_str().unwrap(),
        "--keywords",
        "bp,oil,spill",
        "--dates",
        "20",
        "--format",
        "tilse",
        "--quiet",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let dates: Vec<&str> = text
        .lines()
        .filter(|l| chrono::NaiveDate::parse_from_str(l, "%Y-%m-%d").is_ok())
        .collect();
    assert_eq!(dates.len(), 20, "{text}");
    // The spill began with the rig explosion on 2010-04-20; all dates lie within the
    // articles' span (April 2010 to January 2011, when the presidential commission
    // reported on 2011-01-11).
    assert!(dates.contains(&"2010-04-20"), "{dates:?}");
    assert!(
        dates
            .iter()
            .all(|d| ("2010-04-01"..="2011-01-31").contains(d)),
        "{dates:?}"
    );
}

#[test]
fn bad_input_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "date 2024-05-02 Council approves the budget\n\nThe council approved the 2025 budget on Wednesday after a long debate.\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "no date line here\nJust text.\n").unwrap();
    std::fs::write(dir.path().join("binary.txt"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    // An older archive's Latin-1 file is read, with a note ("é" is the byte 0xe9).
    let mut latin1 = b"date 2024-05-03\nLa mairie a approuv".to_vec();
    latin1.extend_from_slice(b"\xe9 le budget de la ville mercredi apr\xe8s un long d\xe9bat.\n");
    std::fs::write(dir.path().join("latin1.txt"), latin1).unwrap();

    let output = chronicle(&["timeline", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("bad.txt"), "{err}");
    assert!(err.contains("binary.txt"), "{err}");
    assert!(
        err.contains("note: ") && err.contains("latin1.txt: not UTF-8: read as Windows-1252"),
        "{err}"
    );
    let french = chronicle(&[
        "timeline",
        dir.path().join("latin1.txt").to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        stdout(&french).contains("La mairie a approuvé le budget"),
        "{}",
        stdout(&french)
    );
    assert!(stdout(&output).contains("2024-05-01") || stdout(&output).contains("2024-05-02"));

    let only_bad = chronicle(&["timeline", bad.to_str().unwrap()]);
    assert!(!only_bad.status.success());
    assert!(
        stderr(&only_bad).contains("no article could be read"),
        "{}",
        stderr(&only_bad)
    );
}

/// An archive with many bad files names ten per reason and counts the rest.
#[test]
fn many_bad_files_are_named_ten_per_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "date 2024-05-02\nThe council approved the 2025 budget on Wednesday after a long debate.\n",
    )
    .unwrap();
    for i in 0..12 {
        std::fs::write(dir.path().join(format!("empty-{i:02}.txt")), "").unwrap();
    }
    let output = chronicle(&["timeline", dir.path().to_str().unwrap(), "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert_eq!(err.matches("(skipped)").count(), 11, "{err}");
    assert!(
        err.contains("empty-09.txt") && !err.contains("empty-10.txt"),
        "{err}"
    );
    assert!(
        err.contains("2 more input(s) for the same reason: empty file"),
        "{err}"
    );
}

#[test]
fn an_empty_timeline_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short.txt");
    std::fs::write(&short, "date 2024-05-02\n\nDam fails.\n").unwrap();
    let why = |args: &[&str]| {
        let output = chronicle(args);
        assert!(output.status.success(), "{}", stderr(&output));
        stderr(&output)
    };
    let corpus = short.to_str().unwrap();
    let err = why(&["timeline", corpus]);
    assert!(
        err.contains("none has a sentence that can summarise"),
        "{err}"
    );
    let err = why(&["timeline", corpus, "--keywords", "election"]);
    assert!(err.contains("no article matched the keywords"), "{err}");
    let err = why(&["timeline", corpus, "--from", "2030-01-01"]);
    assert!(
        err.contains("no article was published in the window"),
        "{err}"
    );
}

#[test]
fn invalid_options_are_refused() {
    let output = chronicle(&[
        "timeline",
        "examples/corpus",
        "--from",
        "2024-05-01",
        "--to",
        "2024-04-01",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("after"), "{}", stderr(&output));

    let output = chronicle(&["timeline", "examples/corpus", "--from", "May 1"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("YYYY-MM-DD"),
        "{}",
        stderr(&output)
    );

    let output = chronicle(&["timeline", "does/not/exist"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("does/not/exist"),
        "{}",
        stderr(&output)
    );
}

/// Articles that declare no language are analysed in the language of their text: a
/// Spanish corpus is dated by its Spanish date expressions without `--language`.
#[test]
fn undeclared_language_is_identified_from_the_text() {
    let reports = [
        (
            "2024-03-04",
            "La presa de Valdemoro se rompió el 3 de marzo tras varios días de lluvias \
             intensas, y el agua inundó los barrios bajos del pueblo. Los vecinos fueron \
             evacuados durante la noche por los bomberos y la policía local.",
        ),
        (
            "2024-03-06",
            "Los ingenieros que inspeccionan la presa de Valdemoro, que se rompió el 3 de \
             marzo, creen que una grieta en la base pudo causar la rotura. El ayuntamiento \
             pidió ayuda al gobierno regional para reparar los daños.",
        ),
        (
            "2024-03-09",
            "El gobierno regional prometió reconstruir la presa de Valdemoro, rota el 3 de \
             marzo, antes del próximo invierno. Las familias evacuadas empezaron a volver a \
             sus casas este fin de semana.",
        ),
    ];
    let (detected, english) = one_date_detected_and_english(&reports, "presa");
    assert_eq!(detected["dates"][0]["date"], "2024-03-03", "{detected}");
    // Assuming English, "3 de marzo" is not a date: the event day is not found.
    assert!(entry(&english, "2024-03-03").is_none(), "{english}");
}

/// Writes `(publication date, text)` reports to a folder and builds a one-date timeline
/// of those holding `keyword`, twice: with the language identified from the text and
/// with English assumed.
fn one_date_detected_and_english(reports: &[(&str, &str)], keyword: &str) -> (Value, Value) {
    let dir = tempfile::tempdir().unwrap();
    for (i, (date, text)) in reports.iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("report-{i}.txt")),
            format!("date {date}\n{text}\n"),
        )
        .unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let timeline = |language: &[&str]| {
        let mut args = vec![
            "timeline",
            folder,
            "--keywords",
            keyword,
            "--dates",
            "1",
            "--format",
            "json",
            "--quiet",
        ];
        args.extend_from_slice(language);
        timeline_json(&args)
    };
    (timeline(&[]), timeline(&["--language", "en"]))
}

#[test]
fn arabic_reports_are_dated_by_their_own_calendar_words() {
    // Written for this test: a dam fails on Sunday 3 March 2024; the reports name the day
    // with both month names ("3 آذار/مارس"), with Arabic-Indic digits ("٣ مارس") and
    // with the Levantine name alone.
    let reports = [
        (
            "2024-03-04",
            "انهار سد وادي الريم يوم الأحد 3 آذار/مارس بعد أيام من الأمطار الغزيرة، وغمرت \
             المياه الأحياء المنخفضة في البلدة. وأجلى رجال الإطفاء والشرطة السكان خلال الليل.",
        ),
        (
            "2024-03-06",
            "يعتقد المهندسون الذين يفحصون سد وادي الريم، الذي انهار في ٣ مارس، أن شقا في \
             القاعدة تسبب في الانهيار. وطلبت البلدية مساعدة الحكومة لإصلاح الأضرار.",
        ),
        (
            "2024-03-09",
            "وعدت الحكومة بإعادة بناء سد وادي الريم، الذي انهار في 3 آذار، قبل الشتاء \
             المقبل. وبدأت العائلات التي تم إجلاؤها العودة إلى منازلها هذا الأسبوع.",
        ),
    ];
    let (detected, english) = one_date_detected_and_english(&reports, "الريم");
    let day = entry(&detected, "2024-03-03").unwrap_or_else(|| panic!("{detected}"));
    assert_eq!(day["reports"], 3, "{detected}");
    let text = day["sentences"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("انهار سد وادي الريم"), "{text}");
    // Read as English, the Arabic month names are no dates.
    assert!(entry(&english, "2024-03-03").is_none(), "{english}");
}

#[test]
fn ukrainian_reports_are_not_read_as_russian() {
    // Written for this test. whatlang used to take Ukrainian for Russian, whose month
    // names ("марта") are not Ukrainian ones ("березня").
    let reports = [
        (
            "2024-03-04",
            "У неділю, 3 березня, прорвало греблю на річці Рось після кількох днів сильних \
             дощів. Вода затопила нижні квартали міста, рятувальники евакуювали мешканців.",
        ),
        (
            "2024-03-06",
            "Інженери, які оглядають греблю на Росі, що прорвало 3 березня, вважають, що \
             причиною стала тріщина в основі. Міська рада попросила уряд про допомогу.",
        ),
        (
            "2024-03-09",
            "Уряд пообіцяв відбудувати греблю на Росі, зруйновану 3 березня, до наступної \
             зими. Евакуйовані родини почали повертатися додому.",
        ),
    ];
    let (detected, english) = one_date_detected_and_english(&reports, "греблю");
    let day = entry(&detected, "2024-03-03").unwrap_or_else(|| panic!("{detected}"));
    assert_eq!(day["reports"], 3, "{detected}");
    assert!(entry(&english, "2024-03-03").is_none(), "{english}");
}
