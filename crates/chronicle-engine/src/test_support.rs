//! Helpers shared by the unit tests.

use chronicle_ingest::Article;
use chrono::NaiveDate;

/// An article with only an id, a publication day and a text.
pub(crate) fn article(id: &str, published: (i32, u32, u32), text: &str) -> Article {
    Article {
        id: id.into(),
        published: NaiveDate::from_ymd_opt(published.0, published.1, published.2).unwrap(),
        title: None,
        url: None,
        source: None,
        language: None,
        text: text.into(),
    }
}
