//! Unit tests of the English rules by category, and of the other languages' basics.

use chrono::NaiveDate;

use crate::{Granularity, Tagger, TimexType};
use chronicle_text::Language;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (text, value) of every expression.
fn tag(text: &str, pub_date: &str) -> Vec<(String, String)> {
    Tagger::new(Language::English)
        .tag(text, d(pub_date))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

/// Asserts the expressions found, as "text=value" strings.
fn check(text: &str, pub_date: &str, expected: &[&str]) {
    let got: Vec<String> = tag(text, pub_date)
        .into_iter()
        .map(|(t, v)| format!("{t}={v}"))
        .collect();
    assert_eq!(got, expected, "in {text:?} (published {pub_date})");
}

fn values(text: &str, pub_date: &str) -> Vec<String> {
    tag(text, pub_date).into_iter().map(|(_, v)| v).collect()
}

#[test]
fn absolute_dates_in_common_orders() {
    let p = "2024-01-05";
    check(
        "on December 31, 2023.",
        p,
        &["December 31, 2023=2023-12-31"],
    );
    check("on 31 December 2023.", p, &["31 December 2023=2023-12-31"]);
    check("on Dec. 31, 2023.", p, &["Dec. 31, 2023=2023-12-31"]);
    check(
        "on the 31st of December 2023.",
        p,
        &["31st of December 2023=2023-12-31"],
    );
    check("on 2023-12-31.", p, &["2023-12-31=2023-12-31"]);
    check("on 12/31/2023.", p, &["12/31/2023=2023-12-31"]);
    check("on 31/12/2023.", p, &["31/12/2023=2023-12-31"]);
    check("on 31.12.2023.", p, &["31.12.2023=2023-12-31"]);
    check("Sept. 27, 1989", p, &["Sept. 27, 1989=1989-09-27"]);
}

#[test]
fn month_day_without_year_takes_the_nearest_year() {
    // Published in early January: "Dec. 31" is the day just past.
    check(
        "The deal was signed Dec. 31.",
        "2024-01-05",
        &["Dec. 31=2023-12-31"],
    );
    check(
        "It was signed on the 31st of December.",
        "2024-01-05",
        &["31st of December=2023-12-31"],
    );
    // A dividend payable next month.
    check(
        "The dividend is payable Dec. 15.",
        "1989-11-01",
        &["Dec. 15=1989-12-15"],
    );
    // Past tense pulls a month-day that would be months ahead into the past year.
    check(
        "Talks collapsed on October 3.",
        "2024-02-01",
        &["October 3=2023-10-03"],
    );
}

#[test]
fn ranges() {
    let p = "2023-12-31";
    let t = Tagger::new(Language::English);
    let r = t.tag("Talks were held March 20-22 in Geneva.", d(p));
    assert_eq!(r[0].text, "March 20-22");
    assert_eq!(r[0].value, "2023-03-20");
    assert_eq!(r[0].range_end, Some(d("2023-03-22")));
    let r = t.tag("Talks were held from 17 to 18 October.", d(p));
    assert_eq!(r[0].text, "17 to 18 October");
    assert_eq!(r[0].day, Some(d("2023-10-17")));
    assert_eq!(r[0].range_end, Some(d("2023-10-18")));
    let r = t.tag("Polls were open between May 1 and 3.", d(p));
    assert_eq!(r[0].text, "May 1 and 3");
    assert_eq!(r[0].range_end, Some(d("2023-05-03")));
    let r = t.tag("It ran from March 30 to April 2, 2023.", d(p));
    assert_eq!(r[0].value, "2023-03-30");
    assert_eq!(r[0].range_end, Some(d("2023-04-02")));
}

#[test]
fn weekdays_follow_tense() {
    // 2023-12-31 is a Sunday.
    let p = "2023-12-31";
    check("The bill was signed on Friday.", p, &["Friday=2023-12-29"]);
    check(
        "Officials said Friday that the bill passed.",
        p,
        &["Friday=2023-12-29"],
    );
    check(
        "The minister will visit on Friday.",
        p,
        &["Friday=2024-01-05"],
    );
    check(
        "He is due to arrive on Tuesday.",
        p,
        &["Tuesday=2024-01-02"],
    );
    check("They meet next Friday.", p, &["next Friday=2024-01-05"]);
    check("It happened last Friday.", p, &["last Friday=2023-12-29"]);
    check(
        "Protesters planned a march on Saturday.",
        "2000-01-07",
        &["Saturday=2000-01-08"],
    );
    // The nearest tense marker wins: "fell" governs the date, "will" a later clause.
    check(
        "Shares fell 3% on Wednesday over worries that the company will cut its dividend.",
        "2010-06-10",
        &["Wednesday=2010-06-09"],
    );
    // A past form right after a named subject's "on <date>" is the verb it modifies,
    // closer than a "will" in the clause it reports; a verb's "on <date>" is not.
    check(
        "The White House on Thursday acknowledged there will be job losses.",
        "2010-06-04",
        &["Thursday=2010-06-03"],
    );
    check(
        "He is expected to order on Thursday strengthened inspections.",
        "2010-05-26",
        &["Thursday=2010-05-27"],
    );
    check(
        "Friday, March 3, 2023",
        p,
        &["Friday, March 3, 2023=2023-03-03"],
    );
}

#[test]
fn relative_expressions() {
    let p = "2023-12-31";
    check("It rained yesterday.", p, &["yesterday=2023-12-30"]);
    check("It will rain tomorrow.", p, &["tomorrow=2024-01-01"]);
    check("It happened two days ago.", p, &["two days ago=2023-12-29"]);
    check("It happened last week.", p, &["last week=2023-W51"]);
    check(
        "It happened earlier this month.",
        p,
        &["earlier this month=2023-12"],
    );
    check("Elections are due next year.", p, &["next year=2024"]);
    check("Prices were lower a year ago.", p, &["a year ago=2022"]);
    check("Sales rose last year.", p, &["last year=2022"]);
    check("It happened last month.", p, &["last month=2023-11"]);
    check("It is raining now.", p, &["now=PRESENT_REF"]);
}

#[test]
fn months_years_seasons_quarters_decades() {
    let p = "2023-12-31";
    check(
        "In February 2022 troops moved.",
        p,
        &["February 2022=2022-02"],
    );
    check("It was built in 2011.", p, &["2011=2011"]);
    check(
        "Growth slowed in the third quarter of 2011.",
        p,
        &["the third quarter of 2011=2011-Q3"],
    );
    check("Results for Q1 2011 were weak.", p, &["Q1 2011=2011-Q1"]);
    check(
        "Prices rose in the summer of 2011.",
        p,
        &["summer of 2011=2011-SU"],
    );
    check("It was popular in the 1990s.", p, &["1990s=199"]);
    check("Work resumes in mid-2011.", p, &["mid-2011=2011"]);
    check("Talks stalled in late March.", p, &["late March=2023-03"]);
    check("In the 20th century", p, &["the 20th century=19"]);
    let t = Tagger::new(Language::English);
    let r = t.tag("In the summer of 2011", d(p));
    assert_eq!(r[0].granularity, Granularity::Season);
    let r = t.tag("the third quarter of 2011", d(p));
    assert_eq!(r[0].granularity, Granularity::Quarter);
    let r = t.tag("the 1990s", d(p));
    assert_eq!(r[0].granularity, Granularity::Decade);
}

#[test]
fn times_map_to_their_day() {
    let t = Tagger::new(Language::English);
    let p = d("2023-12-31");
    let r = t.tag("The blast came at 14:40 local time.", p);
    assert_eq!(r[0].text, "14:40");
    assert_eq!(r[0].kind, TimexType::Time);
    assert_eq!(r[0].granularity, Granularity::Time);
    assert_eq!(r[0].day, Some(p));
    let r = t.tag("Police arrived this morning.", p);
    assert_eq!(r[0].value, "2023-12-31TMO");
    assert_eq!(r[0].day, Some(p));
    let r = t.tag("It ended at 10 p.m. Friday.", p);
    assert_eq!(r[0].value, "2023-12-29T22:00");
    assert_eq!(r[0].day, Some(d("2023-12-29")));
}

#[test]
fn durations_are_not_dates() {
    let t = Tagger::new(Language::English);
    let r = t.tag("The siege lasted for three days.", d("2023-12-31"));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].text, "three days");
    assert_eq!(r[0].value, "P3D");
    assert_eq!(r[0].kind, TimexType::Duration);
    assert_eq!(r[0].day, None);
    check(
        "He served 25 years in prison.",
        "2023-12-31",
        &["25 years=P25Y"],
    );
    check(
        "over the past two decades",
        "2023-12-31",
        &["the past two decades=P20Y"],
    );
    check(
        "in the next three quarters",
        "2023-12-31",
        &["the next three quarters=P9M"],
    );
}

#[test]
fn anaphoric_dates() {
    check(
        "The rig exploded on 20 April 2010. Two days later it sank.",
        "2010-06-01",
        &["20 April 2010=2010-04-20", "Two days later=2010-04-22"],
    );
    check(
        "Profit rose in the third quarter. A year earlier it fell.",
        "1989-11-01",
        &["the third quarter=1989-Q3", "A year earlier=1988-Q3"],
    );
    check(
        "It was signed on 3 May 2010 and ratified the same day.",
        "2011-01-01",
        &["3 May 2010=2010-05-03", "the same day=2010-05-03"],
    );
}

#[test]
fn holidays() {
    check(
        "Shops close on Christmas Day.",
        "2023-12-20",
        &["Christmas Day=2023-12-25"],
    );
    check(
        "Traffic peaked over Memorial Day.",
        "2010-06-03",
        &["Memorial Day=2010-05-31"],
    );
    check(
        "It happened at Easter 2009.",
        "2010-01-01",
        &["Easter 2009=2009-04-12"],
    );
    check(
        "Thanksgiving is near.",
        "2023-11-01",
        &["Thanksgiving=2023-11-23"],
    );
}

#[test]
fn spelled_out_years_and_decades() {
    check(
        "in nineteen ninety-six",
        "1998-01-01",
        &["nineteen ninety-six=1996"],
    );
    check("back in the nineties", "1998-01-01", &["the nineties=199"]);
}

#[test]
fn no_false_positives() {
    let p = "2023-12-31";
    for text in [
        "More than 1,000 people died.",
        "They won 6-4 in the final.",
        "A Boeing 737 landed safely.",
        "The team may win.",
        "Protesters march on the capital.",
        "April Ryan asked a question.",
        "The Masters is played in Augusta.",
        "He scored 2000 points.",
        "It costs $2,011.",
        "Prices rose 12.5%.",
        "The 6-year-old boy was found.",
        "barrels a day",
        "Room 1999 is upstairs.",
        "May I ask?",
        "They will march.",
        "Christmas Island is remote.",
        "Call 555-1234 now",
    ] {
        let found = tag(text, p);
        let dates: Vec<_> = found
            .iter()
            .filter(|(t, _)| !t.eq_ignore_ascii_case("now"))
            .collect();
        assert!(dates.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn other_languages_absolute_and_relative() {
    let p = d("2024-01-02");
    let cases = [
        (
            Language::Spanish,
            "el 31 de diciembre de 2023",
            "2023-12-31",
        ),
        (Language::French, "le 31 décembre 2023", "2023-12-31"),
        (Language::Italian, "il 31 dicembre 2023", "2023-12-31"),
        (Language::German, "am 31. Dezember 2023", "2023-12-31"),
        (
            Language::Portuguese,
            "em 31 de dezembro de 2023",
            "2023-12-31",
        ),
        (Language::Dutch, "op 31 december 2023", "2023-12-31"),
        (Language::Russian, "31 декабря 2023 года", "2023-12-31"),
        (Language::Ukrainian, "31 грудня 2023 року", "2023-12-31"),
    ];
    for (lang, text, value) in cases {
        let r = Tagger::new(lang).tag(text, p);
        assert_eq!(
            r.first().map(|t| t.value.as_str()),
            Some(value),
            "{lang:?}: {text}"
        );
    }
    let rel = [
        (Language::Spanish, "ayer", "2024-01-01"),
        (Language::French, "hier", "2024-01-01"),
        (Language::Italian, "ieri", "2024-01-01"),
        (Language::German, "gestern", "2024-01-01"),
        (Language::Portuguese, "ontem", "2024-01-01"),
        (Language::Dutch, "gisteren", "2024-01-01"),
        (Language::Spanish, "mañana", "2024-01-03"),
        (Language::German, "heute", "2024-01-02"),
        (Language::Russian, "вчера", "2024-01-01"),
        (Language::Ukrainian, "вчора", "2024-01-01"),
    ];
    for (lang, text, value) in rel {
        let r = Tagger::new(lang).tag(&format!("Es {text}."), p);
        assert_eq!(
            r.first().map(|t| t.value.as_str()),
            Some(value),
            "{lang:?}: {text}"
        );
    }
}

#[test]
fn offsets_are_chars() {
    let t = Tagger::new(Language::English);
    let text = "Café — naïve: on 3 May 2010 it fell.";
    let r = t.tag(text, d("2011-01-01"));
    assert_eq!(r[0].text, "3 May 2010");
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[r[0].start..r[0].end].iter().collect();
    assert_eq!(s, "3 May 2010");
    assert_eq!(&text[r[0].byte_start..r[0].byte_end], "3 May 2010");
}

#[test]
fn values_render_timex3_forms() {
    let p = "2011-03-18";
    assert_eq!(values("this week", p), ["2011-W11"]);
    assert_eq!(values("in 2011", p), ["2011"]);
    assert_eq!(values("in March 2011", p), ["2011-03"]);
    assert_eq!(values("every Friday", p), ["XXXX-WXX-5"]);
}

// ---------- round 2 fixes ----------

#[test]
fn this_last_next_month_with_a_day_is_a_day() {
    check(
        "In this May 26 , 2010 photo , officials watch.",
        "2010-05-27",
        &["this May 26 , 2010=2010-05-26"],
    );
    check(
        "In this July 31 file photo , a boat motors by.",
        "2011-01-24",
        &["this July 31=2010-07-31"],
    );
    check(
        "The rig exploded last April 20 .",
        "2010-12-15",
        &["last April 20=2010-04-20"],
    );
    check(
        "The rig exploded last April 20 .",
        "2010-04-10",
        &["last April 20=2009-04-20"],
    );
    check(
        "The vote is next March 3 .",
        "2010-04-10",
        &["next March 3=2011-03-03"],
    );
    // Without a day the month rule stays.
    check("It rose this May .", "2010-06-01", &["this May=2010-05"]);
}

#[test]
fn ordinal_word_days() {
    check(
        "He was set to make Fourth of July remarks .",
        "2010-07-03",
        &["Fourth of July=2010-07-04"],
    );
    check(
        "Get ready for July Fourth celebrations .",
        "2010-07-01",
        &["July Fourth=2010-07-04"],
    );
    check(
        "He was born on the first of June 2009 .",
        "2009-06-15",
        &["the first of June 2009=2009-06-01"],
    );
    // A lower-case ordinal after a month is no day: "in April first triggered".
    check(
        "since the explosion in April first triggered the woes",
        "2010-07-06",
        &["April=2010-04"],
    );
}

#[test]
fn lower_case_month_with_day_and_year() {
    check(
        "Last updated : 1 may , 2009 - 17:54 GMT",
        "2009-05-01",
        &["1 may , 2009=2009-05-01", "17:54 GMT=2009-05-01T17:54"],
    );
    // The modal stays no date.
    assert!(tag("Officials said 1 may be infected .", "2009-05-01").is_empty());
}

#[test]
fn holiday_weekend() {
    check(
        "Obama hosts a party this Memorial Day Weekend .",
        "2010-05-29",
        &["Memorial Day=2010-05-31"],
    );
}

#[test]
fn next_morning_follows_the_day_last_mentioned() {
    check(
        "The rig exploded on 20 April . Oil was seen the next morning .",
        "2010-05-01",
        &["20 April=2010-04-20", "the next morning=2010-04-21TMO"],
    );
    check(
        "It arrived on May 3 and left the following evening .",
        "2010-05-10",
        &["May 3=2010-05-03", "the following evening=2010-05-04TEV"],
    );
}

#[test]
fn bare_clock_times_take_the_day_of_their_sentence() {
    // A day after the time, close by.
    check(
        "The flow was shut off at 1425 local time (1925 GMT) on Thursday .",
        "2010-07-17",
        &["1925 GMT=2010-07-15T19:25", "Thursday=2010-07-15"],
    );
    // A day before the time.
    check(
        "It is broadcast on Tuesday , 9 November 2010 , at 2100 GMT .",
        "2010-11-08",
        &[
            "Tuesday , 9 November 2010=2010-11-09",
            "2100 GMT=2010-11-09T21:00",
        ],
    );
    // A dateline with a semicolon.
    check(
        "Thursday , January 6 , 2011 ; 12:00 AM The commission on Wednesday blamed BP .",
        "2011-01-06",
        &[
            "Thursday , January 6 , 2011=2011-01-06",
            "12:00 AM=2011-01-06T00:00",
            "Wednesday=2011-01-05",
        ],
    );
    // A day far after the time, in another clause: the reference date stays.
    check(
        "4:11 pm EDT CAMPECHE , Mexico - Alex was set to become a hurricane on Tuesday .",
        "2010-06-28",
        &["4:11 pm EDT=2010-06-28T16:11", "Tuesday=2010-06-29"],
    );
    // Another sentence's day does not count.
    check(
        "It sank on 22 April . Shares fell at 1430 GMT .",
        "2010-05-10",
        &["22 April=2010-04-22", "1430 GMT=2010-05-10T14:30"],
    );
}

#[test]
fn since_and_slated_for_set_the_tense() {
    check(
        "The hearing , slated for 3 p.m. on Thursday , will decide .",
        "2010-07-07",
        &["3 p.m. on Thursday=2010-07-08T15:00"],
    );
    check(
        "Workers missing since Tuesday would be rescued .",
        "2010-04-22",
        &["Tuesday=2010-04-20"],
    );
}

#[test]
fn tense_markers_that_are_not_tense() {
    // "next to" is a preposition, not the future.
    check(
        "People were killed in the blasts next to the embassies on Friday .",
        "1998-08-08",
        &["Friday=1998-08-07"],
    );
    // "vacation plans", "the hastily planned trip": nouns and adjectives.
    check(
        "On Friday , Albright set aside vacation plans for the hastily planned trip .",
        "1998-08-17",
        &["Friday=1998-08-14"],
    );
    // "as scheduled" is no future marker.
    check(
        "He retired from the Coast Guard , as scheduled , on June 30 .",
        "2010-10-01",
        &["June 30=2010-06-30"],
    );
    // "all plans to": a noun even before "to".
    check(
        "Until Thursday afternoon , the well defied all plans to throttle it .",
        "2010-07-18",
        &["Thursday afternoon=2010-07-15TAF"],
    );
    // The verb still counts.
    check(
        "BP plans to start drilling on Friday .",
        "2010-06-07",
        &["Friday=2010-06-11"],
    );
    // A participle after "be"/"is" is no past tense: "would be held", "is heard".
    check(
        "The summit would still be held on April 24 .",
        "1999-02-10",
        &["April 24=1999-04-24"],
    );
    check("The case is heard in May .", "2000-03-29", &["May=2000-05"]);
}

#[test]
fn reported_quarters_are_past_ones() {
    // Past tense: the fiscal first quarter just ended, not the coming one.
    check(
        "Delta earnings soared 33% in the fiscal first quarter .",
        "1989-10-26",
        &["first quarter=1989-Q1"],
    );
    // A coming quarter mentioned first does not become "the latest quarter".
    check(
        "It expects a fourth-quarter charge . Earnings fell in the latest quarter .",
        "1989-11-02",
        &["fourth-quarter=1989-Q4", "the latest quarter=1989-Q3"],
    );
}

#[test]
fn unmarked_dates_lean_to_the_past() {
    // Seven months back beats five ahead when nothing marks the tense.
    check(
        "The April 20 explosion aboard the rig set off the spill .",
        "2010-11-17",
        &["April 20=2010-04-20"],
    );
    // A date naming an unforeseeable event is past, whatever the clause's tense.
    check(
        "Dudley says the company will step back while investigating the April 20 explosion .",
        "2010-08-04",
        &["April 20=2010-04-20"],
    );
    // A scheduled one follows the tense.
    check(
        "The company will meet before the Nov. 30 deadline .",
        "2010-08-04",
        &["Nov. 30=2010-11-30"],
    );
    // "since the April 20 explosion" points back even in a future clause.
    check(
        "It hopes to stop the flow for the first time since the April 20 explosion .",
        "2010-08-04",
        &["April 20=2010-04-20"],
    );
    // "the next afternoon" is no future marker.
    check(
        "Cocales learned the next afternoon , April 16 , that engineers had decided .",
        "2010-09-09",
        &["the next afternoon=2010-04-16", "April 16=2010-04-16"],
    );
}

#[test]
fn range_ends_follow_their_start() {
    check(
        "The hurricane season runs from 1 June to 30 November .",
        "2010-06-30",
        &["1 June=2010-06-01", "30 November=2010-11-30"],
    );
}

#[test]
fn september_11_attacks() {
    check(
        "He headed a fund for victims of the September 11 attacks .",
        "2010-07-01",
        &["September 11=2001-09-11"],
    );
    check(
        "The vote is due on September 11 .",
        "2010-07-01",
        &["September 11=2010-09-11"],
    );
}

#[test]
fn weekday_picks_the_year_of_a_date_without_one() {
    // Jan. 8 is a Friday in 2010, a Saturday in 2011.
    check(
        "The concert is on Friday , Jan. 8 .",
        "2010-12-20",
        &["Friday , Jan. 8=2010-01-08"],
    );
    // No neighbouring year fits: the nearest date stays.
    check(
        "Fans gathered through Sunday , Nov. 3 .",
        "2010-07-06",
        &["Sunday , Nov. 3=2009-11-03"],
    );
}

#[test]
fn since_phrases_and_reported_clauses() {
    // "since the blast ... Tuesday night": past, whatever follows.
    check(
        "Hopes that the workers missing since the blast about 10 p.m. CDT Tuesday night would be rescued .",
        "2010-04-22",
        &[
            "10 p.m. CDT=2010-04-20T22:00",
            "Tuesday night=2010-04-20TNI",
        ],
    );
    // "since then" heads no date.
    check(
        "He will stay there for the first time since then and return on Tuesday .",
        "2010-06-13",
        &["Tuesday=2010-06-15"],
    );
    // "on Wednesday that it would take": the clause after "that" has its own tense.
    check(
        "BP said on Wednesday that it would take 24 hours to know .",
        "2010-05-27",
        &["Wednesday=2010-05-26", "24 hours=PT24H"],
    );
}

#[test]
fn parts_of_named_days() {
    // "the morning of 20 April" is that day (TimeML tags the date), not this morning.
    check(
        "Investigations into what went wrong that fateful early morning of 20 April continue .",
        "2010-07-24",
        &["20 April=2010-04-20"],
    );
    check(
        "On the evening of April 20 the casing failed .",
        "2010-05-11",
        &["April 20=2010-04-20"],
    );
    // A bare part of day takes the day word right after it.
    check(
        "Shares fell by mid-afternoon yesterday .",
        "1989-11-02",
        &["mid-afternoon yesterday=1989-11-01TAF"],
    );
}

/// (text, value) pairs of a text in another language.
fn tag_in(lang: Language, text: &str, pub_date: &str) -> Vec<String> {
    Tagger::new(lang)
        .tag(text, d(pub_date))
        .into_iter()
        .map(|t| format!("{}={}", t.text, t.value))
        .collect()
}

// Published on Wednesday 2024-01-10 in all of the tests below.
const WED: &str = "2024-01-10";

#[test]
fn spanish_relative() {
    let es = |t: &str| tag_in(Language::Spanish, t, WED);
    assert_eq!(es("Llegó hace dos días."), ["hace dos días=2024-01-08"]);
    assert_eq!(es("Hace un año que no llueve."), ["Hace un año=2023"]);
    assert_eq!(es("Hace 3 semanas."), ["Hace 3 semanas=2023-W51"]);
    assert_eq!(
        es("Lo anunció la semana pasada."),
        ["semana pasada=2024-W01"]
    );
    assert_eq!(es("el año pasado"), ["año pasado=2023"]);
    assert_eq!(es("el mes próximo"), ["mes próximo=2024-02"]);
    assert_eq!(es("la próxima semana"), ["próxima semana=2024-W03"]);
    assert_eq!(es("la semana que viene"), ["semana que viene=2024-W03"]);
    assert_eq!(es("este año"), ["este año=2024"]);
    assert_eq!(es("el lunes pasado"), ["lunes pasado=2024-01-08"]);
    assert_eq!(es("el próximo lunes"), ["próximo lunes=2024-01-15"]);
    assert_eq!(es("en marzo pasado"), ["marzo pasado=2023-03"]);
    assert_eq!(es("anteayer"), ["anteayer=2024-01-08"]);
    assert_eq!(es("pasado mañana"), ["pasado mañana=2024-01-12"]);
}

#[test]
fn spanish_morning_is_not_tomorrow() {
    let es = |t: &str| tag_in(Language::Spanish, t, WED);
    assert_eq!(es("Esta mañana llovió."), ["Esta mañana=2024-01-10TMO"]);
    assert!(es("Llegó por la mañana.").is_empty());
    assert_eq!(es("Mañana llegará."), ["Mañana=2024-01-11"]);
}

#[test]
fn weekdays_by_tense_in_other_languages() {
    let cases = [
        // Past or unmarked: the last such day; future verbs: the next.
        (
            Language::Spanish,
            "El lunes anunció su dimisión.",
            "lunes=2024-01-08",
        ),
        (
            Language::Spanish,
            "El lunes se reunirá con el rey.",
            "lunes=2024-01-15",
        ),
        (
            Language::French,
            "Lundi, il se rendra à Paris.",
            "Lundi=2024-01-15",
        ),
        (
            Language::French,
            "Lundi, le ministre a parlé.",
            "Lundi=2024-01-08",
        ),
        (
            Language::Italian,
            "Lunedì incontrerà il ministro.",
            "Lunedì=2024-01-15",
        ),
        (
            Language::Italian,
            "Lunedì ha detto di no.",
            "Lunedì=2024-01-08",
        ),
        (
            Language::German,
            "Am Montag wird er reisen.",
            "Montag=2024-01-15",
        ),
        (
            Language::German,
            "Am Montag hat er gesagt, dass",
            "Montag=2024-01-08",
        ),
        (
            Language::Portuguese,
            "Na sexta-feira ele viajará.",
            "sexta-feira=2024-01-12",
        ),
        (
            Language::Portuguese,
            "Na segunda-feira ele disse.",
            "segunda-feira=2024-01-08",
        ),
        (
            Language::Dutch,
            "Op maandag zal hij komen.",
            "maandag=2024-01-15",
        ),
        (
            Language::Dutch,
            "Op maandag heeft hij gezegd.",
            "maandag=2024-01-08",
        ),
    ];
    for (lang, text, expected) in cases {
        assert_eq!(tag_in(lang, text, WED), [expected], "{lang:?}: {text}");
    }
    // Portuguese ordinals without "-feira" are no weekdays.
    assert!(tag_in(Language::Portuguese, "pela segunda vez", WED).is_empty());
}

#[test]
fn french_relative() {
    let fr = |t: &str| tag_in(Language::French, t, WED);
    assert_eq!(fr("Il y a deux jours."), ["Il y a deux jours=2024-01-08"]);
    assert_eq!(fr("il y a un an"), ["il y a un an=2023"]);
    assert_eq!(fr("Il a deux ans."), ["deux ans=P2Y"]);
    assert_eq!(fr("la semaine dernière"), ["semaine dernière=2024-W01"]);
    assert_eq!(fr("l'an dernier"), ["an dernier=2023"]);
    assert_eq!(fr("l'année prochaine"), ["année prochaine=2025"]);
    assert_eq!(fr("le mois prochain"), ["mois prochain=2024-02"]);
    assert_eq!(fr("cette semaine"), ["cette semaine=2024-W02"]);
    assert_eq!(fr("lundi dernier"), ["lundi dernier=2024-01-08"]);
    assert_eq!(fr("lundi prochain"), ["lundi prochain=2024-01-15"]);
    assert_eq!(fr("en mars dernier"), ["mars dernier=2023-03"]);
    assert_eq!(fr("avant-hier"), ["avant-hier=2024-01-08"]);
    assert_eq!(fr("après-demain"), ["après-demain=2024-01-12"]);
    assert!(fr("avant la réunion").is_empty());
}

#[test]
fn italian_relative() {
    let it = |t: &str| tag_in(Language::Italian, t, WED);
    assert_eq!(it("due giorni fa"), ["due giorni fa=2024-01-08"]);
    assert_eq!(it("un anno fa"), ["un anno fa=2023"]);
    assert_eq!(it("la settimana scorsa"), ["settimana scorsa=2024-W01"]);
    assert_eq!(it("la scorsa settimana"), ["scorsa settimana=2024-W01"]);
    assert_eq!(it("l'anno prossimo"), ["anno prossimo=2025"]);
    assert_eq!(it("questa settimana"), ["questa settimana=2024-W02"]);
    assert_eq!(it("lunedì scorso"), ["lunedì scorso=2024-01-08"]);
    assert_eq!(it("dopodomani"), ["dopodomani=2024-01-12"]);
}

#[test]
fn german_relative() {
    let de = |t: &str| tag_in(Language::German, t, WED);
    assert_eq!(de("vor zwei Tagen"), ["vor zwei Tagen=2024-01-08"]);
    assert_eq!(de("vor einem Jahr"), ["vor einem Jahr=2023"]);
    assert_eq!(de("vor drei Wochen"), ["vor drei Wochen=2023-W51"]);
    assert_eq!(de("letzte Woche"), ["letzte Woche=2024-W01"]);
    assert_eq!(de("im vergangenen Jahr"), ["vergangenen Jahr=2023"]);
    assert_eq!(de("nächstes Jahr"), ["nächstes Jahr=2025"]);
    assert_eq!(de("diese Woche"), ["diese Woche=2024-W02"]);
    assert_eq!(de("nächsten Montag"), ["nächsten Montag=2024-01-15"]);
    assert_eq!(de("letzten Montag"), ["letzten Montag=2024-01-08"]);
    assert_eq!(de("vorgestern"), ["vorgestern=2024-01-08"]);
    assert_eq!(de("übermorgen"), ["übermorgen=2024-01-12"]);
    // "Morgen" as a noun is the morning, "morgen" tomorrow.
    assert_eq!(de("Es war heute Morgen."), ["heute=2024-01-10"]);
    assert_eq!(de("Er kommt morgen."), ["morgen=2024-01-11"]);
    assert!(de("vor dem Haus").is_empty());
}

#[test]
fn portuguese_relative() {
    let pt = |t: &str| tag_in(Language::Portuguese, t, WED);
    assert_eq!(pt("há dois dias"), ["há dois dias=2024-01-08"]);
    assert_eq!(pt("dois anos atrás"), ["dois anos atrás=2022"]);
    assert_eq!(pt("a semana passada"), ["semana passada=2024-W01"]);
    assert_eq!(pt("o ano passado"), ["ano passado=2023"]);
    assert_eq!(pt("o próximo ano"), ["próximo ano=2025"]);
    assert_eq!(pt("a semana que vem"), ["semana que vem=2024-W03"]);
    assert_eq!(
        pt("nesta segunda-feira"),
        ["nesta segunda-feira=2024-01-08"]
    );
    assert_eq!(pt("anteontem"), ["anteontem=2024-01-08"]);
}

#[test]
fn dutch_relative() {
    let nl = |t: &str| tag_in(Language::Dutch, t, WED);
    assert_eq!(nl("twee dagen geleden"), ["twee dagen geleden=2024-01-08"]);
    assert_eq!(nl("een jaar geleden"), ["een jaar geleden=2023"]);
    assert_eq!(nl("vorige week"), ["vorige week=2024-W01"]);
    assert_eq!(nl("vorig jaar"), ["vorig jaar=2023"]);
    assert_eq!(nl("volgend jaar"), ["volgend jaar=2025"]);
    assert_eq!(nl("dit jaar"), ["dit jaar=2024"]);
    assert_eq!(nl("afgelopen maandag"), ["afgelopen maandag=2024-01-08"]);
    assert_eq!(nl("eergisteren"), ["eergisteren=2024-01-08"]);
    assert_eq!(nl("overmorgen"), ["overmorgen=2024-01-12"]);
}

#[test]
fn past_perfect_plans_are_past() {
    // "had planned to", "had been scheduled/due to": the auxiliary gives the tense.
    check(
        "Crews had planned to spend Wednesday reinforcing the tunnel.",
        "2010-07-22",
        &["Wednesday=2010-07-21"],
    );
    check(
        "The oil giant had been scheduled to start shutting off valves Tuesday.",
        "2010-07-14",
        &["Tuesday=2010-07-13"],
    );
    check(
        "Eton College had been due to re-open on Sunday.",
        "2009-05-28",
        &["Sunday=2009-05-24"],
    );
    // But "was expected to" reports what is to come.
    check(
        "Forecasters said Alex was expected to become a hurricane on Tuesday.",
        "2010-06-28",
        &["Tuesday=2010-06-29"],
    );
}

#[test]
fn closing_attribution_does_not_date_the_report() {
    check(
        "Obama will visit Florida during a two-day trip beginning on Monday, the White House said.",
        "2010-06-08",
        &["two-day=P2D", "Monday=2010-06-14"],
    );
    check(
        "Oil could reach the bay by late on Wednesday, NOAA said.",
        "2010-05-10",
        &["Wednesday=2010-05-12"],
    );
    // An attribution that opens the sentence still governs.
    check(
        "Officials said on Friday that the spill will grow.",
        "2010-05-10",
        &["Friday=2010-05-07"],
    );
}

#[test]
fn fronted_date_takes_the_main_verb() {
    check(
        "On Wednesday, Hayward and the BP chairman, Carl-Henric Svanberg, will meet the president.",
        "2010-06-13",
        &["Wednesday=2010-06-16"],
    );
    // Not across "that": the reported clause has its own tense.
    check(
        "BP's announcement on Wednesday that it will pay $20 billion may sound like a win.",
        "2010-06-17",
        &["Wednesday=2010-06-16"],
    );
}

#[test]
fn wont_is_future() {
    for text in [
        "A relief well won't be ready until August.",
        "A relief well wo n't be ready until August .",
    ] {
        check(text, "2010-05-29", &["August=2010-08"]);
    }
}

#[test]
fn present_passive_plans_are_future() {
    // "is expected/due/scheduled": what is to come; also past an adverb ("will be
    // formally installed").
    let p = "2013-03-21"; // a Thursday
    check("The vote is expected on Friday.", p, &["Friday=2013-03-22"]);
    check(
        "Test results are due Monday, he said.",
        p,
        &["Monday=2013-03-25"],
    );
    check(
        "The new pontiff will be formally installed on Tuesday.",
        p,
        &["Tuesday=2013-03-26"],
    );
    // A second reported clause does not date the first.
    check(
        "BP said it collected 6,077 barrels on Friday, and that improvement is expected.",
        "2010-06-05",
        &["Friday=2010-06-04"],
    );
}

// Round 4: errors of ours found by adjudicating disagreements with HeidelTime
// (tests/adjudicated.tsv) and in the TempEval value errors.

#[test]
fn current_before_a_date_is_no_present_ref() {
    check(
        "The ban could be lifted ahead of the current November 30 deadline.",
        "2010-08-03",
        &["November 30=2010-11-30"],
    );
    check(
        "Holders may buy shares at 50% of the then current market price.",
        "1989-10-26",
        &["then current=PAST_REF"],
    );
    check("The current account deficit widened.", "1989-10-26", &[]);
}

#[test]
fn bare_clock_time_after_a_full_date() {
    check(
        "NEW YORK | Thu Sep 30 , 2010 7:09",
        "2010-09-30",
        &["Sep 30 , 2010=2010-09-30", "7:09=2010-09-30T07:09"],
    );
    // Not a bare ratio or a score elsewhere.
    check("The vote was 7:2 in favour.", "2010-09-30", &[]);
    check(
        "They won 3:1 on Sunday.",
        "2010-09-30",
        &["Sunday=2010-09-26"],
    );
}

#[test]
fn relative_that_is_no_determiner_of_a_participle() {
    // "the spill that lasted": a past verb, nearer than "will forfeit".
    check(
        "They will forfeit their right to sue over the spill that lasted 100 days after an explosion on the rig on April 22.",
        "2010-11-21",
        &["100 days=P100D", "April 22=2010-04-22"],
    );
    // "a still unspecified date": an adjective, no past tense.
    check(
        "The split would be paid on a still unspecified date in January.",
        "1989-10-26",
        &["January=1990-01"],
    );
}

#[test]
fn supposed_to_is_future() {
    check(
        "His appointment was only supposed to take effect in August.",
        "2010-06-23",
        &["August=2010-08"],
    );
}

#[test]
fn negated_could_is_past() {
    check(
        "Cocales could not be reached to comment Monday.",
        "2010-06-15",
        &["Monday=2010-06-14"],
    );
    check(
        "On Sunday, some brown pelicans could n't fly away.",
        "2010-05-24",
        &["Sunday=2010-05-23"],
    );
    // Still future: a possibility, and "could n't help but".
    check(
        "It could be in place by Thursday.",
        "2010-05-12",
        &["Thursday=2010-05-13"],
    );
    check(
        "Even before the commission holds its first meeting Monday, Reilly could n't help but point out something.",
        "2010-07-11",
        &["Monday=2010-07-12"],
    );
}

#[test]
fn until_a_date_that_runs_on_from_now_is_future() {
    check(
        "The INS has given the relatives until 9 a.m. Tuesday to sign a paper.",
        "2000-04-03",
        &["9 a.m. Tuesday=2000-04-04T09:00"],
    );
    check(
        "Agencies have until June to figure it out.",
        "2010-11-15",
        &["June=2011-06"],
    );
    check(
        "The latest extension lasts until Tuesday afternoon.",
        "2010-07-19",
        &["Tuesday afternoon=2010-07-20TAF"],
    );
    check(
        "Salazar has halted deepwater drilling until Nov. 30.",
        "2010-08-14",
        &["Nov. 30=2010-11-30"],
    );
    // A past clause keeps its past: "remained closed until Monday".
    check(
        "The port remained closed until Monday.",
        "2010-07-21",
        &["Monday=2010-07-19"],
    );
}

#[test]
fn idioms_are_no_dates() {
    check(
        "It does n't happen overnight, Capps says.",
        "2010-07-29",
        &[],
    );
    check(
        "At the end of the day, people matter, not maps.",
        "2009-06-15",
        &[],
    );
    check(
        "At the end of the day, dozens lined up to demand payment.",
        "2010-06-12",
        &["the end of the day=2010-06-12"],
    );
    check(
        "Mitsui said overnight that it has received a bill.",
        "2010-08-03",
        &["overnight=2010-08-03TNI"],
    );
}

#[test]
fn the_past_year_is_the_year_before() {
    check(
        "There has been a dramatic rise in hate groups over the past year.",
        "1998-03-03",
        &["the past year=1997"],
    );
    check(
        "Warnings over the past decade were ignored.",
        "2010-06-08",
        &["the past decade=P10Y"],
    );
    check(
        "Costs rose over the past three years.",
        "2010-06-08",
        &["the past three years=P3Y"],
    );
}

#[test]
fn neither_could_is_past() {
    check(
        "Neither he nor Elian's four grandparents could be located Wednesday in their hometown.",
        "2000-01-06",
        &["Wednesday=2000-01-05"],
    );
}

#[test]
fn effective_date_is_to_come() {
    check(
        "BP replaced Hayward with Bob Dudley, effective October 1.",
        "2010-09-19",
        &["October 1=2010-10-01"],
    );
    check(
        "U.S. Trust also created an office of the chairman, effective Feb. 1.",
        "1989-10-26",
        &["Feb. 1=1990-02-01"],
    );
    // A change already in force stays in the past when that date is near.
    check(
        "Dudley took over, effective October 1.",
        "2010-11-02",
        &["October 1=2010-10-01"],
    );
}

#[test]
fn clock_time_on_a_bare_day_number() {
    // A comment time stamp cut before its month: "At 11:23 am on 03 | Jun 2009".
    check(
        "At 11:23 am on 03",
        "2009-06-02",
        &["11:23 am on 03=2009-06-03T11:23"],
    );
    check(
        "At 11:23 am on 30",
        "2009-06-02",
        &["11:23 am on 30=2009-05-30T11:23"],
    );
    // Not a number that goes on: "at 9 a.m. on 3 June" is the date rule's.
    check(
        "at 9 a.m. on 3 June",
        "2009-06-02",
        &["9 a.m. on 3 June=2009-06-03T09:00"],
    );
}

#[test]
fn would_after_if_is_no_future() {
    check(
        "If it collected the same amount the rest of the day, the total for Monday would be more than 15,000 barrels.",
        "2010-06-08",
        &["Monday=2010-06-07"],
    );
    check(
        "If you watched the news on Friday you would have seen me.",
        "2009-06-01",
        &["Friday=2009-05-29"],
    );
    // Without "if", "would" still looks ahead ("would be made closer to 27 July").
    check(
        "A decision would be made on Friday.",
        "2010-06-08",
        &["Friday=2010-06-11"],
    );
}

// ---------- document context ----------

/// "text=value" of every expression of each sentence, tagged as one document.
fn doc(sentences: &[&str], pub_date: &str) -> Vec<Vec<String>> {
    Tagger::new(Language::English)
        .tag_document(sentences.iter().copied(), d(pub_date))
        .into_iter()
        .map(|ts| {
            ts.into_iter()
                .map(|t| format!("{}={}", t.text, t.value))
                .collect()
        })
        .collect()
}

#[test]
fn anaphora_resolve_against_an_earlier_sentence() {
    let p = "2010-08-25";
    let got = doc(
        &[
            "Gagliano testified that he told BP engineers on April 15 that it would fail.",
            "Three days later, he wrote that the well had a severe gas flow problem.",
            "The next day, nobody answered.",
            "A week later the rig was drilling again.",
        ],
        p,
    );
    assert_eq!(got[1], ["Three days later=2010-04-18"]);
    // Anaphora chain: "the next day" counts from the day "three days later" named.
    assert_eq!(got[2], ["The next day=2010-04-19"]);
    assert_eq!(got[3], ["A week later=2010-04-26"]);
    let got = doc(
        &[
            "On Thursday, Hayward told lawmakers he was out of the loop.",
            "The same day, the White House met.",
            "Earlier that day, protests began.",
            "The following morning the board met.",
        ],
        "2010-06-19",
    );
    assert_eq!(got[1], ["The same day=2010-06-17"]);
    assert_eq!(got[2], ["Earlier that day=2010-06-17"]);
    assert_eq!(got[3], ["The following morning=2010-06-18TMO"]);
    // Alone, a past event counted forward has nothing to count from: the publication
    // date would put it in the future. A plan counts from the publication date.
    check(
        "Three days later, he wrote again.",
        p,
        &["Three days later=XXXX-XX-XX"],
    );
    check(
        "Three days later, he will write again.",
        p,
        &["Three days later=2010-08-28"],
    );
    check(
        "A year earlier, profits were higher.",
        p,
        &["A year earlier=2009"],
    );
}

#[test]
fn anaphora_without_an_antecedent_stay_unresolved() {
    let p = "2010-05-05";
    check(
        "It sank two days later, and oil started pouring into the Gulf.",
        p,
        &["two days later=XXXX-XX-XX"],
    );
    check(
        "A month later, he got three replies.",
        p,
        &["A month later=XXXX-XX"],
    );
    check(
        "One Year Later, the images still shock.",
        p,
        &["One Year Later=XXXX"],
    );
    check(
        "Obama says the following day that the money was wasted.",
        p,
        &["the following day=XXXX-XX-XX"],
    );
    check(
        "The next morning, the rig sank.",
        p,
        &["The next morning=XXXX-XX-XX"],
    );
    // Unresolved values date nothing.
    let t = Tagger::new(Language::English).tag("It sank two days later.", d(p));
    assert_eq!(t[0].granularity, Granularity::Day);
    assert_eq!(t[0].day, None);
    // A day set beside it in apposition is its day.
    check(
        "Five days later, on April 20, the well blew out.",
        "2010-09-09",
        &["Five days later=2010-04-20", "April 20=2010-04-20"],
    );
    // A day the sentence names as an event is the antecedent later in that sentence.
    check(
        "Oil has leaked since the April 20 explosion on the rig, which sank two days later.",
        "2010-05-27",
        &["April 20=2010-04-20", "two days later=2010-04-22"],
    );
    // Looking ahead, the publication date is the antecedent.
    check(
        "The next day, the president will meet BP.",
        p,
        &["The next day=2010-05-06"],
    );
}

#[test]
fn deictic_expressions_stay_with_the_publication_date() {
    // An earlier absolute date does not move "yesterday", "today", "last week", weekdays
    // or bare months: they are relative to the publication date in news.
    let got = doc(
        &[
            "The rig exploded on April 20.",
            "BP said yesterday it would pay.",
            "Today the well is capped.",
            "Last week shares fell, and on Friday they rose.",
            "In March the permit was granted.",
        ],
        "2010-08-25",
    );
    assert_eq!(got[1], ["yesterday=2010-08-24"]);
    assert_eq!(got[2], ["Today=2010-08-25"]);
    assert_eq!(got[3], ["Last week=2010-W33", "Friday=2010-08-20"]);
    assert_eq!(got[4], ["March=2010-03"]);
}

#[test]
fn what_does_not_anchor_the_next_sentence() {
    let p = "2010-06-01";
    // A date naming an event ("the April 20 explosion") is no narrative time.
    let got = doc(
        &[
            "Markets have fallen since the April 20 explosion.",
            "On Monday shares rose.",
            "The next day they fell.",
        ],
        p,
    );
    assert_eq!(got[2], ["The next day=2010-06-01"]);
    let got = doc(
        &[
            "The April 20 explosion killed 11 workers.",
            "Two days later, a hearing opened.",
        ],
        p,
    );
    assert_eq!(got[1], ["Two days later=XXXX-XX-XX"]);
    // Nor one of two alternatives ("in the next day or two").
    let got = doc(
        &[
            "On May 5, he said a decision would come in the next day or two.",
            "Two weeks later, the offers were refused.",
        ],
        p,
    );
    assert_eq!(got[1], ["Two weeks later=2010-05-19"]);
    // A plan still to come does not date what a later sentence reports as done.
    let got = doc(
        &[
            "BP said on Friday the top kill would be delayed until Tuesday.",
            "The delay was announced on the same day the flow estimate rose.",
        ],
        "2010-05-21",
    );
    assert_eq!(got[1], ["the same day=2010-05-21"]);
    // After many sentences without a date the narrative has moved on.
    let mut long = vec!["BP has lost 44bn since 20 April."];
    long.extend(std::iter::repeat_n("Claims keep coming.", 20));
    long.push("Prices jumped from the previous day.");
    let got = doc(&long, p);
    assert_eq!(got[21], ["the previous day=2010-05-31"]);
    // A new publication date starts a new document.
    let t = Tagger::new(Language::English);
    let mut cx = crate::DocContext::new();
    t.tag_in_context("It sank on April 22.", d(p), &mut cx);
    let got = t.tag_in_context("Two days later it burned.", d("2010-06-05"), &mut cx);
    assert_eq!(got[0].value, "XXXX-XX-XX");
}

#[test]
fn clock_times_take_the_day_of_the_sentence_before() {
    let got = doc(
        &[
            "By 1 a.m., on April 20, the cement job was completed.",
            "He wrote in an e-mail at 5:44 a.m. that it went well.",
            "Yet at the 11 a.m. meeting, the rig leader was unhappy.",
        ],
        "2010-09-09",
    );
    assert_eq!(got[1], ["5:44 a.m.=2010-04-20T05:44"]);
    // Chained: the previous sentence's clock time had its day.
    assert_eq!(got[2], ["11 a.m.=2010-04-20T11:00"]);
    // Only the sentence right before: further back, the publication day.
    let got = doc(
        &[
            "The rig exploded on April 20.",
            "Nobody knew why.",
            "Shares rose after the report was published at 1100 GMT.",
        ],
        "2010-09-08",
    );
    assert_eq!(got[2], ["1100 GMT=2010-09-08T11:00"]);
    // A sentence that names only a day sets no time of day to go on with.
    let got = doc(
        &["It sank on 22 April.", "Shares fell at 1430 GMT."],
        "2010-05-10",
    );
    assert_eq!(got[1], ["1430 GMT=2010-05-10T14:30"]);
    // A day still to come does not date a past clock time, but does a future one.
    let got = doc(
        &[
            "BP will seal the well on Saturday at 9 a.m.",
            "Cement began flowing at 1:30 p.m. CDT.",
        ],
        "2010-09-16",
    );
    assert_eq!(got[1], ["1:30 p.m. CDT=2010-09-16T13:30"]);
    let got = doc(
        &[
            "The launch is set for May 11 at 1 p.m.",
            "Liftoff is set for 2:01 p.m. EDT.",
        ],
        "2009-04-30",
    );
    assert_eq!(got[1], ["2:01 p.m. EDT=2009-05-11T14:01"]);
}

#[test]
fn dates_cut_by_the_sentence_splitter_are_joined() {
    let p = "2009-06-02";
    let got = doc(
        &["At 03:06 am on 03", "Jun 2009 , gelaige wrote : hello"],
        p,
    );
    assert_eq!(got[1], ["Jun 2009=2009-06-03"]);
    let got = doc(
        &[
            "Efforts resume after storm passes Sunday 25",
            "July 2010 16.05 BST Churning waters may help.",
        ],
        "2010-07-25",
    );
    assert_eq!(got[1][0], "July 2010=2010-07-25");
    let got = doc(
        &["July", "19 - BP says it has spent $ 3.95 billion ."],
        "2010-07-23",
    );
    assert_eq!(got[1], ["19=2010-07-19"]);
    // Not after a sentence that ends properly, nor with a number that is a count.
    let got = doc(&["It began in July.", "19 people died ."], "2010-07-23");
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["July", "19 percent fell ."], "2010-07-23");
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["He spoke on 3.", "June 2009 was hot."], p);
    assert_eq!(got[1], ["June 2009=2009-06"]);
}

#[test]
fn time_stamps_cut_by_the_sentence_splitter_are_joined() {
    // A month and day, then the year opening the next sentence ("Thu Apr 29 ," | "2010
    // 3:08 pm EDT"): the year completes the day, and the clock time after it is on it.
    let got = doc(
        &[
            "PASS CHRISTIAN | Thu Apr 29 ,",
            "2010 3:08 pm EDT PASS CHRISTIAN",
        ],
        "2010-04-29",
    );
    assert_eq!(got[1], ["2010=2010-04-29", "3:08 pm EDT=2010-04-29T15:08"]);
    let got = doc(
        &[
            "In this April 27 ,",
            "2010 file photo , a sign is seen in London .",
        ],
        "2010-05-15",
    );
    assert_eq!(got[1], ["2010=2010-04-27"]);
    // A full date, then a clock time "H:MM" alone, then "pm" (Reuters stamps).
    let got = doc(
        &[
            "NEW YORK | Fri May 7 , 2010",
            "1:59",
            "pm EDT NEW YORK May 7",
        ],
        "2010-05-07",
    );
    assert_eq!(got[1], ["1:59=2010-05-07T01:59"]);
    assert_eq!(got[2], ["pm EDT=2010-05-07T13:59", "May 7=2010-05-07"]);
    // A clock time after a full date in the same sentence, "pm" in the next.
    let got = doc(
        &["LONDON | Wed Sep 15 , 2010 2:53", "pm EDT LONDON"],
        "2010-09-15",
    );
    assert_eq!(got[1], ["pm EDT=2010-09-15T14:53"]);
    let got = doc(
        &[
            "June 28 , 2010 - 6:39",
            "AM | by : Jonathan Serrie Gulf states ...",
        ],
        "2010-06-28",
    );
    assert_eq!(
        got[0],
        ["June 28 , 2010=2010-06-28", "6:39=2010-06-28T06:39"]
    );
    assert_eq!(got[1], ["AM=2010-06-28T06:39"]);
    // "at 3:25" | "p.m. Eastern time Thursday": the day that follows.
    let got = doc(
        &[
            "The well may be back , but at 3:25",
            "p.m. Eastern time Thursday it ceased to spew oil .",
        ],
        "2010-07-16",
    );
    assert_eq!(got[1], ["p.m.=2010-07-15T15:25", "Thursday=2010-07-15"]);
    // A live blog's bare hour cut from its "pm :".
    let got = doc(
        &["Photograph : Liz Condo/AP 2", "pm : Here we go ."],
        "2010-05-26",
    );
    assert_eq!(got[1], ["pm=2010-05-26T14:00"]);
    let got = doc(
        &["Excuse me while I go and short BP shares .", "1", "pm :"],
        "2010-05-11",
    );
    assert_eq!(got[2], ["pm=2010-05-11T13:00"]);
    // Midnight written "00": "At 00:36 am on 29 May 2009".
    check(
        "At 00:36 am on 29 May 2009 , cynic555 wrote :",
        "2009-05-28",
        &["00:36 am on 29 May 2009=2009-05-29T00:36"],
    );
}

#[test]
fn cut_time_stamps_do_not_join_what_is_no_date() {
    let p = "2010-05-07";
    // A count or a score after a full date is no time; a year needs a month and day.
    let got = doc(&["It happened on May 7 , 2010", "1,000 people left ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(
        &["It happened on May 7 , 2010", "6-4 win for the home side ."],
        p,
    );
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["It happened on May 7 , 2010", "6 4 was the score ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["They met in May ,", "2010 was a hard year ."], p);
    assert_eq!(got[1], ["2010=2010"]);
    let got = doc(&["They met on May 7 ,", "2010 people came ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["He flew a Boeing 737", "1000 feet up ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    // "pm" or "AM" after no clock time, or a bare hour without a heading's colon.
    let got = doc(&["The score was 6-4", "pm : what next ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["He scored 3", "AM radio stations carried it ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["April Ryan asked 2", "am I right ?"], p);
    assert!(got[1].is_empty(), "{got:?}");
    let got = doc(&["Prices may march on", "pm : nothing ."], p);
    assert!(got[1].is_empty(), "{got:?}");
    // "00 pm" is no time.
    check("At 00:36 pm , he wrote :", p, &[]);
}

#[test]
fn chinese_japanese_and_korean_dates_in_any_language() {
    // The unit characters are the same whatever language the article was read as.
    let p = "2011-03-20";
    check(
        "联合国安理会于2011年3月17日通过了决议。",
        p,
        &["2011年3月17日=2011-03-17"],
    );
    check(
        "安理会 于 2011 年 3 月 17 日 通过 了 决议 。",
        p,
        &["2011 年 3 月 17 日=2011-03-17"],
    );
    check("抗议活动始于2月15日。", p, &["2月15日=2011-02-15"]);
    check("第1973号决议于3月17号通过。", p, &["3月17号=2011-03-17"]);
    check("北约于2011年3月接管指挥权。", p, &["2011年3月=2011-03"]);
    check("自2010年以来", p, &["2010年=2010"]);
    check(
        "国連安全保障理事会は2011年3月17日、決議を採択した。",
        p,
        &["2011年3月17日=2011-03-17"],
    );
    check(
        "안보리는 2011년 3월 17일 결의를 채택했다.",
        p,
        &["2011년 3월 17일=2011-03-17"],
    );
    check("공습은 3월 19일에 시작됐다.", p, &["3월 19일에=2011-03-19"]);
    // Full-width digits, as Japanese text often writes them.
    check(
        "安保理は２０１１年３月１７日に決議を採択した。",
        p,
        &["２０１１年３月１７日=2011-03-17"],
    );
    // A count of units or an impossible date is no date.
    assert!(values("第1973号决议。", p).is_empty());
    assert!(values("3个月以来，13月40日。", p).is_empty());
    // "일본" (Japan) is no day; a month alone is the month.
    check("일본은 3월에", p, &["3월에=2011-03"]);
    // "월요일" is Monday, not a month.
    check("3 월요일", p, &["월요일=2011-03-14"]);
}

/// Chinese, Japanese and Korean news name the days near publication by the day's
/// number alone ("17日", "지난 15일"), by relative words ("昨天", "昨日", "어제") and by
/// weekdays ("上周三", "先週金曜日", "지난주 수요일"). Published on Friday 2011-03-18.
#[test]
fn chinese_japanese_and_korean_relative_days() {
    let p = "2011-03-18";
    check(
        "新华社北京3月17日电 17日，日本政府宣布了新的措施。",
        p,
        &["3月17日=2011-03-17", "17日=2011-03-17"],
    );
    // The day of the month nearest publication: a later number is last month's.
    check("28日，议会通过了预算。", p, &["28日=2011-02-28"]);
    check("21日将举行会议。", p, &["21日=2011-03-21"]);
    check("本月11日发生的地震", p, &["本月11日=2011-03-11"]);
    check("上个月28日", p, &["上个月28日=2011-02-28"]);
    check("下月5日将举行选举。", p, &["下月5日=2011-04-05"]);
    check("昨天，东京电力公司表示", p, &["昨天=2011-03-17"]);
    check(
        "今天 明天 前天 后天",
        p,
        &[
            "今天=2011-03-18",
            "明天=2011-03-19",
            "前天=2011-03-16",
            "后天=2011-03-20",
        ],
    );
    check(
        "3天前 三天前 两天前",
        p,
        &["3天前=2011-03-15", "三天前=2011-03-15", "两天前=2011-03-16"],
    );
    // A weekday is the last one, unless its clause speaks of the future.
    check("周一，首相访问了灾区。", p, &["周一=2011-03-14"]);
    check("首相将于周五访问灾区。", p, &["周五=2011-03-18"]);
    check("首相将于星期一访问灾区。", p, &["星期一=2011-03-21"]);
    check("上周三，地震袭击了日本。", p, &["上周三=2011-03-09"]);
    check("下周二", p, &["下周二=2011-03-22"]);
    check("国連は昨日、声明を発表した。", p, &["昨日=2011-03-17"]);
    check("首相は水曜日に被災地を訪れた。", p, &["水曜日=2011-03-16"]);
    check("先週金曜日に地震が起きた。", p, &["先週金曜日=2011-03-11"]);
    check(
        "来週月曜日に訪問する予定だ。",
        p,
        &["来週月曜日=2011-03-21"],
    );
    check(
        "3日前に地震が起きた。15日に余震があった。",
        p,
        &["3日前=2011-03-15", "15日=2011-03-15"],
    );
    check("정부는 어제 발표했다.", p, &["어제=2011-03-17"]);
    check("대통령은 지난 15일 방문했다.", p, &["지난 15일=2011-03-15"]);
    check(
        "대통령은 오는 25일 방문할 예정이다.",
        p,
        &["오는 25일=2011-03-25"],
    );
    check(
        "지난주 수요일 지진이 발생했다.",
        p,
        &["지난주 수요일=2011-03-09"],
    );
    check("3일 전 지진이 발생했다.", p, &["3일 전=2011-03-15"]);
    check("금요일에 회의가 열렸다.", p, &["금요일에=2011-03-18"]);
    // Counts, durations and names are no days.
    for text in [
        "第1日",
        "3日间的工作",
        "3日間の会議",
        "1日あたり",
        "3일간",
        "일본 3 일본 기업",
        "2月30日",
        "周年",
        "将军周一",
    ] {
        let got = values(text, p);
        assert!(
            got.iter()
                .all(|v| v != "2011-03-01" && v != "2011-03-03" && v != "2011-03-30"),
            "{text}: {got:?}"
        );
    }
    check("将军周一抵达。", p, &["周一=2011-03-14"]);
}

/// Chinese, Japanese and Korean name years, months and weeks in words ("去年3月",
/// "지난달", "上周"), count weeks, months and years back ("两周前", "3か月前", "3년 전"),
/// and tell a day's events in sentences that open with "the same day" or "the next
/// day" ("同日", "当天", "翌日", "이날", "다음 날"). Published on Friday 2011-03-18.
#[test]
fn chinese_japanese_and_korean_years_months_weeks_and_anaphoric_days() {
    let p = "2011-03-18";
    check(
        "今年4月 去年3月15日 明年 昨年12月 来年1月 一昨年",
        p,
        &[
            "今年4月=2011-04",
            "去年3月15日=2010-03-15",
            "明年=2012",
            "昨年12月=2010-12",
            "来年1月=2012-01",
            "一昨年=2009",
        ],
    );
    check(
        "올해는 지난해 3월 15일 작년 내년 1월",
        p,
        &[
            "올해는=2011",
            "지난해 3월 15일=2010-03-15",
            "작년=2010",
            "내년 1월=2012-01",
        ],
    );
    // A month alone is the last such month, unless its clause speaks of a plan.
    check("3月，议会通过了预算。", p, &["3月=2011-03"]);
    check("5月，议会通过了预算。", p, &["5月=2010-05"]);
    check("5月将举行选举。", p, &["5月=2011-05"]);
    check(
        "上个月 本月 先月 来月 지난달 이달 다음 달 上月28日 이달 15일",
        p,
        &[
            "上个月=2011-02",
            "本月=2011-03",
            "先月=2011-02",
            "来月=2011-04",
            "지난달=2011-02",
            "이달=2011-03",
            "다음 달=2011-04",
            "上月28日=2011-02-28",
            "이달 15일=2011-03-15",
        ],
    );
    check(
        "上周 本周 下周 先週 来週 上周末 지난주 지난 주말",
        p,
        &[
            "上周=2011-W10",
            "本周=2011-W11",
            "下周=2011-W12",
            "先週=2011-W10",
            "来週=2011-W12",
            "上周末=2011-W10-WE",
            "지난주=2011-W10",
            "지난 주말=2011-W10-WE",
        ],
    );
    check(
        "两周前 三个月前 5年前 3か月前 2週間前 3개월 전 2주 전 3년 전",
        p,
        &[
            "两周前=2011-W09",
            "三个月前=2010-12",
            "5年前=2006",
            "3か月前=2010-12",
            "2週間前=2011-W09",
            "3개월 전=2010-12",
            "2주 전=2011-W09",
            "3년 전=2008",
        ],
    );
    // The same day, the next and the one before: from the day last mentioned.
    check(
        "政府は15日、対策を発表した。同日、首相は会見した。翌日、株価は下落した。",
        p,
        &["15日=2011-03-15", "同日=2011-03-15", "翌日=2011-03-16"],
    );
    check(
        "国务院8日召开会议。当天，总理讲话。次日，股市上涨。",
        p,
        &["8日=2011-03-08", "当天=2011-03-08", "次日=2011-03-09"],
    );
    check(
        "정부는 15일 대책을 발표했다. 이날 총리는 회견했다. 다음 날 주가는 하락했다.",
        p,
        &["15일=2011-03-15", "이날=2011-03-15", "다음 날=2011-03-16"],
    );
    check(
        "会談は10日に行われた。前日には準備会合があった。同月20日に再び会合。",
        p,
        &["10日=2011-03-10", "前日=2011-03-09", "同月20日=2011-03-20"],
    );
    // A later day than publication is this month's when a Japanese or Korean clause
    // ends in a non-past verb, last month's when it ends in a past or a report.
    check("首相は25日に訪問する。", p, &["25日=2011-03-25"]);
    check("首相は25日に訪問した。", p, &["25日=2011-02-25"]);
    check("首相は25日に死亡したという。", p, &["25日=2011-02-25"]);
    check("首相は25日に会見している。", p, &["25日=2011-02-25"]);
    check("대통령은 25일 방문한다.", p, &["25일=2011-03-25"]);
    check("대통령은 25일 방문하겠다.", p, &["25일=2011-03-25"]);
    check("대통령은 25일 방문했다.", p, &["25일=2011-02-25"]);
    check("대통령은 25일 방문했다고 한다.", p, &["25일=2011-02-25"]);
    check("首相は水曜日に被災地を訪れる。", p, &["水曜日=2011-03-23"]);
    // With no day before it, "the same day" is the day of publication.
    check("当天，总理讲话。", p, &["当天=2011-03-18"]);
    // Not dates: "with Japan", "when Japan", "of the same age", "二十年前" read as ten
    // years, an anniversary.
    for text in [
        "中国同日本签署协议。",
        "当日本政府宣布时",
        "当天然气价格上涨时",
        "当天气变冷时",
        "同年龄的人",
        "二十年前",
        "周年纪念",
    ] {
        let got = values(text, p);
        assert!(
            got.iter()
                .all(|v| v != "2011-03-18" && v != "2001" && v != "2011"),
            "{text}: {got:?}"
        );
    }
}

/// Spanish and Portuguese name a day of the month by its number alone ("el día 11", "o
/// próximo dia 30", "el pasado día 13 de marzo"), and Brazilian news puts a weekday's
/// day in brackets ("nesta quarta-feira (18)"). Published on Wednesday 2024-01-10.
#[test]
fn iberian_days_of_the_month_and_bracketed_weekday_days() {
    let es = |t: &str| tag_in(Language::Spanish, t, WED);
    let pt = |t: &str| tag_in(Language::Portuguese, t, WED);
    assert_eq!(
        es("La medida estará vigente hasta el próximo día 30."),
        ["próximo día 30=2024-01-30"]
    );
    assert_eq!(
        es("Se aprobó el pasado día 28."),
        ["pasado día 28=2023-12-28"]
    );
    assert_eq!(
        es("Se aprobó el pasado día 13 de diciembre."),
        ["pasado día 13 de diciembre=2023-12-13"]
    );
    assert_eq!(es("El día 8 la OMS habló."), ["día 8=2024-01-08"]);
    assert_eq!(es("El lunes (8) cerraron."), ["lunes (8)=2024-01-08"]);
    // A day count is no date.
    assert!(es("La huelga entra en su día 2 de protestas.").is_empty());
    assert_eq!(
        pt("O ministério confirmou nesta quarta-feira (10) a morte."),
        ["nesta quarta-feira (10)=2024-01-10"]
    );
    assert_eq!(
        pt("Na segunda (8), o governo agiu."),
        ["segunda (8)=2024-01-08"]
    );
    assert_eq!(
        pt("As aulas voltam no próximo dia 5."),
        ["próximo dia 5=2024-02-05"]
    );
    assert_eq!(
        pt("No dia 26 de dezembro, houve chuva."),
        ["dia 26 de dezembro=2023-12-26"]
    );
    // Still an ordinal without brackets, and English "day 30" is no date.
    assert!(pt("pela segunda vez").is_empty());
    assert!(tag_in(Language::English, "on day 30 of the trial", WED).is_empty());
}

#[test]
fn russian_relative() {
    let ru = |t: &str| tag_in(Language::Russian, t, WED);
    assert_eq!(
        ru("Протесты начались 15 декабря."),
        ["15 декабря=2023-12-15"]
    );
    assert_eq!(
        ru("Выборы пройдут 4 марта 2024 года."),
        ["4 марта 2024=2024-03-04"]
    );
    assert_eq!(ru("В декабре цены выросли."), ["декабре=2023-12"]);
    assert_eq!(
        ru("Два дня назад прошли митинги."),
        ["Два дня назад=2024-01-08"]
    );
    assert_eq!(
        ru("Неделю назад власти объявили."),
        ["Неделю назад=2024-W01"]
    );
    assert_eq!(
        ru("На прошлой неделе он подписал указ."),
        ["прошлой неделе=2024-W01"]
    );
    assert_eq!(
        ru("В прошлом году экономика выросла."),
        ["прошлом году=2023"]
    );
    assert_eq!(ru("В следующем месяце."), ["следующем месяце=2024-02"]);
    assert_eq!(ru("позавчера"), ["позавчера=2024-01-08"]);
    // Weekdays by the tense of the clause: past "заявил" → the last one, "состоится" →
    // the next.
    assert_eq!(
        ru("Во вторник министр заявил об этом."),
        ["вторник=2024-01-09"]
    );
    assert_eq!(ru("Встреча состоится в пятницу."), ["пятницу=2024-01-12"]);
    assert_eq!(ru("В следующую пятницу."), ["следующую пятницу=2024-01-12"]);
}

/// Arabic: the three sets of month names, two-word Levantine months and months named
/// twice ("آذار/مارس"), Arabic-Indic digits, "ago" before its count with the dual,
/// "last"/"next" after the noun, and "اليوم" as today only when it is not "the day".
/// Published on Wednesday 2024-01-10.
#[test]
fn arabic_dates() {
    let ar = |t: &str| tag_in(Language::Arabic, t, WED);
    assert_eq!(
        ar("اندلعت الاحتجاجات في 18 آذار/مارس 2011."),
        ["18 آذار/مارس 2011=2011-03-18"]
    );
    assert_eq!(
        ar("انتخب رئيسا في 7 أيار (مايو) 2012."),
        ["7 أيار (مايو) 2012=2012-05-07"]
    );
    assert_eq!(
        ar("وصل المبعوث في 3 كانون الثاني 2012."),
        ["3 كانون الثاني 2012=2012-01-03"]
    );
    assert_eq!(ar("صدر في 25 يناير."), ["25 يناير=2024-01-25"]);
    assert_eq!(
        ar("أعلنت في ١٥ ديسمبر ٢٠٢٣ القرار."),
        ["١٥ ديسمبر ٢٠٢٣=2023-12-15"]
    );
    assert_eq!(ar("صدر في ٢٠٢٣/١٢/١٧."), ["٢٠٢٣/١٢/١٧=2023-12-17"]);
    assert_eq!(ar("في 7 جوان الماضي."), ["7 جوان الماضي=2023-06-07"]);
    assert_eq!(ar("قالت الوزارة أمس إن"), ["أمس=2024-01-09"]);
    assert_eq!(ar("سيزور المدينة غداً."), ["غداً=2024-01-11"]);
    assert_eq!(ar("وقعت قبل ثلاثة أيام."), ["قبل ثلاثة أيام=2024-01-07"]);
    assert_eq!(ar("قتل اثنان قبل يومين."), ["قبل يومين=2024-01-08"]);
    assert_eq!(ar("عقد اجتماع الأسبوع الماضي."), ["الأسبوع الماضي=2024-W01"]);
    assert_eq!(ar("في العام الماضي."), ["العام الماضي=2023"]);
    assert_eq!(
        ar("من المقرر أن يجتمعوا يوم الثلاثاء المقبل."),
        ["الثلاثاء المقبل=2024-01-16"]
    );
    assert_eq!(ar("أعلن يوم الأحد أن"), ["الأحد=2024-01-07"]);
    assert_eq!(ar("في تشرين الأول الماضي."), ["تشرين الأول الماضي=2023-10"]);
    // "اليوم التالي" is the next day, not today; "اليوم الاثنين" is today, Monday.
    assert!(ar("وفي اليوم التالي خرج الآلاف.").is_empty());
    assert_eq!(ar("تظاهروا اليوم."), ["اليوم=2024-01-10"]);
    // "آب" is August only with its madda: "أب" is "father".
    assert!(ar("قال أب الضحية").is_empty());
    // "و" (and) joined to the second day; an ordinal day "of" a month; "this" after its
    // noun.
    assert_eq!(
        ar("جرت في 23 و24 أيار/مايو."),
        ["23 و24 أيار/مايو=2024-05-23"]
    );
    assert_eq!(
        ar("صدر الحكم في الثاني من كانون الثاني."),
        ["الثاني من كانون الثاني=2024-01-02"]
    );
    assert_eq!(ar("انخفضت الأسعار خلال العام الحالي."), ["العام الحالي=2024"]);
}

#[test]
fn ukrainian_relative() {
    let uk = |t: &str| tag_in(Language::Ukrainian, t, WED);
    assert_eq!(
        uk("Протести почалися 21 листопада 2013 року."),
        ["21 листопада 2013=2013-11-21"]
    );
    assert_eq!(
        uk("Вибори відбудуться 25 травня."),
        ["25 травня=2024-05-25"]
    );
    assert_eq!(uk("У грудні ціни зросли."), ["грудні=2023-12"]);
    assert_eq!(uk("Два дні тому в Києві."), ["Два дні тому=2024-01-08"]);
    assert_eq!(
        uk("Тиждень тому влада оголосила."),
        ["Тиждень тому=2024-W01"]
    );
    assert_eq!(
        uk("Минулого тижня парламент ухвалив закон."),
        ["Минулого тижня=2024-W01"]
    );
    assert_eq!(uk("Наступного місяця."), ["Наступного місяця=2024-02"]);
    // The apostrophe stays inside "п'ятниця", typed or typographic.
    assert_eq!(uk("У п'ятницю президент заявив."), ["п'ятницю=2024-01-05"]);
    assert_eq!(uk("У п’ятницю президент заявив."), ["п’ятницю=2024-01-05"]);
    assert_eq!(
        uk("Зустріч відбудеться в п'ятницю."),
        ["п'ятницю=2024-01-12"]
    );
}
